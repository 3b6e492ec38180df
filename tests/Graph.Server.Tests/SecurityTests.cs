using System.Net;
using System.Net.Http.Headers;
using Graph.Server.Engine;
using Graph.Server.Http;

namespace Graph.Server.Tests;

[TestClass]
public sealed class SecurityTests
{
    private static StringContent Update() => new("INSERT DATA {}", System.Text.Encoding.UTF8, "application/sparql-update");

    [TestMethod]
    public async Task AnUpdateWithoutATokenIsUnauthorisedAndAsksForBearer()
    {
        await using var t = await TestEndpoint.StartAsync();
        var r = await t.Client.PostAsync("sparql", Update());
        Assert.AreEqual(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.AreEqual("Basic", r.Headers.WwwAuthenticate.Single().Scheme, "a challenge clients such as Jena can answer");
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), "Authorization: Bearer TOKEN");
        var gsp = await t.Client.PutAsync("store?default", TestEndpoint.NTriples("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, gsp.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await t.Client.DeleteAsync("store?default")).StatusCode);
        Assert.AreEqual(0, t.Dataset.Count);
    }

    [TestMethod]
    public async Task AWrongTokenIsForbiddenWhateverItsLength()
    {
        await using var t = await TestEndpoint.StartAsync();
        foreach (var wrong in new[] { "x", TestEndpoint.Token[..^1], TestEndpoint.Token + "0", TestEndpoint.Token.ToUpperInvariant() })
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = Update() };
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wrong);
            Assert.AreEqual(HttpStatusCode.Forbidden, (await t.Client.SendAsync(m)).StatusCode, wrong);
        }
        var basic = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = Update() };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("a:b"u8.ToArray()));
        Assert.AreEqual(HttpStatusCode.Forbidden, (await t.Client.SendAsync(basic)).StatusCode, "Basic with a wrong password");
        var malformed = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = Update() };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Basic", "%%%");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await t.Client.SendAsync(malformed)).StatusCode, "Basic that is not base64");
        Assert.AreEqual(0, t.Dataset.Count);
    }

    [TestMethod]
    public async Task TheRightTokenIsAccepted()
    {
        await using var t = await TestEndpoint.StartAsync();
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", Update()))).StatusCode);
    }

    [TestMethod]
    public async Task TheTokenAsBasicPasswordIsAcceptedWhateverTheUserName()
    {
        await using var t = await TestEndpoint.StartAsync();
        foreach (var user in new[] { "jena", "" })
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = Update() };
            m.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + TestEndpoint.Token)));
            Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(m)).StatusCode, user);
        }
    }

    [TestMethod]
    public async Task WithoutAConfiguredTokenTheServerIsReadOnly()
    {
        await using var t = await TestEndpoint.StartAsync(options: new ServerOptions { UpdateToken = null });
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", Update()));
        Assert.AreEqual(HttpStatusCode.Forbidden, r.StatusCode);
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), "read-only");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples("")))).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.GetAsync("sparql?query=ASK")).StatusCode, "queries still work");
        var sd = await t.Client.GetStringAsync("sparql");
        Assert.IsFalse(sd.Contains("SPARQL11Update", StringComparison.Ordinal), "a read-only server does not advertise updates");
    }

    [TestMethod]
    public void TheDefaultBodyLimitIsFarBelowAGigabyte()
    {
        var limit = new ServerOptions().MaxBodyBytes;
        Assert.AreEqual(64L << 20, limit);
        Assert.IsLessThan(1L << 30, limit);
    }

    /// <summary>Streams a body of unknown length, so the server only finds out it is too big while reading it.</summary>
    private sealed class EndlessContent(long total) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[8192];
            Array.Fill(chunk, (byte)' ');
            for (long sent = 0; sent < total; sent += chunk.Length) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task<HttpStatusCode?> StatusOrReset(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return (await send()).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending; the status was then not read.
            return null;
        }
    }

    [TestMethod]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        await using var t = await TestEndpoint.StartAsync(options: new ServerOptions { UpdateToken = TestEndpoint.Token, MaxBodyBytes = 4096 });
        // Declared length over the limit: refused before the body is read.
        var declared = new ByteArrayContent(new byte[8192]);
        declared.Headers.ContentType = new MediaTypeHeaderValue("application/n-triples");
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, await StatusOrReset(() => t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", declared))));

        // Chunked, no declared length: refused once the limit is crossed while reading, for GSP and for the SPARQL endpoint.
        var gsp = new EndlessContent(64 * 1024);
        gsp.Headers.ContentType = new MediaTypeHeaderValue("application/n-triples");
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, await StatusOrReset(() => t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", gsp))));
        var query = new EndlessContent(64 * 1024);
        query.Headers.ContentType = new MediaTypeHeaderValue("application/sparql-query");
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, await StatusOrReset(() => t.Client.PostAsync("sparql", query)));
        var form = new EndlessContent(64 * 1024);
        form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, await StatusOrReset(() => t.Client.PostAsync("sparql", form)));

        // A body under the limit still works.
        var small = TestEndpoint.NTriples("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n");
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", small))).StatusCode);
    }

    [TestMethod]
    public void TheAllowListAdmitsOnlyExactHttpHosts()
    {
        var list = new HostAllowList(["Query.Wikidata.org", "localhost."]);
        Assert.IsTrue(list.Allows("https://query.wikidata.org/sparql"));
        Assert.IsTrue(list.Allows("http://QUERY.wikidata.org:8080/x"));
        Assert.IsTrue(list.Allows("http://localhost/x"));
        Assert.IsFalse(list.Allows("https://query.wikidata.org.evil.example/sparql"), "a suffix is another host");
        Assert.IsFalse(list.Allows("https://evil.example/?h=query.wikidata.org"));
        Assert.IsFalse(list.Allows("https://query.wikidata.org@evil.example/"), "user info hides the real host");
        Assert.IsFalse(list.Allows("https://x@query.wikidata.org/"), "credentials in an IRI are refused outright");
        Assert.IsFalse(list.Allows("file:///etc/passwd"));
        Assert.IsFalse(list.Allows("ftp://query.wikidata.org/"));
        Assert.IsFalse(list.Allows("relative/path"));
        Assert.IsFalse(HostAllowList.None.Allows("http://127.0.0.1/"), "nothing is allowed by default");
    }

    [TestMethod]
    public async Task AnEngineRefusalOfAnOutboundHostIsForbidden()
    {
        // The engine adapter calls Demand before any SERVICE or LOAD request; the protocol layer must turn it into 403.
        var engine = new ScriptedEngine
        {
            OnQuery = (_, _, o, _) =>
            {
                o.OutboundHosts.Demand("http://169.254.169.254/latest/meta-data", "SERVICE");
                return new QueryOutcome.Boolean(true);
            },
        };
        await using var t = await TestEndpoint.StartAsync(engine, new ServerOptions { OutboundHosts = new HostAllowList(["example.org"]) });
        var r = await t.Client.GetAsync("sparql?query=q");
        Assert.AreEqual(HttpStatusCode.Forbidden, r.StatusCode);
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), "not on this server's allow-list");
        Assert.AreEqual("example.org", engine.Calls.Single().Options.OutboundHosts.Hosts.Single());
    }

    [TestMethod]
    public async Task TheServerListensOnLoopbackByDefault()
    {
        Assert.AreEqual("127.0.0.1", new ServerOptions().Bind);
        await using var t = await TestEndpoint.StartAsync();
        Assert.AreEqual("127.0.0.1", t.Server.Address.Host);
    }
}
