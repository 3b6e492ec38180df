using System.Text;

namespace Graph.Cli.Tests;

/// <summary>`kg update`, run in-process.</summary>
[TestClass]
public sealed class UpdateVerbTests : CliTestBase
{
    private static (int Code, string Out, string Err) Run(params string[] args) => RunKg("", false, args);

    [TestMethod]
    public void DumpPrintsTheResultingDatasetAsSortedNQuads()
    {
        var data = WriteFile("d.ttl", "<http://ex/b> <http://ex/p> <http://ex/o> .\n");
        var (code, stdout, err) = Run("update", "--data", data, "-e",
            "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> \"x\" } } ; DELETE DATA { <http://ex/b> <http://ex/p> <http://ex/o> } ; INSERT DATA { <http://ex/a> <http://ex/p> <http://ex/o> }",
            "--dump", "nquads");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("<http://ex/a> <http://ex/p> \"x\" <http://ex/g> .\n<http://ex/a> <http://ex/p> <http://ex/o> .\n", stdout);
    }

    [TestMethod]
    public void ANamedGraphFromAnEmptyFileExistsAndEmptyGraphsLeaveTheDumpUnchanged()
    {
        var empty = WriteFile("empty.ttl", "# nothing\n");
        var (code, stdout, err) = Run("update", "--named", "http://ex/e=" + empty, "-e",
            "DROP GRAPH <http://ex/e> ; CREATE GRAPH <http://ex/c> ; INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } } ; CLEAR GRAPH <http://ex/g> ; INSERT DATA { <http://ex/a> <http://ex/p> 2 }",
            "--dump", "nquads");
        Assert.AreEqual(0, code, err);
        Assert.AreEqual("<http://ex/a> <http://ex/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", stdout);
        var (again, _, err2) = Run("update", "-e", "DROP GRAPH <http://ex/e>");
        Assert.AreEqual(1, again, "without --named the graph does not exist");
        StringAssert.Contains(err2, "does not exist");
    }

    [TestMethod]
    public void AFailingRequestExitsOneAndWritesNoOutputFile()
    {
        var outFile = Path.Combine(Dir, "out.nq");
        var (code, _, err) = Run("update", "-e", "INSERT DATA { <http://a> <http://b> <http://c> } ; COPY <http://missing> TO DEFAULT", "--out", outFile);
        Assert.AreEqual(1, code);
        StringAssert.Contains(err, "http://missing");
        Assert.IsFalse(File.Exists(outFile));
    }

    [TestMethod]
    public void ParseOnlyReportsASyntaxErrorWithItsPosition()
    {
        var ru = WriteFile("bad.ru", "DELETE DATA {\n  <http://a> <http://b> ?x }");
        var (code, _, err) = Run("update", "--update", ru, "--parse-only");
        Assert.AreEqual(1, code);
        StringAssert.Contains(err, "bad.ru:2:25:");
    }

    [TestMethod]
    public void OutSavesTheDatasetInTheFormatOfItsExtension()
    {
        var outFile = Path.Combine(Dir, "out.trig");
        var (code, _, err) = Run("update", "-e", "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }", "--out", outFile);
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(File.ReadAllText(outFile), "<http://ex/g> {");
    }

    [TestMethod]
    public void GivingNoUpdateIsAUsageError() => Assert.AreEqual(2, Run("update", "--dump", "nquads").Code);
}
