using System.Net;
using System.Text;
using Graph.Server.Engine;
using Graph.Store;

namespace Graph.Server.Tests;

/// <summary>Empty named graphs over HTTP: the Graph Store Protocol, SPARQL Update, the service description.</summary>
[TestClass]
public sealed class EmptyGraphProtocolTests
{
    private const string G = "store?graph=http%3A%2F%2Fexample.org%2Fg";

    private static StringContent UpdateBody(string text) => new(text, Encoding.UTF8, "application/sparql-update");

    private static Task<HttpResponseMessage> Head(TestEndpoint t, string url) => t.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

    [TestMethod]
    public async Task PutOfAnEmptyBodyCreatesAnEmptyGraphThatGetAndHeadFind()
    {
        await using var t = await TestEndpoint.StartAsync();
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.GetAsync(G)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await Head(t, G)).StatusCode);

        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, G, TestEndpoint.NTriples("")));
        Assert.AreEqual(HttpStatusCode.Created, put.StatusCode);
        Assert.IsTrue(t.Dataset.GraphExists(Terms.Iri("g")));

        var get = new HttpRequestMessage(HttpMethod.Get, G);
        get.Headers.Accept.ParseAdd("application/n-triples");
        var res = await t.Client.SendAsync(get);
        Assert.AreEqual(HttpStatusCode.OK, res.StatusCode);
        Assert.AreEqual("", await res.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, (await Head(t, G)).StatusCode);

        var again = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, G, TestEndpoint.NTriples("")));
        Assert.AreEqual(HttpStatusCode.NoContent, again.StatusCode, "the graph exists now");
    }

    [TestMethod]
    public async Task DeleteOfAnEmptyGraphRemovesItAndASecondDeleteIsNotFound()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, G, TestEndpoint.NTriples("")));
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Delete, G))).StatusCode);
        Assert.IsFalse(t.Dataset.GraphExists(Terms.Iri("g")));
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.GetAsync(G)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await Head(t, G)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.SendAsync(t.Authorized(HttpMethod.Delete, G))).StatusCode);
    }

    [TestMethod]
    public async Task PostOfAnEmptyBodyToANewGraphCreatesIt()
    {
        await using var t = await TestEndpoint.StartAsync();
        var post = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, G, TestEndpoint.NTriples("")));
        Assert.AreEqual(HttpStatusCode.Created, post.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.GetAsync(G)).StatusCode);
    }

    [TestMethod]
    public async Task SparqlCreateAndDropOfAnEmptyGraphAreSeenByTheGraphStore()
    {
        await using var t = await TestEndpoint.StartAsync(EngineFactory.Create());
        var create = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", UpdateBody("CREATE GRAPH <http://example.org/g>")));
        Assert.AreEqual(HttpStatusCode.NoContent, create.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await t.Client.GetAsync(G)).StatusCode);

        var twice = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", UpdateBody("CREATE GRAPH <http://example.org/g>")));
        Assert.AreEqual(HttpStatusCode.BadRequest, twice.StatusCode);
        StringAssert.Contains(await twice.Content.ReadAsStringAsync(), "already exists");
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", UpdateBody("CREATE SILENT GRAPH <http://example.org/g>")))).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", UpdateBody("DROP GRAPH <http://example.org/g>")))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.GetAsync(G)).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql", UpdateBody("DROP GRAPH <http://example.org/g>")))).StatusCode);
    }

    [TestMethod]
    public async Task TheServiceDescriptionListsEveryNamedGraphIncludingEmptyOnes()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, G, TestEndpoint.NTriples("")));
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=http%3A%2F%2Fexample.org%2Ffull",
            TestEndpoint.NTriples("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")));
        var get = new HttpRequestMessage(HttpMethod.Get, "sparql");
        get.Headers.Accept.ParseAdd("application/n-triples");
        var text = await (await t.Client.SendAsync(get)).Content.ReadAsStringAsync();
        const string Sd = "http://www.w3.org/ns/sparql-service-description#";
        StringAssert.Contains(text, $"<{Sd}name> <http://example.org/g> .");
        StringAssert.Contains(text, $"<{Sd}name> <http://example.org/full> .");
        StringAssert.Contains(text, $"<{Sd}feature> <{Sd}EmptyGraphs> .");
    }

    [TestMethod]
    public async Task AServerUpdateRunsInExactlyOneStoreTransaction()
    {
        var store = new QuadStore();
        await using var t = await TestEndpoint.StartAsync(EngineFactory.Create(), dataset: new StoreDataset(store));
        var before = store.TransactionCount;
        var r = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "sparql",
            UpdateBody("INSERT DATA { <http://example.org/a> <http://example.org/p> 1 } ; CREATE GRAPH <http://example.org/g>")));
        Assert.AreEqual(HttpStatusCode.NoContent, r.StatusCode);
        Assert.AreEqual(before + 1, store.TransactionCount, "evaluated once: no planning transaction before the one that commits");
        Assert.AreEqual(1, store.QuadCount);
        Assert.IsTrue(store.GraphExists(Terms.Iri("g")));
    }
}
