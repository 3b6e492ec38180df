using Graph.Rdf;

namespace Graph.Store;

/// <summary>
/// The changes of one <see cref="QuadStore.Update(Action{StoreTransaction})"/>: nothing is visible to other readers
/// until the update returns, then all of it is, at once. <see cref="View"/> shows the transaction its own changes.
/// </summary>
public sealed class StoreTransaction
{
    private readonly HashSet<EncodedQuad> _added = [];
    private readonly HashSet<EncodedQuad> _removed = [];
    private QuadSnapshot? _view;
    private bool _closed;

    internal StoreTransaction(QuadSnapshot start)
    {
        Start = start;
        _baseline = start;
    }

    /// <summary>What the pending changes are relative to: <see cref="Start"/>, or an empty store after <see cref="ClearAll"/>.</summary>
    private QuadSnapshot _baseline;

    /// <summary>The store as it was when the transaction began.</summary>
    public QuadSnapshot Start { get; }

    public TermDictionary Terms => Start.Terms;

    /// <summary>The store as it would be if the transaction committed now (built on demand, cached until the next change).</summary>
    public QuadSnapshot View
    {
        get
        {
            EnsureOpen();
            return _view ??= Build();
        }
    }

    /// <summary>
    /// What committing now would change, relative to <see cref="Start"/>: whether everything is cleared first, then
    /// the quads removed and the quads added (each sorted by id, so the same request gives the same list).
    /// A server journals this net change instead of the operations that produced it.
    /// </summary>
    public (bool ClearsAll, IReadOnlyList<Quad> Removed, IReadOnlyList<Quad> Added) NetChanges()
    {
        EnsureOpen();
        var decoder = View;
        var removed = _removed.OrderBy(q => (q.G, q.S, q.P, q.O)).Select(decoder.Decode).ToList();
        var added = _added.OrderBy(q => (q.G, q.S, q.P, q.O)).Select(decoder.Decode).ToList();
        return (!ReferenceEquals(_baseline, Start), removed, added);
    }

    public bool HasChanges => _added.Count != 0 || _removed.Count != 0 || !ReferenceEquals(_baseline, Start);

    /// <summary>Adds a quad; false if it was already there.</summary>
    public bool Add(in Quad quad)
    {
        EnsureOpen();
        var g = quad.Graph is null ? IQuadSource.DefaultGraph : Terms.GetOrAdd(quad.Graph);
        return Add(new EncodedQuad(Terms.GetOrAdd(quad.Subject), Terms.GetOrAdd(quad.Predicate), Terms.GetOrAdd(quad.Object), g));
    }

    /// <summary>Adds a quad of ids (from <see cref="Terms"/>); false if it was already there.</summary>
    public bool Add(EncodedQuad quad)
    {
        EnsureOpen();
        Validate(quad);
        bool changed;
        if (_removed.Remove(quad)) changed = true;
        else changed = !_baseline.Contains(quad) && _added.Add(quad);
        if (changed) _view = null;
        return changed;
    }

    /// <summary>Removes a quad; false if it was not there.</summary>
    public bool Remove(in Quad quad)
    {
        EnsureOpen();
        return Start.TryEncode(quad, out var q) && Remove(q);
    }

    public bool Remove(EncodedQuad quad)
    {
        EnsureOpen();
        bool changed;
        if (_added.Remove(quad)) changed = true;
        else changed = _baseline.Contains(quad) && _removed.Add(quad);
        if (changed) _view = null;
        return changed;
    }

    /// <summary>Removes every quad of a graph (null: the default graph). Returns how many were removed.</summary>
    public long ClearGraph(INode? graph)
    {
        EnsureOpen();
        int g = IQuadSource.DefaultGraph;
        if (graph is not null && !Terms.TryGetId(graph, out g)) return 0;
        return RemoveMatching(0, 0, 0, g);
    }

    /// <summary>Removes every quad of every graph, without listing them. Returns how many were removed.</summary>
    public long ClearAll()
    {
        EnsureOpen();
        var removed = View.QuadCount;
        _baseline = QuadSnapshot.Empty(Terms);
        _added.Clear();
        _removed.Clear();
        _view = null;
        return removed;
    }

    /// <summary>Removes every quad matching a pattern of ids (0 = any). Returns how many were removed.</summary>
    public long RemoveMatching(int s, int p, int o, int g)
    {
        EnsureOpen();
        if ((s | p | o | g) == 0) return ClearAll();
        long removed = 0;
        foreach (var q in View.Match(s, p, o, g).ToList())
            if (Remove(q)) removed++;
        return removed;
    }

    internal QuadSnapshot Build()
    {
        var adds = Sorted(_added);
        var removes = Sorted(_removed);
        if (ReferenceEquals(_baseline, Start)) return Start.With(adds, removes);
        return _baseline.With(adds, removes).WithVersion(Start.Version + 1);
    }

    internal void Close() => _closed = true;

    private static QuadKey[] Sorted(HashSet<EncodedQuad> quads)
    {
        var keys = new QuadKey[quads.Count];
        var i = 0;
        foreach (var q in quads) keys[i++] = QuadOrders.ToKey(QuadOrder.SPOG, q);
        Array.Sort(keys);
        return keys;
    }

    private void Validate(EncodedQuad q)
    {
        var max = Terms.MaxId;
        if (q.S < 2 || q.P < 2 || q.O < 2 || q.G < 1 || q.S > max || q.P > max || q.O > max || q.G > max)
            throw new ArgumentOutOfRangeException(nameof(q), "a quad holds an id the dictionary never handed out: " + q);
    }

    private void EnsureOpen()
    {
        if (_closed) throw new InvalidOperationException("the transaction has ended");
    }
}
