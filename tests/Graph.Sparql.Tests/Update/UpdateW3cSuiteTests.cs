namespace Graph.Sparql.Tests.Update;

/// <summary>The W3C SPARQL 1.1 Update test suites (../shared/w3c/sparql11), run in process.</summary>
[TestClass]
public sealed class UpdateW3cSuiteTests
{
    private static readonly string[] s_folders =
    [
        "add", "basic-update", "clear", "copy", "delete", "delete-data", "delete-insert", "delete-where", "drop", "move",
        "update-silent", "syntax-update-1", "syntax-update-2",
    ];

    public static IEnumerable<TestDataRow<string>> Syntax => UpdateW3cRunner.Rows(s_folders, "PositiveUpdateSyntaxTest11", "NegativeUpdateSyntaxTest11");
    public static IEnumerable<TestDataRow<string>> Evaluation => UpdateW3cRunner.Rows(s_folders, "UpdateEvaluationTest");

    [TestMethod]
    [DynamicData(nameof(Syntax))]
    public void UpdateSyntaxTestPasses(string id) => UpdateW3cRunner.RunSyntax(id);

    [TestMethod]
    [DynamicData(nameof(Evaluation))]
    public void UpdateEvaluationTestPasses(string id) => UpdateW3cRunner.RunEvaluation(id);
}
