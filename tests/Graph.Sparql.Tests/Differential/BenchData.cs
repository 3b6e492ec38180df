using System.Diagnostics;
using System.Globalization;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Differential;

/// <summary>Runs the bench data generator (../shared/bench/gen/gen_news_kg.py) to write N-Triples.</summary>
internal static class BenchData
{
    public static void Generate(string outFile, int targetTriples, int seed)
    {
        var gen = SharedPaths.InShared("bench", "gen", "gen_news_kg.py");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { gen, "--triples", targetTriples.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--nt", outFile })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start python3");
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the bench data generator did not finish within 120 s");
        }
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"the bench data generator failed (exit {p.ExitCode}): {stderr.Result.Trim()}");
    }
}
