using System.Net;
using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Server.Http;
using Newtonsoft.Json.Linq;

namespace Graph.Server.Tests;

/// <summary>The server with the real Graph.Sparql engine behind the adapter.</summary>
[TestClass]
public sealed class QueryEngineTests
{
    private const string Data = """
        @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:r1 a ex:Round ; ex:number 1 ; ex:label "أستانا 1"@ar ; ex:date "2017-01-23"^^xsd:date .
        ex:r2 a ex:Round ; ex:number 2 ; ex:label "أستانا 2"@ar ; ex:date "2017-02-15"^^xsd:date .
        ex:r3 a ex:Round ; ex:number 3 ; ex:label "أستانا 3"@ar ; ex:date "2017-03-14"^^xsd:date .
        """;

    private static async Task<TestEndpoint> Start(ServerOptions? options = null)
    {
        var t = await TestEndpoint.StartAsync(new GraphSparqlEngine(), (options ?? new ServerOptions()) with { UpdateToken = TestEndpoint.Token });
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", new StringContent(Data, System.Text.Encoding.UTF8, "text/turtle")));
        Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        var named = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=http%3A%2F%2Fexample.org%2Fg",
            new StringContent("<http://example.org/r9> <http://example.org/number> 9 .\n", System.Text.Encoding.UTF8, "text/turtle")));
        Assert.AreEqual(HttpStatusCode.Created, named.StatusCode);
        return t;
    }

    private static string Q(string query) => "sparql?query=" + Uri.EscapeDataString(query);

    [TestMethod]
    public async Task ASelectOverLoadedDataReturnsItsRowsInOrder()
    {
        await using var t = await Start();
        var body = await t.Client.GetStringAsync(Q("PREFIX ex: <http://example.org/> SELECT ?n ?label WHERE { ?r a ex:Round ; ex:number ?n ; ex:label ?label } ORDER BY DESC(?n)"));
        var rows = (JArray)JObject.Parse(body)["results"]!["bindings"]!;
        CollectionAssert.AreEqual(new[] { "3", "2", "1" }, rows.Select(r => (string)r["n"]!["value"]!).ToArray());
        Assert.AreEqual("أستانا 3", (string)rows[0]["label"]!["value"]!);
    }

    [TestMethod]
    public async Task AskAndConstructWork()
    {
        await using var t = await Start();
        var ask = await t.Client.GetStringAsync(Q("ASK { <http://example.org/r1> ?p ?o }"));
        Assert.IsTrue((bool)JObject.Parse(ask)["boolean"]!);
        var m = new HttpRequestMessage(HttpMethod.Get, Q("PREFIX ex: <http://example.org/> CONSTRUCT { ?r ex:when ?d } WHERE { ?r ex:date ?d }"));
        m.Headers.Accept.ParseAdd("application/n-triples");
        var nt = await (await t.Client.SendAsync(m)).Content.ReadAsStringAsync();
        Assert.AreEqual(3, nt.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        StringAssert.Contains(nt, "<http://example.org/r1> <http://example.org/when> \"2017-01-23\"^^<http://www.w3.org/2001/XMLSchema#date> .");
    }

    [TestMethod]
    public async Task TheDatasetParametersChooseTheGraphs()
    {
        await using var t = await Start();
        const string query = "SELECT ?n WHERE { ?r <http://example.org/number> ?n }";
        var onlyNamed = await t.Client.GetStringAsync(Q(query) + "&default-graph-uri=" + Uri.EscapeDataString("http://example.org/g"));
        var rows = (JArray)JObject.Parse(onlyNamed)["results"]!["bindings"]!;
        Assert.AreEqual("9", (string)rows.Single()["n"]!["value"]!);
        var plain = (JArray)JObject.Parse(await t.Client.GetStringAsync(Q(query)))["results"]!["bindings"]!;
        Assert.AreEqual(3, plain.Count, "without parameters the default graph is the store's default graph");
    }

    [TestMethod]
    public async Task ASyntaxErrorIsABadRequestWithItsPosition()
    {
        await using var t = await Start();
        var r = await t.Client.GetAsync(Q("SELECT * WHERE {\n  ?s ?p \n}"));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        StringAssert.StartsWith(await r.Content.ReadAsStringAsync(), "Error 400: query:3:");
    }

    [TestMethod]
    public async Task ServiceToAHostOffTheAllowListIsRefusedBeforeAnythingRuns()
    {
        await using var t = await Start(new ServerOptions { OutboundHosts = new HostAllowList(["example.org", "127.0.0.1"]) });
        var refused = await t.Client.GetAsync(Q("SELECT * WHERE { SERVICE <http://169.254.169.254/latest/> { ?s ?p ?o } }"));
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "not on this server's allow-list");
        var nested = await t.Client.GetAsync(Q("SELECT * WHERE { ?a ?b ?c OPTIONAL { GRAPH ?g { SERVICE SILENT <http://localhost:22/> { ?s ?p ?o } } } }"));
        Assert.AreEqual(HttpStatusCode.Forbidden, nested.StatusCode, "SERVICE SILENT deep inside is refused too");
        // Port 1 on loopback: allowed, so the call is made, and nothing listens there.
        var allowed = await t.Client.GetAsync(Q("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"));
        Assert.AreEqual(HttpStatusCode.BadGateway, allowed.StatusCode, "an allowed host is called; a dead one is a failed remote endpoint");
        StringAssert.Contains(await allowed.Content.ReadAsStringAsync(), "cannot reach the endpoint");
    }

    [TestMethod]
    public async Task AQueryOverTheResultCapIsRefused()
    {
        await using var t = await Start(new ServerOptions { ResultCap = 5 });
        var r = await t.Client.GetAsync(Q("SELECT * WHERE { ?s ?p ?o }"));
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        var ok = await t.Client.GetAsync(Q("SELECT * WHERE { ?s ?p ?o } LIMIT 5"));
        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
    }

    [TestMethod]
    public async Task AQueryThatRunsTooLongIsCancelled()
    {
        await using var t = await Start(new ServerOptions { QueryTimeout = TimeSpan.FromMilliseconds(300) });
        // Seven-way cross product of the 12 default-graph triples: 12^7 rows, far beyond what finishes before the timeout.
        var r = await t.Client.GetAsync(Q("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u }"));
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), "did not finish within 0.3 s");
    }

    [TestMethod]
    public async Task AnUpdatePostedToTheEndpointChangesTheDatasetAtomically()
    {
        await using var t = await Start();
        var before = t.Dataset.Count;
        var ok = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent(
            "INSERT DATA { <http://ex/new> <http://ex/p> \"جديد\"@ar . GRAPH <http://ex/g9> { <http://ex/a> <http://ex/p> 1 } }",
            System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.NoContent, ok.StatusCode, await ok.Content.ReadAsStringAsync());
        Assert.AreEqual(before + 2, t.Dataset.Count);

        // The second operation fails (no SILENT), so the first must not be applied either.
        var bad = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent(
            "INSERT DATA { <http://ex/x> <http://ex/p> <http://ex/y> } ; ADD GRAPH <http://ex/missing> TO DEFAULT",
            System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.AreEqual(before + 2, t.Dataset.Count);

        var cleared = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent("CLEAR ALL", System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.AreEqual(0, t.Dataset.Count);
    }

    [TestMethod]
    public async Task AMalformedUpdateIsABadRequestWithItsPosition()
    {
        await using var t = await Start();
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent("INSERT DATA { ?s <http://ex/p> 1 }", System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        StringAssert.Contains(await r.Content.ReadAsStringAsync(), ":1:");
    }

    [TestMethod]
    public async Task LoadOfALocalFileIsRefusedByTheServer()
    {
        await using var t = await Start();
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent("LOAD <file:///etc/passwd>", System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.Forbidden, r.StatusCode);
    }
}
