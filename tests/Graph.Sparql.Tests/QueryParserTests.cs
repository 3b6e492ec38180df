using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Syntax;

namespace Graph.Sparql.Tests;

[TestClass]
public sealed class QueryParserTests
{
    private static string Plan(string query) => Sse.Op(QueryParser.Parse(query, "q.rq").Pattern);

    [TestMethod]
    public void OptionalWithFilterBecomesLeftJoinWithItsFilter()
    {
        var plan = Plan("PREFIX : <http://e/> SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x FILTER(?x > 1) } }");
        StringAssert.Contains(plan, "(leftjoin");
        StringAssert.Contains(plan, "(> ?x 1))");
        Assert.IsFalse(plan.Contains("(filter", StringComparison.Ordinal), plan);
    }

    [TestMethod]
    public void GroupFiltersApplyToTheWholeGroup()
    {
        var plan = Plan("SELECT * { FILTER(?o = 1) ?s <http://e/p> ?o OPTIONAL { ?s <http://e/q> ?z } }");
        Assert.IsTrue(plan.StartsWith("(project (?s ?o ?z)\n  (filter (= ?o 1)\n    (leftjoin", StringComparison.Ordinal), plan);
    }

    [TestMethod]
    public void AggregatesBecomeAGroupOperatorWithHiddenVariables()
    {
        var plan = Plan("SELECT ?s (COUNT(?o) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(?o) > 2)");
        StringAssert.Contains(plan, "(group (?s) ((?.agg0 (count ?o)))");
        StringAssert.Contains(plan, "(filter (> ?.agg0 2)");
        StringAssert.Contains(plan, "(extend ((?n ?.agg0))");
    }

    [TestMethod]
    public void SequencePathsExpandIntoTriplesAndClosuresStayPaths()
    {
        var plan = Plan("PREFIX : <http://e/> SELECT * { ?a :p/^:q ?b . ?b :r* ?c }");
        StringAssert.Contains(plan, "(triple ?a <http://e/p> ?.p0)");
        StringAssert.Contains(plan, "(triple ?b <http://e/q> ?.p0)");
        StringAssert.Contains(plan, "(path ?b (path* <http://e/r>) ?c)");
    }

    [TestMethod]
    public void UndefinedPrefixIsReportedWithItsPosition()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * {\n  ?s ex:p ?o }", "q.rq"));
        Assert.AreEqual(2, e.Line);
        Assert.AreEqual(6, e.Column);
        StringAssert.Contains(e.Message, "ex:");
    }

    [TestMethod]
    public void MissingBraceSaysWhatWasExpected()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * WHERE { ?s ?p ?o ", "q.rq"));
        StringAssert.Contains(e.Message, "expected");
        StringAssert.Contains(e.Message, "end of input");
    }

    [TestMethod]
    public void TenThousandNestedGroupsGiveACleanError()
    {
        var q = "SELECT * " + new string('{', 10_000) + new string('}', 10_000);
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse(q, "deep.rq"));
        StringAssert.Contains(e.Message, "nested too deeply");
    }

    [TestMethod]
    public void DeeplyNestedBracketsInExpressionsGiveACleanError()
    {
        var q = "SELECT * { FILTER(" + new string('(', 10_000) + "1" + new string(')', 10_000) + ") }";
        var e = Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse(q, "deep.rq"));
        StringAssert.Contains(e.Message, "nested too deeply");
    }

    [TestMethod]
    public void BindOfAVariableAlreadyInScopeIsRejected()
    {
        Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT * { ?s ?p ?o BIND(1 AS ?o) }"));
    }

    [TestMethod]
    public void SelectingAnUngroupedVariableIsRejected()
    {
        Assert.ThrowsExactly<RdfParseException>(() => QueryParser.Parse("SELECT ?o { ?s ?p ?o } GROUP BY ?s"));
    }

    [TestMethod]
    public void ConstructWhereShorthandUsesThePatternAsTemplate()
    {
        var q = QueryParser.Parse("CONSTRUCT WHERE { ?s <http://e/p> ?o }");
        Assert.AreEqual(QueryForm.Construct, q.Form);
        Assert.AreEqual(1, q.Template.Count);
    }

    [TestMethod]
    public void PrefixedNamesWithEscapesAndDotsAreRead()
    {
        var q = QueryParser.Parse("PREFIX e: <http://e/> ASK { e:a\\.b e:c.d e:x%20y . }");
        StringAssert.Contains(Sse.Op(q.Pattern), "<http://e/a.b> <http://e/c.d> <http://e/x%20y>");
    }

    [TestMethod]
    public void ValuesAndSignedNumbersAreData()
    {
        var q = QueryParser.Parse("SELECT * { VALUES (?x ?y) { (1 -2) (UNDEF \"a\"@en) } }");
        StringAssert.Contains(Sse.Op(q.Pattern), "(row [?x 1] [?y -2]) (row [?y \"a\"@en])");
    }
}
