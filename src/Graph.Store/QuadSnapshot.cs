using Graph.Rdf;

namespace Graph.Store;

/// <summary>
/// An immutable view of a <see cref="QuadStore"/> at one moment: later writes never show through it.
/// It is a large sorted base plus a small sorted delta of added and removed quads, so a commit costs the size of
/// the delta rather than of the store; counts stay exact (base − removed + added, each a binary search).
/// It also knows which named graphs exist while holding no quad (SPARQL 1.1 Update §3.2.1 CREATE, §3.1.5 CLEAR):
/// a named graph exists when it holds a quad or is one of those empty graphs.
/// </summary>
public sealed class QuadSnapshot : IQuadSource
{
    private readonly QuadSet _base;
    private readonly QuadSet _adds;
    private readonly QuadSet _removes;
    private readonly int[] _emptyGraphs;
    private int[]? _namedGraphs;

    internal QuadSnapshot(TermDictionary terms, QuadSet baseSet, QuadSet adds, QuadSet removes, long version, int[]? emptyGraphs = null)
    {
        Terms = terms;
        _base = baseSet;
        _adds = adds;
        _removes = removes;
        Version = version;
        _emptyGraphs = emptyGraphs ?? [];
    }

    internal static QuadSnapshot Empty(TermDictionary terms) => new(terms, QuadSet.Empty, QuadSet.Empty, QuadSet.Empty, 0);

    /// <summary>The ids of the named graphs that exist but hold no quad, ascending (disjoint from the graphs holding quads).</summary>
    internal int[] EmptyGraphIds => _emptyGraphs;

    /// <summary>The dictionary shared by the store and all its snapshots (append-only, so ids never change meaning).</summary>
    public TermDictionary Terms { get; }

    /// <summary>Increases with every commit that changed the store.</summary>
    public long Version { get; }

    /// <summary>The number of quads.</summary>
    public long QuadCount => (long)_base.Count - _removes.Count + _adds.Count;

    internal bool HasDelta => _adds.Count != 0 || _removes.Count != 0;

    internal QuadSet Base => _base;

    // ---- IQuadSource ---------------------------------------------------------------------------------------------

    public bool TryGetId(INode node, out int id) => Terms.TryGetId(node, out id);

    public INode GetTerm(int id) => Terms.GetTerm(id);

    public long Count(int s, int p, int o, int g) =>
        _base.CountOf(s, p, o, g) - _removes.CountOf(s, p, o, g) + _adds.CountOf(s, p, o, g);

    /// <summary>Quads matching the pattern, sorted in <see cref="QuadOrders.ForPattern"/> order.</summary>
    public IEnumerable<EncodedQuad> Match(int s, int p, int o, int g) => new CursorEnumerable(Cursor(s, p, o, g));

    /// <summary>The allocation-free form of <see cref="Match"/>.</summary>
    public QuadCursor Cursor(int s, int p, int o, int g)
    {
        var order = QuadOrders.ForPattern(s, p, o);
        var b = QuadCursor.Range.Of(_base, s, p, o, g);
        if (!HasDelta) return new QuadCursor(order, b, default, default);
        return new QuadCursor(order, b, QuadCursor.Range.Of(_adds, s, p, o, g), QuadCursor.Range.Of(_removes, s, p, o, g));
    }

    public QuadOrder? SortOrderOf(int s, int p, int o, int g) => QuadOrders.ForPattern(s, p, o);

    /// <summary>Every named graph of the dataset, empty ones included, so GRAPH ?g ranges over all of them.</summary>
    public IEnumerable<int> NamedGraphs() => NamedGraphIds();

    public bool Contains(in EncodedQuad q) => _adds.Contains(q) || (_base.Contains(q) && !_removes.Contains(q));

    /// <summary>True for the default graph, a named graph holding quads, and an empty named graph that was created.</summary>
    public bool GraphExists(int g) =>
        g == IQuadSource.DefaultGraph || (g > IQuadSource.DefaultGraph && (Array.BinarySearch(_emptyGraphs, g) >= 0 || Count(0, 0, 0, g) > 0));

    /// <summary>Term-level <see cref="GraphExists(int)"/>: null is the default graph.</summary>
    public bool GraphExists(INode? graph) => graph is null || (Terms.TryGetId(graph, out var g) && GraphExists(g));

    private int[] NamedGraphIds()
    {
        var cached = Volatile.Read(ref _namedGraphs);
        if (cached is not null) return cached;
        var ids = _base.Graphs.Concat(_adds.Graphs)
            .Where(g => g != IQuadSource.DefaultGraph)
            .Distinct()
            .Where(g => Count(0, 0, 0, g) > 0)
            .Concat(_emptyGraphs)
            .Order()
            .ToArray();
        Volatile.Write(ref _namedGraphs, ids);
        return ids;
    }

