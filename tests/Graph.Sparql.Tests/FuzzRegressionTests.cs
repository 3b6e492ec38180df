using System.Text;
using Graph.Rdf;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Sparql.Update;

namespace Graph.Sparql.Tests;

/// <summary>
/// Inputs found by fuzzing (fuzz/run.sh, docs/fuzzing.md) and their neighbours. Long flat chains built left-deep
/// trees that later passes recursed over until the stack overflowed, which kills the process uncatchably; a long
/// projection was checked for repeats in quadratic time. The inputs are made here because they are long.
/// </summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    private const int Long = 200_000;

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static void AssertRejectedAsTooLarge(Action parse)
    {
        var e = Assert.ThrowsExactly<RdfParseException>(parse);
        StringAssert.Contains(e.Message, "chained operators");
        Assert.IsTrue(e.Line > 0 && e.Column > 0, e.Describe());
    }

    [TestMethod]
    public void AVeryLongUnionChainIsRejectedWithItsPosition() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { {} " + Repeat("UNION {} ", Long) + "}", "q.rq"));

    [TestMethod]
    public void AVeryLongUnionChainInAConstructIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("CONSTRUCT { ?s ?p ?o } WHERE { {} " + Repeat("UNION {} ", Long) + "}", "q.rq"));

    [TestMethod]
    public void AVeryLongOptionalChainIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { " + Repeat("OPTIONAL {} ", Long) + "}", "q.rq"));

    [TestMethod]
    public void AVeryLongChainOfGraphPatternsIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { " + Repeat("GRAPH ?g {} ", Long) + "}", "q.rq"));

    [TestMethod]
    public void AVeryLongChainOfValuesBlocksIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { " + Repeat("VALUES ?x {1} ", Long) + "}", "q.rq"));

    [TestMethod]
    public void AVeryLongPathSequenceIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { ?s <http://e/p>" + Repeat("/<http://e/p>", Long) + " ?o }", "q.rq"));

    [TestMethod]
    public void AVeryLongSumIsRejected() =>
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT * WHERE { FILTER(1" + Repeat(" + 1", Long) + ") }", "q.rq"));

    [TestMethod]
    public void AVeryLongListOfSelectExpressionsIsRejected()
    {
        var items = string.Join(" ", Enumerable.Range(0, Long).Select(i => $"(1 AS ?v{i})"));
        AssertRejectedAsTooLarge(() => QueryParser.Parse("SELECT " + items + " WHERE {}", "q.rq"));
    }

    [TestMethod]
    public void AVeryLongUnionChainInAnUpdateIsRejected() =>
        AssertRejectedAsTooLarge(() => UpdateParser.Parse("DELETE { ?s ?p ?o } WHERE { {} " + Repeat("UNION {} ", Long) + "}", "u.ru"));

    [TestMethod]
    public void ChainsWithinTheLimitStillParse()
    {
        var q = QueryParser.Parse("SELECT * WHERE { {?a ?b ?c} " + Repeat("UNION {?a ?b ?c} ", 500) + Repeat("OPTIONAL {?a ?b ?d} ", 500) + "}", "q.rq");
        CollectionAssert.AreEquivalent(new[] { "a", "b", "c", "d" }, q.Pattern.MaybeVars().Distinct().ToArray());
    }

    [TestMethod]
    public void AVeryLongProjectionOfVariablesParses()
    {
        var vars = Enumerable.Range(0, Long).Select(i => "?v" + i).ToList();
        var q = QueryParser.Parse("SELECT " + string.Join(" ", vars) + " WHERE {}", "q.rq");
        StringAssert.StartsWith(Algebra.Sse.Op(q.Pattern), "(project (?v0 ?v1 ");
    }

    [TestMethod]
    public void AVariableSelectedTwiceInALongProjectionIsReported()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT ?a ?b ?c ?b WHERE {}", "q.rq"));
        StringAssert.Contains(e.Message, "?b is selected twice");
    }
}

