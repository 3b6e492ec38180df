namespace Graph.Sparql.Tests.W3c;

/// <summary>The one list of W3C SPARQL query tests this engine does not run, each with its reason.</summary>
internal static class SparqlW3cExclusions
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
