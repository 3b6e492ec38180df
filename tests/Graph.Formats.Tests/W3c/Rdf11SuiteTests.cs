namespace Graph.Formats.Tests.W3c;

/// <summary>The W3C RDF 1.1 suites for N-Triples, N-Quads, Turtle and TriG: every test must pass.</summary>
[TestClass]
public sealed class Rdf11SuiteTests
{
    public static IEnumerable<TestDataRow<string>> NTriples => W3cRunner.Rows("rdf11/rdf-n-triples/manifest.ttl", false);
    public static IEnumerable<TestDataRow<string>> NQuads => W3cRunner.Rows("rdf11/rdf-n-quads/manifest.ttl", false);
    public static IEnumerable<TestDataRow<string>> Turtle => W3cRunner.Rows("rdf11/rdf-turtle/manifest.ttl", false);
    public static IEnumerable<TestDataRow<string>> TriG => W3cRunner.Rows("rdf11/rdf-trig/manifest.ttl", false);

    [TestMethod]
    [DynamicData(nameof(NTriples))]
    public void NTriplesTestPasses(string id) => W3cRunner.Run(id);

    [TestMethod]
    [DynamicData(nameof(NQuads))]
    public void NQuadsTestPasses(string id) => W3cRunner.Run(id);

    [TestMethod]
    [DynamicData(nameof(Turtle))]
    public void TurtleTestPasses(string id) => W3cRunner.Run(id);

    [TestMethod]
    [DynamicData(nameof(TriG))]
    public void TriGTestPasses(string id) => W3cRunner.Run(id);
}
