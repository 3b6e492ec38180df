using System.Text;
using Graph.Rdf;
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
