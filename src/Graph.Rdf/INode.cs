namespace Graph.Rdf;

/// <summary>The kinds of RDF term. The numeric order is the SPARQL ORDER BY order of kinds.</summary>
public enum NodeKind : byte
{
    BlankNode = 0,
    Iri = 1,
    Literal = 2,
    TripleTerm = 3,
}

/// <summary>An RDF term: an IRI, a blank node, a literal or (RDF 1.2) a triple term.</summary>
/// <remarks>Terms are immutable and compared by value. <see cref="object.ToString"/> gives the N-Triples form.</remarks>
public interface INode : IEquatable<INode>
{
    NodeKind Kind { get; }
}