    /// <summary>All quads in one of the orders SPOG, POSG or OSPG (for statistics and exports).</summary>
    internal IEnumerable<EncodedQuad> Scan(QuadOrder order)
    {
        if (order is not (QuadOrder.SPOG or QuadOrder.POSG or QuadOrder.OSPG))
            throw new ArgumentOutOfRangeException(nameof(order), "scans run in SPOG, POSG or OSPG order");
        var b = QuadCursor.Range.All(_base, order);
        if (!HasDelta) return new CursorEnumerable(new QuadCursor(order, b, default, default));
        return new CursorEnumerable(new QuadCursor(order, b, QuadCursor.Range.All(_adds, order), QuadCursor.Range.All(_removes, order)));
    }

    /// <summary>The number of distinct subjects, predicates, objects or graph names (of non-empty graphs).</summary>
    public long DistinctCount(QuadPosition position)
    {
        if (position == QuadPosition.Graph)
            return NamedGraphIds().Length - _emptyGraphs.Length + (Count(0, 0, 0, IQuadSource.DefaultGraph) > 0 ? 1 : 0);
        var order = position switch
        {
            QuadPosition.Subject => QuadOrder.SPOG,
            QuadPosition.Predicate => QuadOrder.POSG,
            _ => QuadOrder.OSPG,
        };
        long distinct = 0;
        var last = 0;
        foreach (var q in Scan(order))
        {
            var id = position switch { QuadPosition.Subject => q.S, QuadPosition.Predicate => q.P, _ => q.O };
            if (id == last) continue;
            distinct++;
            last = id;
        }
        return distinct;
    }

    // ---- term-level API ------------------------------------------------------------------------------------------

    /// <summary>Quads matching terms (null = any), in the graphs the filter selects.</summary>
    public IEnumerable<Quad> Match(INode? s, INode? p, INode? o, GraphFilter graph = default)
    {
        if (!TryEncodePattern(s, p, o, graph, out var es, out var ep, out var eo, out var eg)) return [];
        return Match(es, ep, eo, eg).Select(Decode);
    }

    public long Count(INode? s, INode? p, INode? o, GraphFilter graph = default) =>
        TryEncodePattern(s, p, o, graph, out var es, out var ep, out var eo, out var eg) ? Count(es, ep, eo, eg) : 0;

    public bool Contains(in Quad quad) => TryEncode(quad, out var q) && Contains(q);

    /// <summary>Every named graph (empty ones included), as terms, in id order.</summary>
    public IReadOnlyList<INode> NamedGraphTerms() => NamedGraphIds().Select(GetTerm).ToList();

    /// <summary>The named graphs that exist but hold no quad, as terms, in id order.</summary>
    public IReadOnlyList<INode> EmptyGraphTerms() => _emptyGraphs.Select(GetTerm).ToList();

    /// <summary>The quad ids of a quad, if all its terms are known.</summary>
    public bool TryEncode(in Quad quad, out EncodedQuad encoded)
    {
        encoded = default;
        int g = IQuadSource.DefaultGraph;
        if (!Terms.TryGetId(quad.Subject, out var s) || !Terms.TryGetId(quad.Predicate, out var p)
            || !Terms.TryGetId(quad.Object, out var o) || (quad.Graph is not null && !Terms.TryGetId(quad.Graph, out g)))
            return false;
        encoded = new EncodedQuad(s, p, o, g);
        return true;
    }

    public Quad Decode(EncodedQuad q) => new(
        Terms.GetTerm(q.S),
        (IriNode)Terms.GetTerm(q.P),
        Terms.GetTerm(q.O),
        q.G == IQuadSource.DefaultGraph ? null : Terms.GetTerm(q.G));

    /// <summary>
    /// Every quad, in an order that depends only on the terms (not on ids or load order): the default graph first,
    /// then named graphs, each by subject, predicate and object, terms compared by their N-Triples form.
    /// </summary>
    public IEnumerable<Quad> Export()
    {
        var quads = Scan(QuadOrder.SPOG).ToArray();
        var ids = new HashSet<int>();
        foreach (var q in quads)
        {
            ids.Add(q.S);
            ids.Add(q.P);
            ids.Add(q.O);
            if (q.G != IQuadSource.DefaultGraph) ids.Add(q.G);
        }
        var sorted = ids.ToArray();
        var text = sorted.Select(id => GetTerm(id).ToString()!).ToArray();
        Array.Sort(text, sorted, StringComparer.Ordinal);
        var rank = new Dictionary<int, int>(sorted.Length + 1) { [IQuadSource.DefaultGraph] = 0 };
        for (var i = 0; i < sorted.Length; i++) rank[sorted[i]] = i + 1;
        var keys = new QuadKey[quads.Length];
        for (var i = 0; i < quads.Length; i++)
        {
            var q = quads[i];
            keys[i] = new QuadKey(rank[q.G], rank[q.S], rank[q.P], rank[q.O]);
        }
        Array.Sort(keys, quads);
        return quads.Select(Decode);
    }

