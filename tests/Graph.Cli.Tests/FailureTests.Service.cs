using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Graph.Cli.Tests;

/// <summary>
/// `kg query` with a SERVICE endpoint that hangs or answers garbage: a clear error naming the endpoint, exit 1, no
/// stack trace, and no partial output; SERVICE SILENT turns the failure into the empty solution, as the spec says.
/// The endpoint is a local listener that the test controls.
/// </summary>
[TestClass]
public sealed class FailureTestsService : CliTestBase
{
    [TestMethod]
    public void AServiceThatNeverAnswersTimesOutWithAClearError()
    {
        using var endpoint = new FakeEndpoint(_ => Thread.Sleep(Timeout.Infinite));
        var (code, output, err) = Query(endpoint, silent: false);
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(err, endpoint.Url);
        StringAssert.Contains(err, "timeout");
        Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + err);
        Assert.AreEqual("", output, "no partial result on stdout");
    }

    [TestMethod]
    [DataRow("application/sparql-results+json", "{\"head\": {\"vars\": [\"s\"]}, \"results\": {\"bindings\": [")]
    [DataRow("application/sparql-results+xml", "<sparql><results><result>")]
    [DataRow("application/sparql-results+json", "\u0000\u0001\u0002 not json")]
    [DataRow("text/html", "<html><body>Service unavailable</body></html>")]
    public void AServiceThatAnswersGarbageFailsWithAClearError(string contentType, string body)
    {
        using var endpoint = new FakeEndpoint(c => c.Reply(200, contentType, body));
        var (code, output, err) = Query(endpoint, silent: false);
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(err, endpoint.Url);
        Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + err);
        Assert.AreEqual("", output);
    }

    [TestMethod]
    public void AServiceThatFailsWithAnHttpErrorFailsWithItsStatus()
    {
        using var endpoint = new FakeEndpoint(c => c.Reply(503, "text/plain", "overloaded"));
        var (code, _, err) = Query(endpoint, silent: false);
        Assert.AreEqual(1, code, err);
        StringAssert.Contains(err, "503");
    }

    [TestMethod]
    public void ServiceSilentAnswersGarbageWithTheEmptySolution()
    {
        using var endpoint = new FakeEndpoint(c => c.Reply(200, "application/sparql-results+json", "{{{"));
        var (code, output, err) = Query(endpoint, silent: true);
        Assert.AreEqual(0, code, err);
        Assert.AreEqual(1, CountSolutions(output), "SERVICE SILENT over a failure is one empty solution: " + output);
    }

    private (int, string, string) Query(FakeEndpoint endpoint, bool silent)
    {
        var data = WriteFile("d.nt", "<http://example.org/a> <http://example.org/p> \"x\" .\n");
        var q = $"SELECT * WHERE {{ SERVICE {(silent ? "SILENT " : "")}<{endpoint.Url}> {{ ?s ?p ?o }} }}";
        return RunKg("", false, "query", "--data", data, "-e", q, "--results", "json", "--timeout", "2",
            "--allow-service", endpoint.HostPort, "--service-cache", Path.Combine(Dir, "cache"));
    }

    private static int CountSolutions(string json) =>
        ((Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(json)["results"]!["bindings"]!).Count;

    /// <summary>A one-route HTTP server on a free local port; each request runs <c>answer</c> on its own thread.</summary>
    private sealed class FakeEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Thread _loop;

        public FakeEndpoint(Action<HttpListenerContext> answer)
        {
            var port = FreePort();
            HostPort = "127.0.0.1:" + port;
            Url = $"http://{HostPort}/sparql";
            _listener.Prefixes.Add($"http://{HostPort}/");
            _listener.Start();
            _loop = new Thread(() =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext c;
                    try { c = _listener.GetContext(); }
                    catch (HttpListenerException) { return; }
                    catch (ObjectDisposedException) { return; }
                    new Thread(() => { try { answer(c); } catch (HttpListenerException) { } catch (ObjectDisposedException) { } }) { IsBackground = true }.Start();
                }
            }) { IsBackground = true };
            _loop.Start();
        }

        public string HostPort { get; }

        public string Url { get; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }

        private static int FreePort()
        {
            using var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return ((IPEndPoint)l.LocalEndpoint).Port;
        }
    }
}

internal static class ListenerReplies
{
    public static void Reply(this HttpListenerContext c, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        c.Response.StatusCode = status;
        c.Response.ContentType = contentType;
        c.Response.ContentLength64 = bytes.Length;
        c.Response.OutputStream.Write(bytes);
        c.Response.Close();
    }
}
