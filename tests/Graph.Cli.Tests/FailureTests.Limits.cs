using System.Text;

namespace Graph.Cli.Tests;

/// <summary>
/// The documented limits (docs/reliability.md) end in a clear error and exit 1, never a crash: nesting depth in
/// every parser and in queries, and the query timeout. Each input is far beyond the limit, so that a missing bound
/// would overflow the stack (which kills the process, not just the test).
/// </summary>
[TestClass]
public sealed class FailureTestsLimits : CliTestBase
{
    private const int Deep = 100_000;

    [TestMethod]
    public void ADeeplyNestedQueryIsRejectedWithItsPosition()
    {
        var q = "SELECT * WHERE " + string.Concat(Enumerable.Repeat("{ ", Deep)) + "?s ?p ?o" + string.Concat(Enumerable.Repeat(" }", Deep));
        var (code, _, err) = RunKg("", false, "query", "--parse-only", "-e", q);
        AssertClearFailure(code, err, "nested");
    }

    [TestMethod]
    public void ADeeplyNestedQueryExpressionIsRejected()
    {
        var q = "SELECT * WHERE { ?s ?p ?o FILTER(" + string.Concat(Enumerable.Repeat("(", Deep)) + "1" + string.Concat(Enumerable.Repeat(")", Deep)) + ") }";
        var (code, _, err) = RunKg("", false, "query", "--parse-only", "-e", q);
        AssertClearFailure(code, err, "nested");
    }

    [TestMethod]
    public void DeeplyNestedTurtleBlankNodesAreReadOrRejectedWithoutCrashing()
    {
        var ttl = "<http://example.org/s> <http://example.org/p> " + string.Concat(Enumerable.Repeat("[ <http://example.org/p> ", Deep)) + "1" + string.Concat(Enumerable.Repeat(" ]", Deep)) + " .\n";
        var (code, output, err) = RunKg("", false, "parse", WriteFile("deep.ttl", ttl), "--to", "ntriples");
        // The Turtle reader keeps its own stack, so depth is no limit there: every triple must arrive.
        Assert.AreEqual(0, code, err);
        Assert.AreEqual(Deep + 1, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [TestMethod]
    public void DeeplyNestedTurtleTripleTermsAreRejected()
    {
        var ttl = "<http://example.org/s> <http://example.org/p> " + string.Concat(Enumerable.Repeat("<<( <http://example.org/s> <http://example.org/p> ", Deep)) + "1" + string.Concat(Enumerable.Repeat(" )>>", Deep)) + " .\n";
        var (code, _, err) = RunKg("", false, "parse", WriteFile("deep-terms.ttl", ttl), "--to", "ntriples");
        AssertClearFailure(code, err, "nested");
    }

    [TestMethod]
    public void DeeplyNestedJsonLdIsRejected()
    {
        var json = string.Concat(Enumerable.Repeat("{\"http://example.org/p\": ", Deep)) + "1" + new string('}', Deep);
        var (code, _, err) = RunKg("", false, "parse", WriteFile("deep.jsonld", json), "--to", "ntriples");
        AssertClearFailure(code, err, "nested");
    }

    [TestMethod]
    public void DeeplyNestedRdfXmlIsRejected()
    {
        var sb = new StringBuilder("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">");
        for (var i = 0; i < Deep / 2; i++) sb.Append("<rdf:Description><ex:p>");
        for (var i = 0; i < Deep / 2; i++) sb.Append("</ex:p></rdf:Description>");
        sb.Append("</rdf:RDF>");
        var (code, _, err) = RunKg("", false, "parse", WriteFile("deep.rdf", sb.ToString()), "--to", "ntriples");
        AssertClearFailure(code, err, "nested");
    }

    [TestMethod]
    public void AQueryOverItsTimeoutStopsWithAClearError()
    {
        var data = new StringBuilder();
        for (var i = 0; i < 300; i++) data.Append("<http://example.org/s").Append(i).Append("> <http://example.org/p> \"").Append(i).Append("\" .\n");
        // 300^4 rows: far more than any machine finishes within the limit.
        var q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }";
        var (code, output, err) = RunKg("", false, "query", "--data", WriteFile("d.nt", data.ToString()), "-e", q, "--timeout", "1", "--results", "json");
        AssertClearFailure(code, err, "time");
        Assert.AreEqual("", output, "no partial result");
    }

    [TestMethod]
    public void ALiteralOverTheLengthLimitIsRejectedWithItsPositionAndNoOutputFile()
    {
        var nt = "<http://example.org/s> <http://example.org/p> \"ok\" .\n<http://example.org/s> <http://example.org/p> \"" + new string('x', (16 << 20) + 1) + "\" .\n";
        var outFile = Path.Combine(Dir, "big.ttl");
        var (code, _, err) = RunKg("", false, "parse", WriteFile("big.nt", nt), "--to", "turtle", "--out", outFile);
        AssertClearFailure(code, err, "literal longer than the limit");
        StringAssert.Contains(err, "big.nt:2:", "the line of the literal");
        Assert.IsFalse(File.Exists(outFile), "no half-written output");
    }

    [TestMethod]
    public void AnIriOverTheLengthLimitIsRejected()
    {
        var ttl = "<http://example.org/" + new string('a', 1 << 20) + "> <http://example.org/p> 1 .\n";
        var (code, _, err) = RunKg("", false, "parse", WriteFile("long-iri.ttl", ttl), "--to", "ntriples");
        AssertClearFailure(code, err, "iri longer than the limit");
    }

    private static void AssertClearFailure(int code, string err, string mentions)
    {
        Assert.AreEqual(1, code, "exit 1 for a limit: " + err);
        StringAssert.Contains(err.ToLowerInvariant(), mentions, "the message says which limit: " + err);
        Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + err);
    }
}
