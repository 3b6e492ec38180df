using Graph.Rdf;

namespace Graph.Sparql.Algebra;

/// <summary>A SPARQL 1.1 property path expression.</summary>
public abstract record PropertyPath;

public sealed record LinkPath(IriNode Iri) : PropertyPath;

public sealed record InversePath(PropertyPath Inner) : PropertyPath;

public sealed record SequencePath(PropertyPath Left, PropertyPath Right) : PropertyPath;

public sealed record AlternativePath(PropertyPath Left, PropertyPath Right) : PropertyPath;

public sealed record ZeroOrMorePath(PropertyPath Inner) : PropertyPath;

public sealed record OneOrMorePath(PropertyPath Inner) : PropertyPath;

public sealed record ZeroOrOnePath(PropertyPath Inner) : PropertyPath;

/// <summary>!(iri|^iri...): forward IRIs excluded on forward steps, inverse ones on backward steps.</summary>
public sealed record NegatedPath(IReadOnlyList<IriNode> Forward, IReadOnlyList<IriNode> Inverse) : PropertyPath;
