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

    // Named graphs whose existence this transaction decided (created, dropped, or given quads): true exists, false gone.
    // A graph emptied by removing its quads keeps existing (SPARQL 1.1 Update §3.1 allows either; Jena keeps it too).
    private readonly Dictionary<int, bool> _existence = [];
    private QuadSnapshot? _view;
    private bool _closed;

    internal StoreTransaction(QuadSnapshot start)
    {
        Start = start;
        _baseline = start;
    }

    /// <summary>What the pending changes are relative to: <see cref="Start"/>, or an empty store after <see cref="ClearAll"/>/<see cref="DropAll"/>.</summary>
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
    /// What committing now would change, relative to <see cref="Start"/>, as the steps that redo it: whether every quad
    /// is removed first (named graphs staying, empty), the quads removed, the quads added, the named graphs created
    /// empty and the named graphs dropped (each sorted by id, so the same request gives the same list).
    /// A server journals this net change instead of the operations that produced it.
    /// </summary>
    public NetChange NetChanges()
    {
        EnsureOpen();
        var view = View;
        var removed = _removed.OrderBy(q => (q.G, q.S, q.P, q.O)).Select(view.Decode).ToList();
        var added = _added.OrderBy(q => (q.G, q.S, q.P, q.O)).Select(view.Decode).ToList();
        var candidates = new SortedSet<int>(_existence.Keys);
        if (!ReferenceEquals(_baseline, Start)) candidates.UnionWith(Start.NamedGraphs());
        var created = new List<INode>();
        var dropped = new List<INode>();
        foreach (var g in candidates)
        {
            bool before = Start.GraphExists(g), after = view.GraphExists(g);
            // A graph that ends up holding quads exists once they are added: only empty new graphs need saying.
            if (after && !before && view.Count(0, 0, 0, g) == 0) created.Add(view.GetTerm(g));
            else if (before && !after) dropped.Add(view.GetTerm(g));
        }
        return new NetChange(!ReferenceEquals(_baseline, Start), removed, added, created, dropped);
    }

    public bool HasChanges => _added.Count != 0 || _removed.Count != 0 || _existence.Count != 0 || !ReferenceEquals(_baseline, Start);

    /// <summary>Adds a quad; false if it was already there. Its named graph exists from then on.</summary>
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
        if (changed)
        {
            _view = null;
            // Inserting into a graph creates it (§3.1): emptied again later in this transaction, it still exists.
            if (quad.G != IQuadSource.DefaultGraph && (!_existence.TryGetValue(quad.G, out var exists) || !exists)) _existence[quad.G] = true;
        }
        return changed;
    }

    /// <summary>Removes a quad; false if it was not there. Its graph stays, even when left empty.</summary>
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

    /// <summary>True for the default graph (null) and every named graph that exists in <see cref="View"/>, empty or not.</summary>
    public bool GraphExists(INode? graph) => View.GraphExists(graph);

    /// <summary>Makes an empty named graph exist (CREATE GRAPH). False, changing nothing, if it exists already.</summary>
    public bool CreateGraph(INode graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (GraphExists(graph)) return false;
        _existence[Terms.GetOrAdd(graph)] = true;
        _view = null;
        return true;
    }

    /// <summary>Removes a named graph and its quads (DROP GRAPH). False, changing nothing, if it did not exist.</summary>
    public bool DropGraph(INode graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!Terms.TryGetId(graph, out var g) || !View.GraphExists(g)) return false;
        RemoveMatching(0, 0, 0, g);
        _existence[g] = false;
        _view = null;
        return true;
    }

    /// <summary>Removes every quad of a graph (null: the default graph); a named graph stays, empty. Returns how many were removed.</summary>
    public long ClearGraph(INode? graph)
    {
        EnsureOpen();
        int g = IQuadSource.DefaultGraph;
        if (graph is not null && !Terms.TryGetId(graph, out g)) return 0;
        return RemoveMatching(0, 0, 0, g);
    }

    /// <summary>Removes every quad of every graph, without listing them; named graphs stay, empty. Returns how many were removed.</summary>
    public long ClearAll()
    {
        EnsureOpen();
        var view = View;
        var removed = view.QuadCount;
        Reset(QuadSnapshot.Empty(Terms).WithEmptyGraphs(view.NamedGraphs().ToArray()));
        return removed;
    }

    /// <summary>Removes every quad and every named graph (DROP ALL). Returns how many quads were removed.</summary>
    public long DropAll()
    {
        EnsureOpen();
        var removed = View.QuadCount;
        Reset(QuadSnapshot.Empty(Terms));
        return removed;
    }

    private void Reset(QuadSnapshot baseline)
    {
        _baseline = baseline;
        _added.Clear();
        _removed.Clear();
        _existence.Clear();
        _view = null;
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

    /// <summary>The snapshot to publish: the cached <see cref="View"/> when it is current, so a commit does not build it twice.</summary>
    internal QuadSnapshot Result() => _view ?? Build();

    internal QuadSnapshot Build()
    {
        var adds = Sorted(_added);
        var removes = Sorted(_removed);
        QuadSnapshot quads;
        if (ReferenceEquals(_baseline, Start))
        {
            quads = Start.With(adds, removes);
            if (ReferenceEquals(quads, Start) && _existence.Count != 0) quads = Start.WithVersion(Start.Version + 1);
        }
        else quads = _baseline.With(adds, removes).WithVersion(Start.Version + 1);
        if (_existence.Count == 0 && _removed.Count == 0) return quads;

        // The empty named graphs: those that were empty and still are, plus any this transaction created or emptied.
        var candidates = new HashSet<int>(quads.EmptyGraphIds);
        foreach (var g in _existence.Keys) candidates.Add(g);
        foreach (var q in _removed)
            if (q.G != IQuadSource.DefaultGraph) candidates.Add(q.G);
        var empty = candidates
            .Where(g => quads.Count(0, 0, 0, g) == 0 && (_existence.TryGetValue(g, out var exists) ? exists : _baseline.GraphExists(g)))
            .Order()
            .ToArray();
        return empty.AsSpan().SequenceEqual(quads.EmptyGraphIds) ? quads : quads.WithEmptyGraphs(empty);
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

/// <summary>
/// The net change of a transaction, as steps to redo in this order: remove every quad (named graphs staying) when
/// <see cref="ClearsAll"/>, remove <see cref="Removed"/>, add <see cref="Added"/>, create <see cref="CreatedGraphs"/>
/// (empty), drop <see cref="DroppedGraphs"/>.
/// </summary>
public sealed record NetChange(
    bool ClearsAll,
    IReadOnlyList<Quad> Removed,
    IReadOnlyList<Quad> Added,
    IReadOnlyList<INode> CreatedGraphs,
    IReadOnlyList<INode> DroppedGraphs)
{
    public bool IsEmpty => !ClearsAll && Removed.Count == 0 && Added.Count == 0 && CreatedGraphs.Count == 0 && DroppedGraphs.Count == 0;
}