    private bool TryEncodePattern(INode? s, INode? p, INode? o, GraphFilter graph, out int es, out int ep, out int eo, out int eg)
    {
        es = ep = eo = eg = 0;
        return (s is null || Terms.TryGetId(s, out es))
            && (p is null || Terms.TryGetId(p, out ep))
            && (o is null || Terms.TryGetId(o, out eo))
            && graph.TryResolve(Terms, out eg);
    }

    // ---- commits -------------------------------------------------------------------------------------------------

    /// <summary>
    /// This snapshot with quads added and removed (sorted SPOG keys; adds absent from this view, removes present).
    /// Small changes go to the delta; once the delta outgrows a threshold it is merged into a new base.
    /// </summary>
    internal QuadSnapshot With(QuadKey[] adds, QuadKey[] removes)
    {
        if (adds.Length == 0 && removes.Length == 0) return this;
        var quads = WithQuads(adds, removes);
        return _emptyGraphs.Length == 0 ? quads : quads.WithEmptyGraphs(_emptyGraphs.Where(g => quads.Count(0, 0, 0, g) == 0).ToArray());
    }

    /// <summary>This snapshot's quads with the given set of empty named graphs (sorted ids holding no quad here).</summary>
    internal QuadSnapshot WithEmptyGraphs(int[] emptyGraphs) => new(Terms, _base, _adds, _removes, Version, emptyGraphs);

    private QuadSnapshot WithQuads(QuadKey[] adds, QuadKey[] removes)
    {
        // A re-added quad of the base only leaves the removed set; a removed quad of the delta only leaves the added set.
        var (undoRemoves, newAdds) = Split(adds, k => _base.Contains(QuadOrders.FromKey(QuadOrder.SPOG, k)));
        var (undoAdds, newRemoves) = Split(removes, k => _adds.Contains(QuadOrders.FromKey(QuadOrder.SPOG, k)));
        var deltaSize = (long)_adds.Count + newAdds.Length - undoAdds.Length + _removes.Count + newRemoves.Length - undoRemoves.Length;
        if (deltaSize > CompactionThreshold(_base.Count) || _base.Count == 0)
        {
            var allAdds = SortedKeys.Except(SortedKeys.Union(_adds.Spog, newAdds), undoAdds);
            var allRemoves = SortedKeys.Except(SortedKeys.Union(_removes.Spog, newRemoves), undoRemoves);
            return new QuadSnapshot(Terms, _base.Apply(allAdds, allRemoves), QuadSet.Empty, QuadSet.Empty, Version + 1);
        }
        return new QuadSnapshot(Terms, _base, _adds.Apply(newAdds, undoAdds), _removes.Apply(newRemoves, undoRemoves), Version + 1);
    }

    internal QuadSnapshot WithVersion(long version) => new(Terms, _base, _adds, _removes, version, _emptyGraphs);

    /// <summary>The same quads with an empty delta.</summary>
    internal QuadSnapshot Compacted() =>
        HasDelta ? new QuadSnapshot(Terms, _base.Apply(_adds.Spog, _removes.Spog), QuadSet.Empty, QuadSet.Empty, Version, _emptyGraphs) : this;

    internal static long CompactionThreshold(long baseCount) => Math.Max(8192, baseCount / 256);

    private static (QuadKey[] yes, QuadKey[] no) Split(QuadKey[] keys, Func<QuadKey, bool> test)
    {
        if (keys.Length == 0) return ([], []);
        var yes = new List<QuadKey>();
        var no = new List<QuadKey>(keys.Length);
        foreach (var k in keys) (test(k) ? yes : no).Add(k);
        return (yes.ToArray(), no.ToArray());
    }
}

/// <summary>A position in a quad.</summary>
public enum QuadPosition
{
    Subject,
    Predicate,
    Object,
    Graph,
}

/// <summary>Set operations on sorted, duplicate-free key arrays.</summary>
internal static class SortedKeys
{
    public static QuadKey[] Union(QuadKey[] a, QuadKey[] b)
    {
        if (b.Length == 0) return a;
        if (a.Length == 0) return b;
        var result = new List<QuadKey>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) result.Add(a[i++]);
            else if (b[j] < a[i]) result.Add(b[j++]);
            else { result.Add(a[i++]); j++; }
        }
        while (i < a.Length) result.Add(a[i++]);
        while (j < b.Length) result.Add(b[j++]);
        return result.ToArray();
    }

    public static QuadKey[] Except(QuadKey[] a, QuadKey[] b)
    {
        if (b.Length == 0 || a.Length == 0) return a;
        var result = new List<QuadKey>(a.Length);
        int j = 0;
        foreach (var k in a)
        {
            while (j < b.Length && b[j] < k) j++;
            if (j < b.Length && b[j] == k) continue;
            result.Add(k);
        }
        return result.ToArray();
    }
}
