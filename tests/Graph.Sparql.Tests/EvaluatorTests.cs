using Graph.Rdf;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Syntax;

namespace Graph.Sparql.Tests;

[TestClass]
public sealed class EvaluatorTests
{
    private const string Data = """
        <http://e/a> <http://e/knows> <http://e/b>
        <http://e/b> <http://e/knows> <http://e/c>
        <http://e/c> <http://e/knows> <http://e/a>
        <http://e/a> <http://e/name> "Alice"@en
        <http://e/b> <http://e/name> "Bob"@en
        <http://e/c> <http://e/name> "Carol"
        <http://e/a> <http://e/age> 30
        <http://e/b> <http://e/age> 25
        <http://e/a> <http://e/in> <http://e/g1> <http://e/g1>
        """;

    private static List<string> Select(string query, bool optimise = true)
    {
        var src = MemoryQuadSource.FromLines(Data);
        var q = QueryParser.Parse("PREFIX : <http://e/> " + query);
        var r = QueryEngine.Execute(q, src, new QueryOptions { Optimise = optimise });
        return r.Rows.Select(row => string.Join(" ", row.Select(n => n?.ToString() ?? "-"))).ToList();
    }

    private static void BothPaths(string query, params string[] expected)
    {
        CollectionAssert.AreEquivalent(expected, Select(query, true), "optimised");
        CollectionAssert.AreEquivalent(expected, Select(query, false), "unoptimised");
    }

    [TestMethod]
    public void OptionalKeepsSolutionsWithoutAMatch() =>
        BothPaths("SELECT ?s ?age { ?s :name ?n OPTIONAL { ?s :age ?age } }",
            "<http://e/a> \"30\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://e/b> \"25\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://e/c> -");

    [TestMethod]
    public void FilterInsideOptionalOnlyRestrictsTheOptionalPart() =>
        BothPaths("SELECT ?s ?age { ?s :name ?n OPTIONAL { ?s :age ?age FILTER(?age > 26) } }",
            "<http://e/a> \"30\"^^<http://www.w3.org/2001/XMLSchema#integer>", "<http://e/b> -", "<http://e/c> -");

    [TestMethod]
    public void NestedFilterDoesNotSeeOuterVariables() =>
        BothPaths("SELECT ?s { ?s :age ?age { FILTER(BOUND(?age)) } }");

    [TestMethod]
    public void UnionAndMinus() =>
        BothPaths("SELECT ?s { { ?s :age ?x } UNION { ?s :knows :a } MINUS { ?s :name \"Bob\"@en } }", "<http://e/a>", "<http://e/c>");

    [TestMethod]
    public void ZeroOrMorePathEndsOnCycles() =>
        BothPaths("SELECT ?x { :a :knows* ?x }", "<http://e/a>", "<http://e/b>", "<http://e/c>");

    [TestMethod]
    public void OneOrMorePathReachesTheStartThroughACycle() =>
        BothPaths("SELECT ?x { :a :knows+ :a BIND(1 AS ?x) }", "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");

