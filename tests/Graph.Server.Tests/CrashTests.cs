using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Server.Tests;

/// <summary>
/// The durability promise end to end: writers send numbered updates to a real `kg serve --store` process, it is
/// killed with SIGKILL mid-stream, restarted, and every acknowledged update must be there, and no update in part.
/// The updates are SPARQL Update requests (INSERT DATA of several triples into a named graph: all or nothing).
/// </summary>
[TestClass]
public sealed partial class CrashTests
{
    private const string Token = "crash-test-token-42";
    private const int PartsPerUpdate = 5;
    private const string GraphIri = "http://example.org/crash";

    [GeneratedRegex("^<http://example.org/update/(\\d+)> <http://example.org/part/(\\d+)> ")]
    private static partial Regex TripleLine();

    private static StringContent UpdateBody(int n)
    {
        var sb = new StringBuilder($"INSERT DATA {{ GRAPH <{GraphIri}> {{\n");
        for (var k = 0; k < PartsPerUpdate; k++)
            sb.Append($"  <http://example.org/update/{n}> <http://example.org/part/{k}> \"تحديث {n}.{k}\" .\n");
        sb.Append("} }\n");
        var c = new StringContent(sb.ToString(), Encoding.UTF8);
        c.Headers.ContentType = new MediaTypeHeaderValue("application/sparql-update");
        return c;
    }

    [TestMethod]
    public async Task EveryAcknowledgedUpdateSurvivesSigkillAndNoneIsPartial()
    {
        var dir = Directory.CreateTempSubdirectory("kg-crash-").FullName;
        try
        {
            var acknowledged = new ConcurrentDictionary<int, bool>();
            var next = 0;
            for (var round = 0; round < 3; round++)
            {
                using var server = ServeProcess.Start("--store", dir, "--port", "0", "--update-token", Token);
                using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
                Check(await ReadUpdates(http), acknowledged, $"after restart {round}");

                var target = acknowledged.Count + 60;
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var n = Interlocked.Increment(ref next);
                        var m = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = UpdateBody(n) };
                        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                        try
                        {
                            var r = await http.SendAsync(m);
                            if (r.StatusCode is HttpStatusCode.Created or HttpStatusCode.NoContent) acknowledged[n] = true;
                            else Assert.Fail($"update {n} answered {(int)r.StatusCode}");
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server is gone: this update was never acknowledged
                        }
                        catch (TaskCanceledException)
                        {
                            return;
                        }
                    }
                })).ToList();
                while (acknowledged.Count < target && writers.Any(w => !w.IsCompleted)) await Task.Delay(5);
                server.KillHard(); // writers are still sending: some requests are in flight
                stop.Cancel();
                await Task.WhenAll(writers);
            }
            using var last = ServeProcess.Start("--store", dir, "--port", "0", "--update-token", Token);
            using var client = new HttpClient { BaseAddress = last.Address };
            var final = await ReadUpdates(client);
            Check(final, acknowledged, "at the end");
            Assert.IsGreaterThanOrEqualTo(180, acknowledged.Count);
            Assert.AreEqual(0, last.Terminate(), "a clean stop exits 0");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The update numbers present, each with how many of its parts are present.</summary>
    private static async Task<Dictionary<int, int>> ReadUpdates(HttpClient http)
    {
        var m = new HttpRequestMessage(HttpMethod.Get, "store?graph=" + Uri.EscapeDataString(GraphIri));
        m.Headers.Accept.ParseAdd("application/n-triples");
        var r = await http.SendAsync(m);
        var parts = new Dictionary<int, int>();
        if (r.StatusCode == HttpStatusCode.NotFound) return parts;
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        foreach (var line in (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = TripleLine().Match(line);
            Assert.IsTrue(match.Success, "unexpected line " + line);
            var n = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            parts[n] = parts.GetValueOrDefault(n) + 1;
        }
        return parts;
    }

    private static void Check(Dictionary<int, int> present, ConcurrentDictionary<int, bool> acknowledged, string when)
    {
        foreach (var n in acknowledged.Keys)
            Assert.IsTrue(present.ContainsKey(n), $"{when}: acknowledged update {n} is missing");
        foreach (var (n, count) in present)
            Assert.AreEqual(PartsPerUpdate, count, $"{when}: update {n} is present in part");
    }
}
