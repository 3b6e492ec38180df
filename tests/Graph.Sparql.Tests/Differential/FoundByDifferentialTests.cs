using Graph.Rdf;
using Graph.Sparql.Syntax;

namespace Graph.Sparql.Tests.Differential;

/// <summary>Regressions for disagreements the random differential run found, each settled by the spec.</summary>
[TestClass]
public sealed class FoundByDifferentialTests
{
    /// <summary>SPARQL 1.1 grammar [119]: UnaryExpression ::= '!' PrimaryExpression | ... — a second '!' is not a PrimaryExpression.</summary>
    [TestMethod]
    [DataRow("SELECT * { ?s ?p ?o FILTER(!!bound(?s)) }")]
    [DataRow("SELECT * { ?s ?p ?o FILTER(- -?o > 1) }")]
    [DataRow("SELECT * { ?s ?p ?o FILTER(!-?o) }")]
    public void ADoubleUnaryOperatorIsASyntaxError(string query)
    {
        var e = Assert.Throws<RdfParseException>(() => QueryParser.Parse(query, "q.rq", "http://example.org/"));
        Assert.IsGreaterThan(0, e.Line);
    }

    [TestMethod]
    [DataRow("SELECT * { ?s ?p ?o FILTER(!(!bound(?s))) }")]
    [DataRow("SELECT * { ?s ?p ?o FILTER(-(-?o) > -1) }")]
    [DataRow("SELECT * { ?s ?p ?o FILTER(!bound(?s) && -5 < +3) }")]
    public void ABracketedOrSingleUnaryOperatorStillParses(string query) =>
        Assert.IsNotNull(QueryParser.Parse(query, "q.rq", "http://example.org/"));
}
