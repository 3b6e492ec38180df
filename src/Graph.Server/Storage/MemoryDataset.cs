using Graph.Rdf;
using Graph.Server.Engine;

namespace Graph.Server;

/// <summary>
/// An in-memory dataset with O(1) add and remove that keeps insertion order, so that what the server writes is
/// deterministic (string hash codes are randomised per process, so hash-set order is not).
/// </summary>
public sealed class MemoryDataset : IServerDataset
{
    private sealed class OrderedGraph
    {
        public readonly Dictionary<Triple, LinkedListNode<Triple>> Index = [];
        public readonly LinkedList<Triple> Order = new();
    }

    private readonly OrderedGraph _default = new();
    private readonly Dictionary<INode, OrderedGraph> _named = [];
    private readonly List<INode> _namedOrder = [];

    public long Count { get; private set; }

    public IEnumerable<Quad> GraphQuads(INode? graph)
    {
        var g = Find(graph);
        if (g is null) yield break;
        foreach (var t in g.Order) yield return new Quad(t, graph);
    }

    public IEnumerable<Quad> AllQuads()
    {
        foreach (var q in GraphQuads(null)) yield return q;
        foreach (var name in _namedOrder)
            foreach (var q in GraphQuads(name)) yield return q;
    }

    public IEnumerable<INode> GraphNames() => _namedOrder;

    public bool Contains(in Quad quad) => Find(quad.Graph)?.Index.ContainsKey(quad.Triple) == true;

    public long CountGraph(INode? graph) => Find(graph)?.Index.Count ?? 0;

    public void Apply(ChangeSet changes)
    {
        foreach (var c in changes.Changes)
        {
            switch (c.Kind)
            {
                case ChangeKind.Add: Add(c.Quad); break;
                case ChangeKind.Remove: Remove(c.Quad); break;
                case ChangeKind.ClearGraph: ClearGraph(c.Graph); break;
                case ChangeKind.ClearAll:
                    ClearGraph(null);
                    foreach (var n in _namedOrder.ToList()) ClearGraph(n);
                    break;
                default: throw new InvalidOperationException("unknown change kind " + c.Kind);
            }
        }
    }

    private OrderedGraph? Find(INode? graph) => graph is null ? _default : _named.GetValueOrDefault(graph);

    private void Add(in Quad q)
    {
        var g = Find(q.Graph);
        if (g is null)
        {
            g = new OrderedGraph();
            _named[q.Graph!] = g;
            _namedOrder.Add(q.Graph!);
        }
        if (g.Index.ContainsKey(q.Triple)) return;
        g.Index[q.Triple] = g.Order.AddLast(q.Triple);
        Count++;
    }

    private void Remove(in Quad q)
    {
        var g = Find(q.Graph);
        if (g is null || !g.Index.Remove(q.Triple, out var node)) return;
        g.Order.Remove(node);
        Count--;
        if (q.Graph is not null && g.Index.Count == 0) DropNamed(q.Graph);
    }

    private void ClearGraph(INode? graph)
    {
        var g = Find(graph);
        if (g is null) return;
        Count -= g.Index.Count;
        if (graph is null)
        {
            g.Index.Clear();
            g.Order.Clear();
        }
        else DropNamed(graph);
    }

    private void DropNamed(INode name)
    {
        _named.Remove(name);
        _namedOrder.Remove(name);
    }
}
