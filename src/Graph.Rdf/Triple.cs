namespace Graph.Rdf;

/// <summary>An RDF triple. Subject is an IRI or blank node (RDF 1.2 keeps that rule); predicate an IRI.</summary>
public readonly struct Triple : IEquatable<Triple>
{
    public Triple(INode subject, IriNode predicate, INode obj)
    {
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
        Predicate = predicate ?? throw new ArgumentNullException(nameof(predicate));
        Object = obj ?? throw new ArgumentNullException(nameof(obj));
    }

    public INode Subject { get; }
    public IriNode Predicate { get; }
    public INode Object { get; }

    public bool Equals(Triple other) => Subject.Equals(other.Subject) && Predicate.Equals(other.Predicate) && Object.Equals(other.Object);

    public override bool Equals(object? obj) => obj is Triple t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Subject, Predicate, Object);

    public static bool operator ==(Triple a, Triple b) => a.Equals(b);
    public static bool operator !=(Triple a, Triple b) => !a.Equals(b);

    /// <summary>The N-Triples line, without the newline.</summary>
    public override string ToString() => Subject + " " + Predicate + " " + Object + " .";
}
