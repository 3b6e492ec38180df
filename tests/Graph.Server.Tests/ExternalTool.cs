using System.Diagnostics;

namespace Graph.Server.Tests;

/// <summary>Runs a command-line tool the tests drive (Chromium, Jena) with a time limit; a missing tool fails loudly.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Require(string path, string install)
    {
        if (!File.Exists(path)) Assert.Fail($"{path} is missing: {install}");
        return path;
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            Assert.Fail($"{file} did not finish within {limit.TotalSeconds} s: {await stderr}");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
