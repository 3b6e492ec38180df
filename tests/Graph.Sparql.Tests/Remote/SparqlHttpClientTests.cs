using System.Net;
using Graph.Rdf;
using Graph.Sparql.Remote;

namespace Graph.Sparql.Tests.Remote;

[TestClass]
public sealed class SparqlHttpClientTests
{
    private const string Endpoint = "http://endpoint.test/sparql";

    private static SparqlHttpClient Client(StubEndpoint stub, ResponseCache? cache = null, bool offline = false, TimeSpan? timeout = null) => new(new SparqlClientOptions
    {
        Handler = stub,
        AllowList = new EndpointAllowList([Endpoint]),
        Cache = cache,
        Offline = offline,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    private static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "kg-cache-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    [TestMethod]
    public void ShortQueriesGoAsGetAndLongOnesAsFormPostButNeverAsADirectPost()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Json(["x"]));
        using var client = Client(stub);
        client.Query(Endpoint, "ASK {}");
        var longQuery = "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + new string('x', 3000) + "\") }";
        client.Query(Endpoint, longQuery);
        Assert.AreEqual("GET", stub.Requests[0].Method);
        Assert.AreEqual("ASK {}", stub.Requests[0].Query);
        Assert.AreEqual("POST", stub.Requests[1].Method);
        Assert.AreEqual("application/x-www-form-urlencoded", stub.Requests[1].ContentType);
        Assert.AreEqual(longQuery, stub.Requests[1].Query);
        Assert.IsFalse(stub.Requests.Any(r => r.ContentType == "application/sparql-query"));
    }

