using Graph.Rdf;

namespace Graph.Store;

/// <summary>
/// The in-memory quad store: dictionary-encoded, every pattern answered from a sorted index with an exact count.
/// </summary>
/// <remarks>
/// Readers call <see cref="Snapshot"/> and get an immutable <see cref="QuadSnapshot"/> that no later write changes.
/// Writers are serialised: <see cref="Update(Action{StoreTransaction})"/> and <see cref="StoreLoader.Commit"/> build
/// a new snapshot aside and publish it with one reference swap, so a reader sees all of a write or none of it.
/// </remarks>
public sealed class QuadStore
{
    private readonly object _writeLock = new();
    private QuadSnapshot _current;

    public QuadStore()
    {
        Terms = new TermDictionary();
        _current = QuadSnapshot.Empty(Terms);
    }

    public TermDictionary Terms { get; }

    /// <summary>The current state, frozen: safe to read from any thread while writers go on.</summary>
    public QuadSnapshot Snapshot() => Volatile.Read(ref _current);

    public long QuadCount => Snapshot().QuadCount;

    // ---- writing -------------------------------------------------------------------------------------------------

    /// <summary>How many write transactions have run, committed or abandoned (a diagnostic: one update request should cost one).</summary>
    public long TransactionCount => Interlocked.Read(ref _transactions);

    private long _transactions;

    /// <summary>Runs a transaction: all its changes become visible together when it returns, none if it throws.</summary>
    public void Update(Action<StoreTransaction> body) => Update(txn =>
    {
        body(txn);
        return true;
    });

    /// <inheritdoc cref="Update(Action{StoreTransaction})"/>
    public T Update<T>(Func<StoreTransaction, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfInsideUpdate();
        lock (_writeLock)
        {
            Interlocked.Increment(ref _transactions);
            var txn = new StoreTransaction(Snapshot());
            try
            {
                var result = body(txn);
                if (txn.HasChanges) Volatile.Write(ref _current, txn.Result());
                return result;
            }
            finally
            {
                txn.Close();
            }
        }
    }

    public bool Add(in Quad quad)
    {
        var q = quad;
        return Update(txn => txn.Add(q));
    }

    public bool Add(INode subject, IriNode predicate, INode obj, INode? graph = null) => Add(new Quad(subject, predicate, obj, graph));

    public bool Remove(in Quad quad)
    {
        var q = quad;
        return Update(txn => txn.Remove(q));
    }

    /// <summary>Adds many quads in one atomic step. Returns how many were new.</summary>
    public long AddRange(IEnumerable<Quad> quads)
    {
        var loader = BeginLoad();
        foreach (var q in quads) loader.Quad(q);
        return loader.Commit();
    }

    /// <summary>A bulk loader: push quads into it (it is an <see cref="IRdfSink"/>), then commit.</summary>
    public StoreLoader BeginLoad() => new(this);

    /// <summary>Runs a producer (typically a reader) into a loader and commits. Returns how many quads were new.</summary>
    public long Load(Action<IRdfSink> produce)
    {
        var loader = BeginLoad();
        produce(loader);
        return loader.Commit();
    }

    /// <summary>Removes every quad of a graph (null: the default graph); a named graph stays, empty. Returns how many were removed.</summary>
    public long ClearGraph(INode? graph) => Update(txn => txn.ClearGraph(graph));

    /// <summary>Makes an empty named graph exist. False if it existed already (then nothing changes).</summary>
    public bool CreateGraph(INode graph) => Update(txn => txn.CreateGraph(graph));

    /// <summary>Removes a named graph with its quads. False if it did not exist.</summary>
    public bool DropGraph(INode graph) => Update(txn => txn.DropGraph(graph));

    /// <summary>Removes every quad and every named graph. Terms stay in the dictionary.</summary>
    public void Clear() => Update(txn => txn.DropAll());

    /// <summary>Merges the pending delta into the base (readers then scan one sorted range per pattern).</summary>
    public void Compact()
    {
        lock (_writeLock) Volatile.Write(ref _current, Snapshot().Compacted());
    }

    internal long CommitLoad(QuadKey[] keys)
    {
        ThrowIfInsideUpdate();
        // Sorting is the expensive part and needs no lock.
        keys = SortDistinct(keys);
        lock (_writeLock)
        {
            var current = Snapshot();
            if (current.QuadCount == 0)
            {
                var loaded = new QuadSnapshot(Terms, QuadSet.FromSortedDistinct(keys), QuadSet.Empty, QuadSet.Empty, current.Version + 1);
                if (current.EmptyGraphIds.Length > 0)
                    loaded = loaded.WithEmptyGraphs(current.EmptyGraphIds.Where(g => loaded.Count(0, 0, 0, g) == 0).ToArray());
                Volatile.Write(ref _current, loaded);
                return keys.Length;
            }
            var fresh = new List<QuadKey>();
            foreach (var k in keys)
                if (!current.Contains(QuadOrders.FromKey(QuadOrder.SPOG, k))) fresh.Add(k);
            if (fresh.Count == 0) return 0;
            Volatile.Write(ref _current, current.With(fresh.ToArray(), []));
            return fresh.Count;
        }
    }

    // A write nested in an update would commit first and then be overwritten by the outer transaction.
    private void ThrowIfInsideUpdate()
    {
        if (Monitor.IsEntered(_writeLock))
            throw new InvalidOperationException("a store cannot be written from inside one of its own updates; use the transaction");
    }

    private static QuadKey[] SortDistinct(QuadKey[] keys)
    {
        if (keys.Length == 0) return keys;
        Array.Sort(keys);
        var unique = 1;
        for (var i = 1; i < keys.Length; i++)
            if (keys[i] != keys[unique - 1]) keys[unique++] = keys[i];
        if (unique != keys.Length) Array.Resize(ref keys, unique);
        return keys;
    }

    // ---- reading (each call on the snapshot current at the time) -------------------------------------------------

    public IEnumerable<Quad> Match(INode? s, INode? p, INode? o, GraphFilter graph = default) => Snapshot().Match(s, p, o, graph);

    public long Count(INode? s, INode? p, INode? o, GraphFilter graph = default) => Snapshot().Count(s, p, o, graph);

    public bool Contains(in Quad quad) => Snapshot().Contains(quad);

    /// <summary>Every named graph, empty ones included.</summary>
    public IReadOnlyList<INode> NamedGraphs() => Snapshot().NamedGraphTerms();

    /// <summary>True for the default graph (null) and for every existing named graph, empty or not.</summary>
    public bool GraphExists(INode? graph) => Snapshot().GraphExists(graph);

    /// <summary>Every quad in a deterministic, term-based order (see <see cref="QuadSnapshot.Export"/>).</summary>
    public IEnumerable<Quad> Export() => Snapshot().Export();
}
