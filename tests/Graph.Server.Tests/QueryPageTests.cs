using System.Net;
using System.Text.RegularExpressions;
using Graph.Server.Engine;
using Graph.Server.Http;

namespace Graph.Server.Tests;

/// <summary>The query page in headless Chromium (Debian's chromium package), against the real engine.</summary>
[TestClass]
public sealed partial class QueryPageTests
{
    public TestContext TestContext { get; set; } = null!;

    private const string Chromium = "/usr/bin/chromium";

    private static IEnumerable<string> ChromiumArgs(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000",
        // Virtual time runs the page's scripts and fetches to completion before the DOM is dumped.
        "--virtual-time-budget=20000",
    ];

    private static async Task<TestEndpoint> StartWithRounds()
    {
        var t = await TestEndpoint.StartAsync(new GraphSparqlEngine(), new ServerOptions { UpdateToken = TestEndpoint.Token });
        var data = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PageData", "rounds.ttl"));
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", new StringContent(data, System.Text.Encoding.UTF8, "text/turtle")));
        Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        return t;
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [TestMethod]
    public async Task ThePageServesItsFilesWithATightContentSecurityPolicy()
    {
        await using var t = await TestEndpoint.StartAsync();
        var page = await t.Client.GetAsync("");
        Assert.AreEqual("text/html", page.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(page.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'self'");
        var html = await page.Content.ReadAsStringAsync();
        Assert.IsFalse(Regex.IsMatch(html, "(src|href)=\"(https?:)?//"), "no file comes from another origin");
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.GetAsync("page/app.js")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.GetAsync("page/app.css")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.GetAsync("page/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [TestMethod]
    public async Task TheExamplesAreTheRepositoryQueries()
    {
        await using var t = await TestEndpoint.StartAsync();
        var json = Newtonsoft.Json.Linq.JArray.Parse(await t.Client.GetStringAsync("examples"));
        var onDisk = Directory.GetFiles(Path.Combine(Graph.TestSupport.SharedPaths.RepoRoot, "queries"), "*.rq", SearchOption.AllDirectories);
        Assert.AreEqual(onDisk.Length, json.Count);
        var rounds = json.Single(e => (string)e["name"]! == "cq/rounds");
        Assert.AreEqual(await File.ReadAllTextAsync(Path.Combine(Graph.TestSupport.SharedPaths.RepoRoot, "queries", "cq", "rounds.rq")), (string)rounds["query"]!);
    }

    [TestMethod]
    public async Task AnExampleQueryRunsInChromiumAndShowsItsRowsRightToLeftWhereArabic()
    {
        ExternalTool.Require(Chromium, "install Debian's chromium (apt-get install -y chromium)");
        await using var t = await StartWithRounds();
        var profile = Directory.CreateTempSubdirectory("kg-chromium-").FullName;
        try
        {
            var url = new Uri(t.Server.Address, "?example=cq/rounds&run=1&timeline=1").AbsoluteUri;
            var dom = await ExternalTool.RunAsync(Chromium, [.. ChromiumArgs(profile), "--dump-dom", url], TimeSpan.FromMinutes(3));
            Assert.AreEqual(0, dom.ExitCode, dom.Stderr);
            var html = dom.Stdout;
            StringAssert.Contains(html, "data-state=\"done\"", "the query finished without an error");
            StringAssert.Contains(html, "data-rows=\"3\"");
            StringAssert.Contains(html, "data-timeline=\"3\"", "the three rounds are on the timeline");
            var tbody = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
            var rows = Row().Matches(tbody).Select(m => m.Groups[1].Value).ToList();
            Assert.AreEqual(3, rows.Count);
            StringAssert.Contains(rows[0], "انعقدت في أستانا");
            StringAssert.Contains(rows[0], "2017-01-23");
            Assert.IsTrue(Regex.Matches(tbody, "<td dir=\"auto\"").Count >= 3 * 8, "every cell sets its own direction");
            StringAssert.Contains(html, "<svg");

            var shot = Path.Combine(TestContext.TestRunResultsDirectory ?? AppContext.BaseDirectory, "query-page.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            var png = await ExternalTool.RunAsync(Chromium, [.. ChromiumArgs(profile), "--screenshot=" + shot, url], TimeSpan.FromMinutes(3));
            Assert.AreEqual(0, png.ExitCode, png.Stderr);
            var bytes = await File.ReadAllBytesAsync(shot);
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            TestContext.AddResultFile(shot);
        }
        finally
        {
            Directory.Delete(profile, true);
        }
    }
}