    [TestMethod]
    public void CountPerGroupAndEmptyGroupCount()
    {
        BothPaths("SELECT (COUNT(*) AS ?n) { ?s :knows ?o }", "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        BothPaths("SELECT (COUNT(*) AS ?n) { ?s :nothing ?o }", "\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }

    [TestMethod]
    public void OrderByWithLimitKeepsTheBest() =>
        CollectionAssert.AreEqual(new[] { "<http://e/b>" }, Select("SELECT ?s { ?s :age ?a } ORDER BY ?a LIMIT 1"));

    [TestMethod]
    public void GraphVariableRangesOverNamedGraphs() =>
        BothPaths("SELECT ?g ?o { GRAPH ?g { ?s :in ?o } }", "<http://e/g1> <http://e/g1>");

    [TestMethod]
    public void ExistsSeesTheCurrentSolution() =>
        BothPaths("SELECT ?s { ?s :name ?n FILTER NOT EXISTS { ?s :age ?a } }", "<http://e/c>");

    [TestMethod]
    public void ValuesJoinsInlineData() =>
        BothPaths("SELECT ?s ?n { VALUES ?s { :a :c } ?s :name ?n }", "<http://e/a> \"Alice\"@en", "<http://e/c> \"Carol\"");

    [TestMethod]
    public void SubSelectProjectsOnlyItsVariables() =>
        BothPaths("SELECT ?s ?n { ?s :age ?a { SELECT ?s { ?s :knows ?n } } }", "<http://e/a> -", "<http://e/b> -");

    [TestMethod]
    public void LimitOverALargeCrossProductStopsEarly()
    {
        var src = new MemoryQuadSource();
        for (var i = 0; i < 300; i++) src.Add(new Quad(new IriNode("http://e/s" + i), new IriNode("http://e/p"), new IriNode("http://e/o" + i)));
        var q = QueryParser.Parse("SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } LIMIT 5");
        var r = QueryEngine.Execute(q, src, new QueryOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.AreEqual(5, r.Rows.Count());
    }

    [TestMethod]
    public void TimeoutStopsAHugeQueryWithAClearError()
    {
        var src = new MemoryQuadSource();
        for (var i = 0; i < 300; i++) src.Add(new Quad(new IriNode("http://e/s" + i), new IriNode("http://e/p"), new IriNode("http://e/o" + i)));
        var q = QueryParser.Parse("SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }");
        var r = QueryEngine.Execute(q, src, new QueryOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.ThrowsExactly<QueryLimitException>(() => r.Rows.ToList());
    }

    [TestMethod]
    public void MaterialisedMemoryCapGivesAClearError()
    {
        var src = MemoryQuadSource.FromLines(Data);
        var q = QueryParser.Parse("SELECT * { ?s ?p ?o } ORDER BY ?o");
        var r = QueryEngine.Execute(q, src, new QueryOptions { MaxMaterialisedValues = 10 });
        var e = Assert.ThrowsExactly<QueryLimitException>(() => r.Rows.ToList());
        StringAssert.Contains(e.Message, "materialised");
    }

    [TestMethod]
    public void TheRarestPatternRunsFirstAndExplainShowsEstimatedAndActualRows()
    {
        var src = MemoryQuadSource.FromLines(Data);
        var q = QueryParser.Parse("PREFIX : <http://e/> SELECT * { ?x :knows ?y . ?x :age 25 }");
        var r = QueryEngine.Execute(q, src, new QueryOptions { CountRows = true });
        Assert.AreEqual(1, r.Rows.Count());
        var explain = r.Explain();
        var bgp = explain.Split('\n').Single(l => l.TrimStart().StartsWith("bgp", StringComparison.Ordinal));
        Assert.IsTrue(bgp.IndexOf(":age>", StringComparison.Ordinal) < bgp.IndexOf(":knows>", StringComparison.Ordinal) || bgp.IndexOf("age", StringComparison.Ordinal) < bgp.IndexOf("knows", StringComparison.Ordinal), explain);
        StringAssert.Contains(bgp, "est ");
        StringAssert.Contains(bgp, "actual 1]");
    }

    [TestMethod]
    public void ComputedValuesJoinWithStoredTerms() =>
        BothPaths("SELECT ?s { BIND(IRI(\"http://e/b\") AS ?s) ?s :age ?a }", "<http://e/b>");

    [TestMethod]
    public void ComputedValuesNotInTheStoreStillCompareEqual() =>
        BothPaths("SELECT ?n { ?s :age ?a BIND(?a + 1 AS ?n) FILTER(?n = 26) }", "\"26\"^^<http://www.w3.org/2001/XMLSchema#integer>");

    [TestMethod]
    public void DescribeGivesTheResourcesTriples()
    {
        var src = MemoryQuadSource.FromLines(Data);
        var r = QueryEngine.Execute(QueryParser.Parse("DESCRIBE <http://e/b>"), src);
        Assert.AreEqual(3, r.Triples.Count());
    }

    [TestMethod]
    public void ConstructMakesFreshBlankNodesPerSolution()
    {
        var src = MemoryQuadSource.FromLines(Data);
        var r = QueryEngine.Execute(QueryParser.Parse("PREFIX : <http://e/> CONSTRUCT { [] :of ?s } WHERE { ?s :age ?a }"), src);
        Assert.AreEqual(2, r.Triples.Select(t => t.Subject).Distinct().Count());
    }
}
