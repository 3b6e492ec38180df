using System.Diagnostics;

namespace Graph.Sparql.Tests.Differential;

/// <summary>Runs Apache Jena's arq.sparql (via ../shared/tools/jena) as a child process with a time limit.</summary>
internal static class JenaRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs the query over the data and writes Jena's output to <paramref name="outFile"/>; throws with Jena's stderr on failure.</summary>
    public static void Sparql(string dataFile, string queryFile, string resultsFormat, string outFile)
    {
        var tool = Graph.TestSupport.SharedPaths.InShared("tools", "jena");
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { tool, "arq.sparql", "--data", dataFile, "--query", queryFile, "--results", resultsFormat })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash to run " + tool);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Jena did not answer {Path.GetFileName(queryFile)} within {Timeout.TotalSeconds} s");
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Jena failed on {Path.GetFileName(queryFile)} (exit {p.ExitCode}). Jena is required for the differential tests: " +
                $"install Debian's libapache-jena-java (apt-get install -y libapache-jena-java) and a JRE. stderr: {stderr.Result.Trim()}");
        }
        File.WriteAllText(outFile, stdout.Result);
    }
}
