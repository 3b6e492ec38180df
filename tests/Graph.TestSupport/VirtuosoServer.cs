using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Graph.TestSupport;

/// <summary>
/// A throw-away Virtuoso 7 (Debian's virtuoso-opensource-7-bin) on loopback, started and stopped with the scripts in
/// .ci/virtuoso. Starting throws when the server cannot be started: CI installs it, so a missing server must fail
/// the tests rather than skip them.
/// </summary>
public sealed class VirtuosoServer : IDisposable
{
    public const string User = "dba";
    public const string Password = "dba";

    private static readonly List<VirtuosoServer> s_running = [];
    private bool _stopped;

    static VirtuosoServer()
    {
        // Safety net: a test run that aborts must not leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (s_running) foreach (var s in s_running.ToList()) s.Dispose();
        };
    }

    private VirtuosoServer(string dir, int httpPort, int sqlPort)
    {
        Directory = dir;
        HttpPort = httpPort;
        SqlPort = sqlPort;
    }

    public string Directory { get; }
    public int HttpPort { get; }
    public int SqlPort { get; }
    public string BaseUrl => "http://127.0.0.1:" + HttpPort;

    /// <summary>Anonymous SPARQL Protocol endpoint (queries).</summary>
    public string SparqlEndpoint => BaseUrl + "/sparql";

    /// <summary>Graph Store Protocol endpoint that needs Digest authentication (writes).</summary>
    public string GraphStoreEndpoint => BaseUrl + "/sparql-graph-crud-auth";

    /// <summary>Files under this folder can be bulk-loaded (it is in DirsAllowed).</summary>
    public string LoadDirectory => Path.Combine(Directory, "load");

    public static VirtuosoServer Start(int buffers = 20000)
    {
        var script = Path.Combine(SharedPaths.RepoRoot, ".ci", "virtuoso", "start.sh");
        if (!File.Exists(script)) throw new InvalidOperationException(script + " is missing");
        // A free port is only free until someone binds it: other test runs share this machine, so a start that loses
        // the race for its ports is retried on new ones.
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "kg-virtuoso-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
            var http = FreePort();
            var sql = FreePort();
            while (sql == http) sql = FreePort();
            var (code, output) = RunScript(script, [dir], TimeSpan.FromSeconds(150), new()
            {
                ["VIRT_HTTP_PORT"] = http.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["VIRT_SQL_PORT"] = sql.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["VIRT_DBA_PASSWORD"] = Password,
                ["VIRT_BUFFERS"] = buffers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["VIRT_READY_SECONDS"] = "120",
            });
            var server = new VirtuosoServer(dir, http, sql);
            if (code == 0)
            {
                lock (s_running) s_running.Add(server);
                return server;
            }
            server.Dispose();
            failures.Add(output);
            if (!IsPortClash(output)) break;
        }
        throw new InvalidOperationException("Virtuoso could not be started (install virtuoso-opensource-7-bin): " + string.Join("\n---\n", failures));
    }

    private static bool IsPortClash(string output) =>
        output.Contains("already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("another server answers", StringComparison.OrdinalIgnoreCase)
        || output.Contains("exited during start", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs SQL through isql-vt as dba; throws with the output when it fails.</summary>
    public string Isql(string sql)
    {
        var psi = new ProcessStartInfo("isql-vt") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "127.0.0.1:" + SqlPort, User, Password }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("isql-vt did not start");
        p.StandardInput.WriteLine(sql);
        p.StandardInput.Close();
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000)) { p.Kill(); throw new TimeoutException("isql-vt did not finish"); }
        var text = outTask.Result + errTask.Result;
        if (p.ExitCode != 0 || text.Contains("*** Error", StringComparison.Ordinal)) throw new InvalidOperationException("isql-vt failed: " + text);
        return text;
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        lock (s_running) s_running.Remove(this);
        var script = Path.Combine(SharedPaths.RepoRoot, ".ci", "virtuoso", "stop.sh");
        RunScript(script, [Directory], TimeSpan.FromSeconds(60), []);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static (int Code, string Output) RunScript(string script, string[] args, TimeSpan timeout, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException("bash did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, e.Message);
        }
        using (p)
        {
            var outTask = p.StandardOutput.ReadToEndAsync();
            var errTask = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit((int)timeout.TotalMilliseconds))
            {
                p.Kill(entireProcessTree: true);
                return (124, "timed out: " + errTask.Result);
            }
            return (p.ExitCode, outTask.Result + errTask.Result);
        }
    }
}
