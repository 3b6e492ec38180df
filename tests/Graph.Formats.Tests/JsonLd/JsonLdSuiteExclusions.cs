namespace Graph.Formats.Tests.JsonLd;

/// <summary>
/// Every W3C JSON-LD test this project does not run, with the reason, in one place. Entries are reported as
/// inconclusive (skipped), never as passed.
/// </summary>
internal static class JsonLdSuiteExclusions
{
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["toRdf#te075"] = "produceGeneralizedRdf: the expected output has a blank-node predicate, which an RDF (non-generalized) Quad cannot hold",
    };

    /// <summary>Tests whose specVersion is json-ld-1.0 check 1.0-only behaviour a 1.1 processor must not have.</summary>
    public const string Json10Only = "specVersion json-ld-1.0: behaviour of JSON-LD 1.0 processors only";
}
