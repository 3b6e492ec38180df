namespace Graph.Rdf;

/// <summary>
/// A small in-memory set of triples with its prefixes, for building and comparing graphs.
/// Large data belongs in Graph.Store's indexed store.
/// </summary>
public class Graph : IRdfSink
{
    private readonly HashSet<Triple> _set = [];
    private readonly List<Triple> _order = [];

    public Graph() { }

    public Graph(IEnumerable<Triple> triples)
    {
        foreach (var t in triples) Assert(t);
    }

    /// <summary>Prefixes to use when the graph is written.</summary>
    public NamespaceMap Namespaces { get; } = new();

    public int Count => _set.Count;

    /// <summary>The triples in insertion order.</summary>
    public IReadOnlyList<Triple> Triples => _order;

    public bool Assert(Triple t)
    {
        if (!_set.Add(t)) return false;
        _order.Add(t);
        return true;
    }

    public bool Assert(INode s, IriNode p, INode o) => Assert(new Triple(s, p, o));

    public bool Retract(Triple t)
    {
        if (!_set.Remove(t)) return false;
        _order.Remove(t);
        return true;
    }

    public bool Contains(Triple t) => _set.Contains(t);

    void IRdfSink.Quad(in Quad quad) => Assert(quad.Triple);

    void IRdfSink.Prefix(string prefix, string namespaceIri) => Namespaces.Add(prefix, namespaceIri);
}

/// <summary>A default graph and named graphs.</summary>
public class Dataset : IRdfSink
{
    private readonly Dictionary<INode, Graph> _named = [];

    public Graph DefaultGraph { get; } = new();

    public NamespaceMap Namespaces { get; } = new();

    public IReadOnlyDictionary<INode, Graph> NamedGraphs => _named;

    /// <summary>The graph of that name, created on first use; null names the default graph.</summary>
    public Graph this[INode? name]
    {
        get
        {
            if (name is null) return DefaultGraph;
            if (!_named.TryGetValue(name, out var g)) _named[name] = g = new Graph();
            return g;
        }
    }

    public bool Add(in Quad q) => this[q.Graph].Assert(q.Triple);

    public IEnumerable<Quad> Quads
    {
        get
        {
            foreach (var t in DefaultGraph.Triples) yield return new Quad(t);
            foreach (var (name, g) in _named)
                foreach (var t in g.Triples) yield return new Quad(t, name);
        }
    }

    void IRdfSink.Quad(in Quad quad) => Add(quad);

    void IRdfSink.Prefix(string prefix, string namespaceIri) => Namespaces.Add(prefix, namespaceIri);
}
