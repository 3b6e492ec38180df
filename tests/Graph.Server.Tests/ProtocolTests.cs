using System.Net;
using Graph.Rdf;
using Graph.Server.Engine;
using Newtonsoft.Json.Linq;

namespace Graph.Server.Tests;

[TestClass]
public sealed class ProtocolTests
{
    /// <summary>A table with an Arabic literal, a typed literal, a blank node, an IRI and an unbound cell.</summary>
    private static QueryOutcome Table() => new QueryOutcome.Bindings(["s", "label", "n"],
    [
        [Terms.Iri("a"), LiteralNode.LangString("جنيف، \"سوريا\"", "ar"), LiteralNode.Typed("7", Vocab.Xsd.Integer)],
        [new BlankNode("b0"), new LiteralNode("x,y"), null],
    ]);

    private static async Task<(HttpResponseMessage Response, string Body)> Send(TestEndpoint t, HttpRequestMessage m)
    {
        var r = await t.Client.SendAsync(m);
        return (r, await r.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Get(string url, string? accept = null)
    {
        var m = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) m.Headers.TryAddWithoutValidation("Accept", accept);
        return m;
    }

    [TestMethod]
    public async Task AGetQueryReachesTheEngineWithItsDatasetParameters()
    {
        var engine = new ScriptedEngine();
        await using var t = await TestEndpoint.StartAsync(engine);
        var url = "sparql?query=" + Uri.EscapeDataString("ASK { ?s ?p \"é\" }") + "&default-graph-uri=http%3A%2F%2Fexample.org%2Fd1&default-graph-uri=http%3A%2F%2Fexample.org%2Fd2&named-graph-uri=http%3A%2F%2Fexample.org%2Fn";
        var (r, _) = await Send(t, Get(url));
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        var (text, options) = engine.Calls.Single();
        Assert.AreEqual("ASK { ?s ?p \"é\" }", text);
        CollectionAssert.AreEqual(new[] { "http://example.org/d1", "http://example.org/d2" }, options.DefaultGraphUris.ToArray());
        CollectionAssert.AreEqual(new[] { "http://example.org/n" }, options.NamedGraphUris.ToArray());
    }

    [TestMethod]
    public async Task FormAndDirectPostsCarryTheQueryToo()
    {
        var engine = new ScriptedEngine();
        await using var t = await TestEndpoint.StartAsync(engine);
        var form = new FormUrlEncodedContent([new("query", "ASK { <a:b> ?p ?o }"), new("named-graph-uri", "http://example.org/n")]);
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.PostAsync("sparql", form)).StatusCode);
        var direct = new StringContent("ASK {}", System.Text.Encoding.UTF8, "application/sparql-query");
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.PostAsync("sparql?default-graph-uri=http%3A%2F%2Fexample.org%2Fd", direct)).StatusCode);
        Assert.AreEqual("ASK { <a:b> ?p ?o }", engine.Calls[0].Text);
        Assert.AreEqual("http://example.org/n", engine.Calls[0].Options.NamedGraphUris.Single());
        Assert.AreEqual("ASK {}", engine.Calls[1].Text);
        Assert.AreEqual("http://example.org/d", engine.Calls[1].Options.DefaultGraphUris.Single());
    }

    [TestMethod]
    public async Task SelectResultsAreJsonByDefaultWithTermTypes()
    {
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => Table() });
        var (r, body) = await Send(t, Get("sparql?query=SELECT"));
        Assert.AreEqual("application/sparql-results+json", r.Content.Headers.ContentType!.MediaType);
        var json = JObject.Parse(body);
        CollectionAssert.AreEqual(new[] { "s", "label", "n" }, json["head"]!["vars"]!.Select(v => (string)v!).ToArray());
        var rows = (JArray)json["results"]!["bindings"]!;
        Assert.AreEqual(2, rows.Count);
        Assert.AreEqual("uri", (string)rows[0]["s"]!["type"]!);
        Assert.AreEqual("جنيف، \"سوريا\"", (string)rows[0]["label"]!["value"]!);
        Assert.AreEqual("ar", (string)rows[0]["label"]!["xml:lang"]!);
        Assert.AreEqual(Vocab.Xsd.Integer, (string)rows[0]["n"]!["datatype"]!);
        Assert.AreEqual("bnode", (string)rows[1]["s"]!["type"]!);
        Assert.IsNull(rows[1]["n"], "an unbound variable is left out of its row");
    }

    [TestMethod]
    public async Task SelectResultsAreNegotiatedAsXmlCsvAndTsv()
    {
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => Table() });
        var (xml, xmlBody) = await Send(t, Get("sparql?query=q", "application/sparql-results+xml"));
        Assert.AreEqual("application/sparql-results+xml", xml.Content.Headers.ContentType!.MediaType);
        var doc = System.Xml.Linq.XDocument.Parse(xmlBody);
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/sparql-results#";
        Assert.AreEqual(2, doc.Descendants(ns + "result").Count());
        Assert.AreEqual("ar", doc.Descendants(ns + "literal").First().Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value);

        var (csv, csvBody) = await Send(t, Get("sparql?query=q", "text/csv"));
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("s,label,n\r\nhttp://example.org/a,\"جنيف، \"\"سوريا\"\"\",7\r\n_:b0,\"x,y\",\r\n", csvBody);

        var (tsv, tsvBody) = await Send(t, Get("sparql?query=q", "text/tab-separated-values"));
        Assert.AreEqual("text/tab-separated-values", tsv.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("?s\t?label\t?n\n<http://example.org/a>\t\"جنيف، \\\"سوريا\\\"\"@ar\t7\n_:b0\t\"x,y\"\t\n", tsvBody);
    }

    [TestMethod]
    public async Task TheHighestQualityAcceptableFormatWins()
    {
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => Table() });
        var (r, _) = await Send(t, Get("sparql?query=q", "application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1"));
        Assert.AreEqual("text/csv", r.Content.Headers.ContentType!.MediaType);
        var (x, _) = await Send(t, Get("sparql?query=q", "text/*"));
        Assert.AreEqual("text/csv", x.Content.Headers.ContentType!.MediaType);
    }

    [TestMethod]
    public async Task TheFormatParameterOverridesTheAcceptHeader()
    {
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => Table() });
        var (r, _) = await Send(t, Get("sparql?query=q&format=tsv", "application/sparql-results+json"));
        Assert.AreEqual("text/tab-separated-values", r.Content.Headers.ContentType!.MediaType);
        var (bad, _) = await Send(t, Get("sparql?query=q&format=bogus"));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [TestMethod]
    public async Task AskAnswersABooleanInJsonAndXml()
    {
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => new QueryOutcome.Boolean(false) });
        var (_, json) = await Send(t, Get("sparql?query=ASK"));
        Assert.IsFalse((bool)JObject.Parse(json)["boolean"]!);
        var (_, xml) = await Send(t, Get("sparql?query=ASK", "application/sparql-results+xml"));
        StringAssert.Contains(xml, "<boolean>false</boolean>");
    }

    [TestMethod]
    public async Task GraphResultsAreNegotiatedAmongRdfSyntaxesOnly()
    {
        var triples = new[] { new Triple(Terms.Iri("a"), Terms.Iri("p"), LiteralNode.LangString("دمشق", "ar")) };
        await using var t = await TestEndpoint.StartAsync(new ScriptedEngine { OnQuery = (_, _, _, _) => new QueryOutcome.Triples(triples) });
        var (ttl, ttlBody) = await Send(t, Get("sparql?query=CONSTRUCT"));
        Assert.AreEqual("text/turtle", ttl.Content.Headers.ContentType!.MediaType);
        const string line = "<http://example.org/a> <http://example.org/p> \"دمشق\"@ar .";
        CollectionAssert.AreEqual(new[] { line }, Rdf.Lines(ttlBody, Graph.Formats.RdfFormat.Turtle));
        var (nt, _) = await Send(t, Get("sparql?query=CONSTRUCT", "application/n-triples"));
        Assert.AreEqual("application/n-triples", nt.Content.Headers.ContentType!.MediaType);
        var (nq, nqBody) = await Send(t, Get("sparql?query=CONSTRUCT", "application/n-quads"));
        Assert.AreEqual("application/n-quads", nq.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual(line + "\n", nqBody);
        var (json, _) = await Send(t, Get("sparql?query=CONSTRUCT", "application/sparql-results+json"));
        Assert.AreEqual(HttpStatusCode.NotAcceptable, json.StatusCode);
    }

    [TestMethod]
    public async Task AGetWithoutAQueryReturnsTheServiceDescription()
    {
        await using var t = await TestEndpoint.StartAsync();
        var (r, body) = await Send(t, Get("sparql", "text/turtle"));
        Assert.AreEqual(HttpStatusCode.OK, r.StatusCode);
        const string sd = "http://www.w3.org/ns/sparql-service-description#";
        var lines = Rdf.Lines(body, Graph.Formats.RdfFormat.Turtle);
        Assert.IsTrue(lines.Any(l => l.EndsWith($"<{sd}endpoint> <{new Uri(t.Server.Address, "sparql").AbsoluteUri}> .", StringComparison.Ordinal)));
        Assert.IsTrue(lines.Any(l => l.EndsWith($"<{sd}supportedLanguage> <{sd}SPARQL11Query> .", StringComparison.Ordinal)));
        Assert.IsTrue(lines.Any(l => l.EndsWith($"<{sd}supportedLanguage> <{sd}SPARQL11Update> .", StringComparison.Ordinal)), "a server with an update token and an update engine says it takes updates");
    }

    [TestMethod]
    public async Task AMalformedQueryIsABadRequestWithTheEnginesMessageAndNoStackTrace()
    {
        var engine = new ScriptedEngine { OnQuery = (_, _, _, _) => throw new SparqlRequestException(SparqlErrorKind.BadRequest, "line 1, column 8: expected WHERE") };
        await using var t = await TestEndpoint.StartAsync(engine);
        var (r, body) = await Send(t, Get("sparql?query=SELECT"));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.AreEqual("Error 400: line 1, column 8: expected WHERE\n", body);
    }

    [TestMethod]
    public async Task AnUnexpectedFailureIsAnInternalErrorThatRevealsNothing()
    {
        var engine = new ScriptedEngine { OnQuery = (_, _, _, _) => throw new InvalidOperationException("secret detail /etc/passwd") };
        await using var t = await TestEndpoint.StartAsync(engine);
        var (r, body) = await Send(t, Get("sparql?query=q"));
        Assert.AreEqual(HttpStatusCode.InternalServerError, r.StatusCode);
        Assert.AreEqual("Error 500: internal error (logged on the server)\n", body);
        lock (t.Log) Assert.IsTrue(t.Log.Any(l => l.Contains("secret detail", StringComparison.Ordinal)), "the server log keeps the details");
    }

    [TestMethod]
    public async Task AQueryThatOutlivesTheTimeoutIsAServiceUnavailableError()
    {
        var engine = new ScriptedEngine
        {
            OnQuery = (_, _, _, ct) => new QueryOutcome.Bindings(["x"], Endless(ct)),
        };
        await using var t = await TestEndpoint.StartAsync(engine, new Graph.Server.Http.ServerOptions { QueryTimeout = TimeSpan.FromMilliseconds(200) });
        var (r, body) = await Send(t, Get("sparql?query=q"));
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        StringAssert.Contains(body, "did not finish within 0.2 s");
    }

    private static IEnumerable<INode?[]> Endless(CancellationToken ct)
    {
        // Each row waits on the token, as an engine checking for cancellation between rows does.
        for (var i = 0; ; i++)
        {
            ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
            yield return [new LiteralNode(i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
    }

    [TestMethod]
    public async Task AResultLargerThanTheCapIsRefusedAndOneAtTheCapIsSent()
    {
        static QueryOutcome Rows(int n) => new QueryOutcome.Bindings(["x"], Enumerable.Range(0, n).Select(i => new INode?[] { new LiteralNode("r" + i) }));
        var engine = new ScriptedEngine();
        await using var t = await TestEndpoint.StartAsync(engine, new Graph.Server.Http.ServerOptions { ResultCap = 10 });
        engine.OnQuery = (_, _, _, _) => Rows(10);
        var (ok, okBody) = await Send(t, Get("sparql?query=q"));
        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
        Assert.AreEqual(10, ((JArray)JObject.Parse(okBody)["results"]!["bindings"]!).Count);
        engine.OnQuery = (_, _, _, _) => Rows(11);
        var (over, overBody) = await Send(t, Get("sparql?query=q"));
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, over.StatusCode);
        StringAssert.Contains(overBody, "more than 10 rows");
    }

    [TestMethod]
    public async Task InconsistentRequestsAreRefused()
    {
        await using var t = await TestEndpoint.StartAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("sparql?query=q&update=u")).StatusCode, "query and update together");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("sparql?update=u")).StatusCode, "an update by GET");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("sparql?query=q&query=r")).StatusCode, "two queries");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("sparql?query=q&default-graph-uri=not%20an%20iri")).StatusCode, "a relative dataset IRI");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("sparql?query=q&using-graph-uri=http%3A%2F%2Fexample.org%2F")).StatusCode, "update parameters on a query");
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, (await t.Client.PostAsync("sparql", new StringContent("q", System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.PostAsync("sparql", new FormUrlEncodedContent([new("x", "y")]))).StatusCode, "a POST with neither");
    }

    [TestMethod]
    public async Task AnAuthorisedUpdateAppliesTheEnginesChangesWithItsUsingGraphs()
    {
        var engine = new ScriptedEngine
        {
            OnUpdate = (_, _, _, _) => new ChangeSet().Add(Change.Add(new Quad(Terms.Iri("a"), Terms.Iri("p"), new LiteralNode("v"), Terms.Iri("g")))),
        };
        await using var t = await TestEndpoint.StartAsync(engine);
        var body = new FormUrlEncodedContent([new("update", "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/p> 'v' } }"), new("using-graph-uri", "http://example.org/u")]);
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", body));
        Assert.AreEqual(HttpStatusCode.NoContent, r.StatusCode);
        Assert.AreEqual(1, t.Dataset.CountGraph(Terms.Iri("g")));
        Assert.AreEqual("http://example.org/u", engine.Calls.Single().Options.DefaultGraphUris.Single());
        var direct = new StringContent("CLEAR ALL", System.Text.Encoding.UTF8, "application/sparql-update");
        engine.OnUpdate = (_, _, _, _) => new ChangeSet().Add(Change.ClearEverything());
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", direct))).StatusCode);
        Assert.AreEqual(0, t.Dataset.Count);
    }

    [TestMethod]
    public async Task ARefusedUpdateChangesNothing()
    {
        var engine = new ScriptedEngine { OnUpdate = (_, _, _, _) => throw new SparqlRequestException(SparqlErrorKind.BadRequest, "syntax error") };
        await using var t = await TestEndpoint.StartAsync(engine);
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")));
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", new StringContent("DELETE WHERE {", System.Text.Encoding.UTF8, "application/sparql-update")));
        Assert.AreEqual(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.AreEqual(1, t.Dataset.Count);
    }
}