    [TestMethod]
    public void DatasetParametersTravelWithAFormPost()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Json(["x"]));
        using var client = Client(stub);
        client.Query(Endpoint, "SELECT * { ?s ?p \"" + new string('y', 3000) + "\" }", ["http://g.test/a"], []);
        var r = stub.Requests.Single();
        Assert.AreEqual(Endpoint, r.Uri.GetLeftPart(UriPartial.Path));
        StringAssert.StartsWith(r.Body, "default-graph-uri=http%3A%2F%2Fg.test%2Fa&query=");
    }

    [TestMethod]
    public void JsonResultsInVirtuosoStyleWithTypedLiteralsAndArabicAreRead()
    {
        const string body = """
            { "head": { "link": [], "vars": ["s", "n", "l"] },
              "results": { "distinct": false, "ordered": true, "bindings": [
                { "s": { "type": "uri", "value": "http://ex.test/damascus" },
                  "n": { "type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "2079000" },
                  "l": { "type": "literal", "xml:lang": "ar", "value": "\u062F\u0645\u0634\u0642" } } ] } }
            """;
        var stub = new StubEndpoint(_ => StubEndpoint.Text(body, "application/sparql-results+json"));
        using var client = Client(stub);
        var rs = client.Select(Endpoint, "SELECT * {}");
        Assert.AreEqual(new IriNode("http://ex.test/damascus"), rs.Rows[0][0]);
        Assert.AreEqual(LiteralNode.Typed("2079000", Vocab.Xsd.Integer), rs.Rows[0][1]);
        Assert.AreEqual(LiteralNode.LangString("دمشق", "ar"), rs.Rows[0][2]);
    }

    [TestMethod]
    public void XmlResultsAreRead()
    {
        const string body = """
            <?xml version="1.0"?>
            <sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="l"/></head>
            <results><result><binding name="l"><literal xml:lang="ar">حلب</literal></binding></result></results></sparql>
            """;
        var stub = new StubEndpoint(_ => StubEndpoint.Text(body, "application/sparql-results+xml"));
        using var client = Client(stub);
        var rs = client.Select(Endpoint, "SELECT ?l {}");
        Assert.AreEqual(LiteralNode.LangString("حلب", "ar"), rs.Rows.Single()[0]);
    }

    [TestMethod]
    public void GraphAnswersAreReadAsTriples()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("<http://a.test/s> <http://a.test/p> \"إدلب\"@ar .\n", "application/n-triples"));
        using var client = Client(stub);
        var answer = client.Query(Endpoint, "CONSTRUCT WHERE { ?s ?p ?o }");
        Assert.IsNull(answer.Results);
        Assert.AreEqual(new Triple(new IriNode("http://a.test/s"), new IriNode("http://a.test/p"), LiteralNode.LangString("إدلب", "ar")), answer.Triples!.Single());
    }

    [TestMethod]
    public void GraphQueriesAskForRdfAndOtherFormsForResults()
    {
        Assert.IsTrue(SparqlHttpClient.AnswersWithGraph("PREFIX s: <http://select.test/> # SELECT this\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p \"ASK\" }"));
        Assert.IsTrue(SparqlHttpClient.AnswersWithGraph("describe <http://x.test/>"));
        Assert.IsFalse(SparqlHttpClient.AnswersWithGraph("PREFIX c: <http://construct.test/> SELECT * { ?s c:p \"CONSTRUCT\" }"));
        Assert.IsFalse(SparqlHttpClient.AnswersWithGraph("ASK { }"));
        var stub = new StubEndpoint(_ => StubEndpoint.Text("", "application/n-triples"));
        using var client = Client(stub);
        client.Query(Endpoint, "CONSTRUCT WHERE { ?s ?p ?o }");
        StringAssert.StartsWith(stub.Requests.Single().Accept, "application/n-triples");
    }

    [TestMethod]
    public void AnEndpointNotOnTheAllowListIsRefusedWithoutARequest()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Json(["x"]));
        using var client = Client(stub);
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query("http://elsewhere.test/sparql", "ASK {}"));
        StringAssert.Contains(e.Message, "allow-list");
        Assert.IsEmpty(stub.Requests);
    }

    [TestMethod]
    public void AHostEntryAllowsEveryPathOnThatHostOnly()
    {
        var list = new EndpointAllowList(["127.0.0.1:8890"]);
        Assert.IsTrue(list.IsAllowed("http://127.0.0.1:8890/sparql"));
        Assert.IsTrue(list.IsAllowed("http://127.0.0.1:8890/other?x=1"));
        Assert.IsFalse(list.IsAllowed("http://127.0.0.1:8891/sparql"));
        Assert.IsFalse(list.IsAllowed("file:///etc/passwd"));
    }

    [TestMethod]
    public void ACachedAnswerIsReusedOfflineWithItsOriginalRetrievalTime()
    {
        var dir = TempDir();
        try
        {
            var online = new StubEndpoint(_ => StubEndpoint.Json(["x"], [StubEndpoint.Uri("http://ex.test/a")]));
            RemoteAnswer first;
            using (var client = Client(online, new ResponseCache(dir))) first = client.Query(Endpoint, "SELECT ?x {}");
            Assert.IsFalse(first.FromCache);

            var dead = new StubEndpoint(_ => throw new HttpRequestException("network is down"));
            using var offline = Client(dead, new ResponseCache(dir), offline: true);
            var again = offline.Query(Endpoint, "SELECT ?x {}");
            Assert.IsTrue(again.FromCache);
            Assert.AreEqual(first.Retrieved, again.Retrieved);
            Assert.AreEqual(new IriNode("http://ex.test/a"), again.Results!.Rows.Single()[0]);
            Assert.IsEmpty(dead.Requests);
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void AnOfflineQueryThatIsNotCachedFailsAndSaysWhy()
    {
        var dir = TempDir();
        try
        {
            var stub = new StubEndpoint(_ => StubEndpoint.Json(["x"]));
            using var client = Client(stub, new ResponseCache(dir), offline: true);
            var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query(Endpoint, "SELECT ?x {}"));
            StringAssert.Contains(e.Message, "not in the cache");
            Assert.IsEmpty(stub.Requests);
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void AnUnreadableAnswerIsReportedAndNotCached()
    {
        var dir = TempDir();
        try
        {
            var stub = new StubEndpoint(_ => StubEndpoint.Text("{ not json", "application/sparql-results+json"));
            using var client = Client(stub, new ResponseCache(dir));
            Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query(Endpoint, "SELECT ?x {}"));
            Assert.IsEmpty(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void AServerErrorIsReportedWithItsStatusAndMessage()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error", "text/plain", HttpStatusCode.BadRequest));
        using var client = Client(stub);
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query(Endpoint, "SELEC"));
        Assert.AreEqual(400, e.Status);
        StringAssert.Contains(e.Message, "SP030");
    }

    [TestMethod]
    public void AnEndpointThatNeverAnswersTimesOut()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.RequestTimeout));
        using var client = Client(stub, timeout: TimeSpan.FromMilliseconds(200));
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query(Endpoint, "ASK {}"));
        StringAssert.Contains(e.Message, "timeout");
    }

    [TestMethod]
    public void AnAnswerTheServerTruncatedIsAnError()
    {
        var stub = new StubEndpoint(_ =>
        {
            var r = StubEndpoint.Json(["x"]);
            r.Headers.Add("X-SPARQL-MaxRows", "10000");
            return r;
        });
        using var client = Client(stub);
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Query(Endpoint, "SELECT ?x {}"));
        StringAssert.Contains(e.Message, "truncated");
    }
}
