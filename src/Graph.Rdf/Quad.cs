namespace Graph.Rdf;

/// <summary>A triple in a graph. <see cref="Graph"/> is null for the default graph, else an IRI or blank node.</summary>
public readonly struct Quad : IEquatable<Quad>
{
    public Quad(INode subject, IriNode predicate, INode obj, INode? graph = null)
    {
        Triple = new Triple(subject, predicate, obj);
        Graph = graph;
    }

    public Quad(Triple triple, INode? graph = null)
    {
        Triple = triple;
        Graph = graph;
    }

    public Triple Triple { get; }
    public INode Subject => Triple.Subject;
    public IriNode Predicate => Triple.Predicate;
    public INode Object => Triple.Object;

    /// <summary>The graph name, or null for the default graph.</summary>
    public INode? Graph { get; }

    public bool IsDefaultGraph => Graph is null;

    public bool Equals(Quad other) => Triple.Equals(other.Triple) && Equals(Graph, other.Graph);

    public override bool Equals(object? obj) => obj is Quad q && Equals(q);

    public override int GetHashCode() => HashCode.Combine(Triple, Graph);

    public static bool operator ==(Quad a, Quad b) => a.Equals(b);
    public static bool operator !=(Quad a, Quad b) => !a.Equals(b);

    /// <summary>The N-Quads line, without the newline.</summary>
    public override string ToString() => Graph is null ? Triple.ToString() : Subject + " " + Predicate + " " + Object + " " + Graph + " .";
}