/// <summary>Inputs found by fuzzing the SPARQL tokenizer and the results readers: each used to escape as a non-parse exception.</summary>
[TestClass]
public sealed class FuzzRegressionInputTests
{
    private static RdfParseException Json(string json) =>
        Assert.ThrowsExactly<RdfParseException>(() => JsonResultsReader.Read(new StringReader(json), "r.srj"));

    private static RdfParseException Xml(string xml) =>
        Assert.ThrowsExactly<RdfParseException>(() => XmlResultsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "r.srx"));

    [TestMethod]
    public void AnExpressionGroupedByTwiceIsReadAsOneKey()
    {
        var q = QueryParser.Parse("SELECT (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY (STR(?x)) (STR(?x))", "q.rq");
        StringAssert.Contains(Algebra.Sse.Op(q.Pattern), "(group");
    }

    [TestMethod]
    public void AnEightDigitEscapePastUnicodeInAStringIsAParseError()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * { FILTER(\"\\UE0000031\") }", "q.rq"));
        StringAssert.Contains(e.Message, "escape");
    }

    [TestMethod]
    public void AnEightDigitEscapePastUnicodeInAnIriIsAParseError() =>
        Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * { <\\UFFFFFFFF> ?p ?o }", "q.rq"));

    [TestMethod]
    public void ASurrogateEscapeInAnIriIsAParseError() =>
        Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * { <http://e/\\uD800> ?p ?o }", "q.rq"));

    [TestMethod]
    public void ResultsJsonWhoseHeadIsNotAnObjectIsAParseError() =>
        Json("{\"head\": 1, \"results\": {\"bindings\": []}}");

    [TestMethod]
    public void ResultsJsonWhoseResultsIsNotAnObjectIsAParseError() =>
        Json("{\"head\": {\"vars\": []}, \"results\": \"x\"}");

    [TestMethod]
    public void ResultsJsonWithABadBaseDirectionIsAParseErrorWithItsPosition()
    {
        var e = Json("{\"head\": {\"vars\": [\"x\"]}, \"results\": {\"bindings\": [\n{\"x\": {\"type\": \"literal\", \"value\": \"a\", \"xml:lang\": \"en\", \"its:dir\": \"up\"}}]}}");
        Assert.AreEqual(2L, e.Line, e.Describe());
    }

    [TestMethod]
    public void ResultsJsonWithAnEmptyBlankNodeLabelIsAParseError() =>
        Json("{\"head\": {\"vars\": [\"x\"]}, \"results\": {\"bindings\": [{\"x\": {\"type\": \"bnode\", \"value\": \"\"}}]}}");

    [TestMethod]
    public void ResultsJsonWithANonStringTypeIsAParseError() =>
        Json("{\"head\": {\"vars\": [\"x\"]}, \"results\": {\"bindings\": [{\"x\": {\"type\": [1], \"value\": \"a\"}}]}}");

    [TestMethod]
    public void ResultsXmlWithABadVersionInItsDeclarationIsAParseError()
    {
        var e = Xml("<?xml version=\"2.0\"?><sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head/><boolean>true</boolean></sparql>");
        Assert.AreEqual(1L, e.Line, e.Describe());
    }

    [TestMethod]
    public void ResultsXmlWithABadBaseDirectionIsAParseError() =>
        Xml("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\" xmlns:its=\"http://www.w3.org/2005/11/its\"><head><variable name=\"x\"/></head>"
            + "<results><result><binding name=\"x\"><literal xml:lang=\"en\" its:dir=\"up\">a</literal></binding></result></results></sparql>");

    [TestMethod]
    public void ResultsXmlWithAnEmptyBlankNodeLabelIsAParseError() =>
        Xml("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head><variable name=\"x\"/></head>"
            + "<results><result><binding name=\"x\"><bnode></bnode></binding></result></results></sparql>");
}
