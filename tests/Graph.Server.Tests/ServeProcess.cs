using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Graph.Server.Tests;

/// <summary>`kg serve` in a child process (kg.dll is built beside the tests), for tests that must kill it.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static string KgDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "kg.dll");
            if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: the test project references Graph.Cli so that it is built here");
            return path;
        }
    }

    [GeneratedRegex(@"listening on (http://\S+/) ")]
    private static partial Regex ListeningLine();

    public static ServeProcess Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(KgDll);
        psi.ArgumentList.Add("serve");
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start kg serve");
        var err = new System.Text.StringBuilder();
        p.ErrorDataReceived += (_, e) => { lock (err) err.AppendLine(e.Data); };
        p.BeginErrorReadLine();
        var lineTask = p.StandardOutput.ReadLineAsync();
        if (!lineTask.Wait(TimeSpan.FromSeconds(120)) || lineTask.Result is not { } line || ListeningLine().Match(line) is not { Success: true } m)
        {
            try { p.Kill(); } catch (InvalidOperationException) { }
            p.WaitForExit(10_000);
            lock (err) throw new InvalidOperationException("kg serve did not start: " + (lineTask.IsCompleted ? lineTask.Result : "(no output)") + "\n" + err);
        }
        return new ServeProcess(p, new Uri(m.Groups[1].Value));
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        _process.WaitForExit(30_000);
    }

    /// <summary>SIGTERM: the clean stop, which writes a snapshot.</summary>
    public int Terminate()
    {
        if (!_process.HasExited) Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!_process.WaitForExit(60_000)) KillHard();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
