namespace Graph.Cli.Tests;

/// <summary>`kg query`, run in-process.</summary>
[TestClass]
public sealed class QueryVerbTests : CliTestBase
{
    [TestMethod]
    public void ANamedGraphFromAnEmptyFileIsAmongTheDatasetsGraphs()
    {
        var empty = WriteFile("empty.ttl", "# nothing\n");
        var full = WriteFile("full.ttl", "<http://ex/a> <http://ex/p> 1 .\n");
        var (code, stdout, err) = RunKg("", false, "query", "--named", "http://ex/e=" + empty, "--named", "http://ex/f=" + full,
            "-e", "SELECT ?g { GRAPH ?g { } } ORDER BY ?g", "--results", "csv");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("g\r\nhttp://ex/e\r\nhttp://ex/f\r\n", stdout);
    }
}
