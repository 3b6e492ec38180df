using System.Diagnostics;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Differential;

/// <summary>
/// Runs a whole batch of queries through Apache Jena's ARQ in one JVM (JenaBatch.java, beside this file): one
/// start-up for hundreds of queries instead of one each.
/// </summary>
internal static class JenaBatchRun
{
    /// <summary>Results by query name: the path of Jena's .srj, or Jena's error text (IsError).</summary>
    /// <param name="unoptimised">
    /// Run ARQ with its optimiser off: plain bottom-up evaluation of the algebra, the spec's reference semantics.
    /// </param>
    public static Dictionary<string, (bool IsError, string Value)> Run(string dataFile, IReadOnlyList<string> queryFiles, string outDir, TimeSpan timeout, bool unoptimised = false)
    {
        var tool = SharedPaths.InShared("tools", "jena");
        var program = Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Sparql.Tests", "Differential", "JenaBatch.java");
        if (!File.Exists(program)) throw new FileNotFoundException("the Jena batch program is missing", program);
        // The argument list would exceed the OS limit for long runs: the queries go in chunks.
        var results = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
        foreach (var chunk in queryFiles.Chunk(2000))
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (unoptimised) psi.Environment["KG_JENA_UNOPTIMISED"] = "1";
            foreach (var a in new[] { tool, program, dataFile, outDir }.Concat(chunk)) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash to run " + tool);
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"Jena did not finish {chunk.Length} queries within {timeout.TotalSeconds} s");
            }
            p.WaitForExit();
            if (p.ExitCode != 0)
                throw new InvalidOperationException(
                    $"the Jena batch failed (exit {p.ExitCode}); it needs Debian's libapache-jena-java and a JDK (javac for single-file programs). stderr: {stderr.Result.Trim()}");
            foreach (var q in chunk)
            {
                var name = Path.GetFileNameWithoutExtension(q);
                var srj = Path.Combine(outDir, name + ".srj");
                var err = Path.Combine(outDir, name + ".err");
                results[name] = File.Exists(srj) ? (false, srj)
                    : File.Exists(err) ? (true, File.ReadAllText(err))
                    : throw new InvalidOperationException($"Jena wrote nothing for {name}");
            }
        }
        return results;
    }
}
