namespace Graph.Sparql.Tests.Update;

/// <summary>The one list of W3C SPARQL 1.1 update tests this engine does not run, each with its reason.</summary>
internal static class UpdateW3cExclusions
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
