namespace Graph.Rdf;

/// <summary>An absolute IRI. Validation and resolution live in <see cref="Iri"/>; this type only carries the string.</summary>
public sealed class IriNode : INode
{
    public IriNode(string iri)
    {
        ArgumentNullException.ThrowIfNull(iri);
        Value = iri;
    }

    public string Value { get; }

    public NodeKind Kind => NodeKind.Iri;

    public bool Equals(INode? other) => other is IriNode i && (ReferenceEquals(this, i) || string.Equals(Value, i.Value, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is INode n && Equals(n);

    public override int GetHashCode() => string.GetHashCode(Value, StringComparison.Ordinal);

    public override string ToString() => NTriplesText.Iri(Value);

    public static implicit operator IriNode(string iri) => new(iri);
}
