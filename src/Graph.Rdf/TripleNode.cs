namespace Graph.Rdf;

/// <summary>An RDF 1.2 triple term, <c>&lt;&lt;( s p o )&gt;&gt;</c>, usable as an object.</summary>
public sealed class TripleNode : INode
{
    public TripleNode(Triple triple) => Triple = triple;

    public Triple Triple { get; }

    public NodeKind Kind => NodeKind.TripleTerm;

    public bool Equals(INode? other) => other is TripleNode t && Triple.Equals(t.Triple);

    public override bool Equals(object? obj) => obj is INode n && Equals(n);

    public override int GetHashCode() => Triple.GetHashCode() ^ 0x2f;

    public override string ToString() => "<<( " + Triple.Subject + " " + Triple.Predicate + " " + Triple.Object + " )>>";
}
