namespace Graph.Sparql.Tests.W3c;

/// <summary>The W3C SPARQL 1.1 and 1.0 query test suites (../shared/w3c), run in process.</summary>
[TestClass]
public sealed class SparqlW3cSuiteTests
{
    private static readonly string[] s_query11 =
    [
        "aggregates", "bind", "bindings", "cast", "construct", "exists", "functions", "grouping", "negation",
        "project-expression", "property-path", "subquery", "syntax-query",
    ];

    private static IEnumerable<string> Manifests11 => s_query11.Select(f => "sparql11/" + f + "/manifest.ttl");

    private static IEnumerable<string> Manifests10 => ["sparql10/manifest-syntax.ttl", "sparql10/manifest-evaluation.ttl"];

    public static IEnumerable<TestDataRow<string>> Syntax11 => SparqlW3cRunner.Rows(Manifests11, "PositiveSyntaxTest11", "NegativeSyntaxTest11");
    public static IEnumerable<TestDataRow<string>> Evaluation11 => SparqlW3cRunner.Rows(Manifests11, "QueryEvaluationTest");
    public static IEnumerable<TestDataRow<string>> Syntax10 => SparqlW3cRunner.Rows(Manifests10, "PositiveSyntaxTest", "NegativeSyntaxTest", "PositiveSyntaxTest11", "NegativeSyntaxTest11");
    public static IEnumerable<TestDataRow<string>> Evaluation10 => SparqlW3cRunner.Rows(Manifests10, "QueryEvaluationTest");

    [TestMethod]
    [DynamicData(nameof(Syntax11))]
    public void Sparql11SyntaxTestPasses(string id) => SparqlW3cRunner.RunSyntax(id);

    [TestMethod]
    [DynamicData(nameof(Evaluation11))]
    public void Sparql11EvaluationTestPasses(string id) => SparqlW3cRunner.RunEvaluation(id);

    [TestMethod]
    [DynamicData(nameof(Evaluation11))]
    public void Sparql11EvaluationTestPassesWithoutTheOptimiser(string id) => SparqlW3cRunner.RunEvaluation(id, optimise: false);

    [TestMethod]
    [DynamicData(nameof(Syntax10))]
    public void Sparql10SyntaxTestPasses(string id) => SparqlW3cRunner.RunSyntax(id);

    [TestMethod]
    [DynamicData(nameof(Evaluation10))]
    public void Sparql10EvaluationTestPasses(string id) => SparqlW3cRunner.RunEvaluation(id);

    [TestMethod]
    [DynamicData(nameof(Evaluation10))]
    public void Sparql10EvaluationTestPassesWithoutTheOptimiser(string id) => SparqlW3cRunner.RunEvaluation(id, optimise: false);
}
