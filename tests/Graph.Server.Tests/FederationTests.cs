using System.Net;
using Graph.Server.Engine;
using Graph.Server.Http;
using Newtonsoft.Json.Linq;

namespace Graph.Server.Tests;

/// <summary>SERVICE through `kg serve`: one real server queried by another, and endpoints that hang or answer garbage.</summary>
[TestClass]
public sealed class FederationTests
{
    private const string Rounds = """
        @prefix ex: <http://example.org/> .
        ex:r1 a ex:Round ; ex:number 1 .
        ex:r2 a ex:Round ; ex:number 2 .
        ex:r3 a ex:Round ; ex:number 3 .
        """;

    private const string Labels = """
        @prefix ex: <http://example.org/> .
        ex:r1 ex:label "أستانا 1"@ar .
        ex:r2 ex:label "أستانا 2"@ar .
        ex:r9 ex:label "not joined"@en .
        """;

    private static async Task<TestEndpoint> Start(string data, ServerOptions options)
    {
        var t = await TestEndpoint.StartAsync(new GraphSparqlEngine(), options with { UpdateToken = TestEndpoint.Token });
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", new StringContent(data, System.Text.Encoding.UTF8, "text/turtle")));
        Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        return t;
    }

    private static ServerOptions Federating(TimeSpan? serviceTimeout = null) => new()
    {
        OutboundHosts = new HostAllowList(["127.0.0.1"]),
        ServiceTimeout = serviceTimeout ?? TimeSpan.FromSeconds(20),
    };

    private static string Q(string query) => "sparql?query=" + Uri.EscapeDataString(query);

    [TestMethod]
    public async Task AServerJoinsItsGraphWithAnotherServerThroughService()
    {
        await using var remote = await Start(Labels, new ServerOptions());
        await using var local = await Start(Rounds, Federating());
        var endpoint = new Uri(remote.Server.Address, "sparql").AbsoluteUri;
        var r = await local.Client.GetAsync(Q($$"""
            PREFIX ex: <http://example.org/>
            SELECT ?n ?label WHERE { ?r a ex:Round ; ex:number ?n . SERVICE <{{endpoint}}> { ?r ex:label ?label } } ORDER BY ?n
            """));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode, body);
        var rows = (JArray)JObject.Parse(body)["results"]!["bindings"]!;
        CollectionAssert.AreEqual(new[] { "1", "2" }, rows.Select(x => (string)x["n"]!["value"]!).ToArray());
        CollectionAssert.AreEqual(new[] { "أستانا 1", "أستانا 2" }, rows.Select(x => (string)x["label"]!["value"]!).ToArray());
        Assert.AreEqual("ar", (string)rows[0]["label"]!["xml:lang"]!);
    }

    [TestMethod]
    public async Task AnEndpointChosenByAVariableIsCalledWhenItIsAllowed()
    {
        await using var remote = await Start(Labels, new ServerOptions());
        await using var local = await Start(Rounds, Federating());
        var endpoint = new Uri(remote.Server.Address, "sparql").AbsoluteUri;
        var r = await local.Client.GetAsync(Q($$"""
            SELECT ?label WHERE { VALUES ?ep { <{{endpoint}}> } SERVICE ?ep { <http://example.org/r2> <http://example.org/label> ?label } }
            """));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode, body);
        Assert.AreEqual("أستانا 2", (string)JObject.Parse(body)["results"]!["bindings"]![0]!["label"]!["value"]!);
        var refused = await local.Client.GetAsync(Q("SELECT * WHERE { VALUES ?ep { <http://169.254.169.254/sparql> } SERVICE ?ep { ?s ?p ?o } }"));
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode, await refused.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task AServiceThatNeverAnswersTimesOutWithAClearError()
    {
        using var stub = StubEndpoint.Hanging();
        await using var local = await Start(Rounds, Federating(TimeSpan.FromSeconds(1)));
        var r = await local.Client.GetAsync(Q($"SELECT * WHERE {{ SERVICE <{stub.Url}> {{ ?s ?p ?o }} }}"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadGateway, r.StatusCode, body);
        StringAssert.Contains(body, stub.Url);
        StringAssert.Contains(body, "no answer within 1 s (timeout)");
        Assert.IsFalse(body.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + body);
    }

    [TestMethod]
    public async Task ASilentServiceThatNeverAnswersGivesTheUnitSolution()
    {
        using var stub = StubEndpoint.Hanging();
        await using var local = await Start(Rounds, Federating(TimeSpan.FromSeconds(1)));
        var r = await local.Client.GetAsync(Q($"SELECT ?n WHERE {{ ?r <http://example.org/number> ?n SERVICE SILENT <{stub.Url}> {{ ?s ?p ?o }} }}"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode, body);
        Assert.AreEqual(3, ((JArray)JObject.Parse(body)["results"]!["bindings"]!).Count);
    }

    [TestMethod]
    public async Task AServiceThatAnswersGarbageIsReportedAsUnreadable()
    {
        using var stub = StubEndpoint.Answering("application/sparql-results+json", "{\"head\": {\"vars\": [\"s\"]}, \"results\": {\"bindings\": [ {\"s\": 42");
        await using var local = await Start(Rounds, Federating());
        var r = await local.Client.GetAsync(Q($"SELECT * WHERE {{ SERVICE <{stub.Url}> {{ ?s ?p ?o }} }}"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadGateway, r.StatusCode, body);
        StringAssert.Contains(body, stub.Url);
        StringAssert.Contains(body, "unreadable answer");
    }

    [TestMethod]
    public async Task AServiceThatAnswersHtmlIsReportedWithItsMediaType()
    {
        using var stub = StubEndpoint.Answering("text/html", "<html><body>Login required</body></html>");
        await using var local = await Start(Rounds, Federating());
        var r = await local.Client.GetAsync(Q($"SELECT * WHERE {{ SERVICE <{stub.Url}> {{ ?s ?p ?o }} }}"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadGateway, r.StatusCode, body);
        StringAssert.Contains(body, "text/html");
    }
}
