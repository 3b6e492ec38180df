using System.Text;

namespace Graph.Cli.Tests;

/// <summary>`kg update`, run in-process.</summary>
[TestClass]
public sealed class UpdateVerbTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "kg-update-verb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var input = new MemoryStream();
        var output = new MemoryStream();
        var outWriter = new StreamWriter(output, new UTF8Encoding(false));
        var err = new StringWriter();
        var code = Program.Run(args, new CliContext(new StreamReader(input), input, outWriter, output, err));
        outWriter.Flush();
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }

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
    public void AFailingRequestExitsOneAndWritesNoOutputFile()
    {
        var outFile = Path.Combine(_dir, "out.nq");
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
        var outFile = Path.Combine(_dir, "out.trig");
        var (code, _, err) = Run("update", "-e", "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }", "--out", outFile);
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(File.ReadAllText(outFile), "<http://ex/g> {");
    }

    [TestMethod]
    public void GivingNoUpdateIsAUsageError() => Assert.AreEqual(2, Run("update", "--dump", "nquads").Code);
}
