using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Cli.Tests;

/// <summary>`kg stats` and `kg bench-load`, run in-process.</summary>
[TestClass]
public sealed class StoreVerbsTests : CliTestBase
{
    private static (int Code, string Out, string Err) Run(bool bench, params string[] args) => RunKg("", bench, args);

    private static Dictionary<string, string> Fields(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());

    [TestMethod]
    public void StatsCountsQuadsGraphsAndDistinctTermsOfATrigFile()
    {
        var f = WriteFile("data.trig", """
            @prefix : <http://ex/> .
            :a :p :b ; :q "x"@en .
            :b :p :a .
            :g { :a :p :b . :c :p "x"@EN . }
            """);
        var (code, stdout, stderr) = Run(false, "stats", f);
        Assert.AreEqual(0, code, stderr);
        var fields = Fields(stdout);
        Assert.AreEqual("5", fields["quads"]);
        Assert.AreEqual("3", fields["in default graph"]);
        Assert.AreEqual("1", fields["named graphs"]);
        Assert.AreEqual("2", fields["graphs"]);
        Assert.AreEqual("3", fields["distinct subjects"], ":a :b :c");
        Assert.AreEqual("2", fields["distinct predicates"]);
        Assert.AreEqual("3", fields["distinct objects"], ":a :b and \"x\"@en, whose tag case does not matter");
        StringAssert.Contains(fields["load time"], " s");
        StringAssert.Contains(fields["memory"], "RSS");
    }

    [TestMethod]
    public void StatsMergesFilesButKeepsTheirBlankNodesApart()
    {
        var one = WriteFile("one.nt", "<http://ex/s> <http://ex/p> <http://ex/o> .\n_:b <http://ex/p> <http://ex/o> .\n");
        var two = WriteFile("two.nt", "<http://ex/s> <http://ex/p> <http://ex/o> .\n_:b <http://ex/p> <http://ex/o> .\n");
        var (code, stdout, stderr) = Run(false, "stats", one, two);
        Assert.AreEqual(0, code, stderr);
        var fields = Fields(stdout);
        Assert.AreEqual("2", fields["files"]);
        Assert.AreEqual("3", fields["quads"], "the shared IRI triple once, each file's _:b on its own");
        Assert.AreEqual("3", fields["distinct subjects"]);
    }

    [TestMethod]
    public void BenchLoadPrintsItsInProcessSecondsOnlyWhenAsked()
    {
        var f = WriteFile("d.nq", "<http://ex/s> <http://ex/p> \"1\" <http://ex/g> .\n<http://ex/s> <http://ex/p> \"2\" .\n");
        var (code, stdout, stderr) = Run(true, "bench-load", f);
        Assert.AreEqual(0, code, stderr);
        StringAssert.StartsWith(stdout, "loaded 2 quads");
        Assert.IsTrue(Regex.IsMatch(stderr, @"^bench: seconds=\d+\.\d+\r?\n$"), stderr);
        (code, _, stderr) = Run(false, "bench-load", f);
        Assert.AreEqual(0, code);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void BadInputIsReportedWithItsPositionAndExitCodeOne()
    {
        var f = WriteFile("bad.nt", "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> .\n");
        foreach (var verb in new[] { "stats", "bench-load" })
        {
            var (code, stdout, stderr) = Run(true, verb, f);
            Assert.AreEqual(1, code, verb);
            StringAssert.Contains(stderr, "bad.nt:2:", verb);
            Assert.IsFalse(stderr.Contains("bench: seconds", StringComparison.Ordinal), "no timing for a failed load");
            Assert.AreEqual("", stdout, verb);
        }
    }

    [TestMethod]
    public void AMissingFileFailsWithExitCodeOne()
    {
        var (code, _, stderr) = Run(false, "stats", Path.Combine(Dir, "absent.nt"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(stderr, "absent.nt");
    }

    [TestMethod]
    public void UsageMistakesExitWithCodeTwo()
    {
        Assert.AreEqual(2, Run(false, "stats").Code, "no file");
        Assert.AreEqual(2, Run(false, "bench-load", "x.nt", "--format", "klingon").Code, "unknown format");
        Assert.AreEqual(2, Run(false, "bench-load", WriteFile("noext", "")).Code, "format not given and not guessable");
    }
}
