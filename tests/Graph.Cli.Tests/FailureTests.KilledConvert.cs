using System.Diagnostics;
using System.Globalization;
using Graph.TestSupport;
using Newtonsoft.Json;

namespace Graph.Cli.Tests;

/// <summary>
/// `kg convert` killed with SIGKILL part-way through: the output path holds nothing partial (no file when there
/// was none, the previous file byte for byte when there was one). Only the hidden temporary sibling can remain,
/// which no reader takes for the output.
/// </summary>
[TestClass]
public sealed class FailureTestsKilledConvert : CliTestBase
{
    [TestMethod]
    public void AKilledConvertLeavesNoOutputFile()
    {
        var target = Path.Combine(Dir, "out.nt");
        KillConvertMidRun(target);
        Assert.IsFalse(File.Exists(target), "a killed convert must not leave a partial output file");
    }

    [TestMethod]
    public void AKilledConvertLeavesThePreviousOutputIntact()
    {
        var target = Path.Combine(Dir, "out.nt");
        const string previous = "<http://example.org/a> <http://example.org/b> \"previous run\" .\n";
        File.WriteAllText(target, previous);
        KillConvertMidRun(target);
        Assert.AreEqual(previous, File.ReadAllText(target), "the previous output must be untouched");
    }

    private void KillConvertMidRun(string target)
    {
        var corpus = Path.Combine(Dir, "corpus.jsonl");
        var articles = Directory.GetFiles(SharedPaths.InShared("corpus", "dev"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.IsNotEmpty(articles, "no articles in ../shared/corpus/dev");
        using (var w = new StreamWriter(corpus))
        {
            // Enough articles that converting them takes seconds (convert streams its output as it goes).
            for (var i = 0; i < 6_000; i++)
            {
                var id = "a" + i.ToString(CultureInfo.InvariantCulture);
                w.WriteLine(JsonConvert.SerializeObject(new { id, url = "https://example.org/" + id, published = "2019-05-01", text = articles[i % articles.Length] }));
            }
        }
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kg.dll"), "convert", corpus, "--out", target }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start kg convert");
        _ = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Kill once the temporary output exists (the write is under way), or after a while if it never shows up.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !p.HasExited && !Directory.GetFiles(Dir, ".out.nt.*.tmp").Any())
            Thread.Sleep(20);
        if (p.HasExited) Assert.Fail("convert finished before it could be killed; the corpus is too small. stderr: " + stderr.Result);
        Process.Start("kill", ["-KILL", p.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        p.WaitForExit();
        Assert.AreEqual(137, p.ExitCode, "convert was killed by SIGKILL");
    }
}
