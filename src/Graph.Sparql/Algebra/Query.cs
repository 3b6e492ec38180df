using Graph.Rdf;

namespace Graph.Sparql.Algebra;

public enum QueryForm { Select, Ask, Construct, Describe }

/// <summary>A parsed and translated query: its form, its algebra and what the form needs.</summary>
public sealed class Query
{
    public required QueryForm Form { get; init; }

    /// <summary>The algebra, including projection and solution modifiers.</summary>
    public required Op Pattern { get; init; }

    /// <summary>SELECT: the result variables in order.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>CONSTRUCT template (blank nodes are variables named with a leading '_').</summary>
    public IReadOnlyList<TriplePattern> Template { get; init; } = [];

    /// <summary>DESCRIBE targets.</summary>
    public IReadOnlyList<Term> DescribeTerms { get; init; } = [];

    public IReadOnlyList<IriNode> From { get; init; } = [];
    public IReadOnlyList<IriNode> FromNamed { get; init; } = [];

    public string? BaseIri { get; init; }
    public NamespaceMap Prefixes { get; init; } = new();

    public override string ToString() => Sse.Query(this);
}
