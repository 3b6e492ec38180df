using System.Net;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Server.Tests;

[TestClass]
public sealed class GraphStoreProtocolTests
{
    private const string Two = "<http://example.org/a> <http://example.org/p> \"سلام\"@ar .\n<http://example.org/a> <http://example.org/q> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";

    private static async Task<string> Body(HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    [TestMethod]
    public async Task PutToTheDefaultGraphThenGetReturnsTheSameTriples()
    {
        await using var t = await TestEndpoint.StartAsync();
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(Two)));
        Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        var get = new HttpRequestMessage(HttpMethod.Get, "store?default");
        get.Headers.Accept.ParseAdd("application/n-triples");
        var res = await t.Client.SendAsync(get);
        Assert.AreEqual(HttpStatusCode.OK, res.StatusCode);
        Assert.AreEqual("application/n-triples", res.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual(Two, await Body(res));
    }

    [TestMethod]
    public async Task PutToANewNamedGraphAnswersCreatedAndTheGraphReadsBack()
    {
        await using var t = await TestEndpoint.StartAsync();
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=" + Uri.EscapeDataString("http://example.org/g1"), TestEndpoint.NTriples(Two)));
        Assert.AreEqual(HttpStatusCode.Created, put.StatusCode);
        Assert.AreEqual(2, t.Dataset.CountGraph(Terms.Iri("g1")));
        Assert.AreEqual(0, t.Dataset.CountGraph(null));
        var res = await t.Client.GetAsync("store?graph=" + Uri.EscapeDataString("http://example.org/g1"));
        Assert.AreEqual("text/turtle", res.Content.Headers.ContentType!.MediaType);
        CollectionAssert.AreEquivalent(Rdf.Lines(Two, RdfFormat.NTriples), Rdf.Lines(await Body(res), RdfFormat.Turtle));
    }

    [TestMethod]
    public async Task PutReplacesAGraphAndPostMergesIntoIt()
    {
        await using var t = await TestEndpoint.StartAsync();
        const string g = "store?graph=http%3A%2F%2Fexample.org%2Fg";
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, g, TestEndpoint.NTriples(Two)));
        var replaced = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, g, TestEndpoint.NTriples("<http://example.org/x> <http://example.org/p> <http://example.org/y> .\n")));
        Assert.AreEqual(HttpStatusCode.NoContent, replaced.StatusCode);
        Assert.AreEqual(1, t.Dataset.CountGraph(Terms.Iri("g")));
        var merged = await t.Client.SendAsync(t.Authorized(HttpMethod.Post, g, TestEndpoint.NTriples(Two)));
        Assert.AreEqual(HttpStatusCode.NoContent, merged.StatusCode);
        Assert.AreEqual(3, t.Dataset.CountGraph(Terms.Iri("g")));
        Assert.IsTrue(t.Dataset.Contains(new Quad(Terms.Iri("x"), Terms.Iri("p"), Terms.Iri("y"), Terms.Iri("g"))));
    }

    [TestMethod]
    public async Task DeleteRemovesANamedGraphAndASecondDeleteIsNotFound()
    {
        await using var t = await TestEndpoint.StartAsync();
        const string g = "store?graph=http%3A%2F%2Fexample.org%2Fg";
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, g, TestEndpoint.NTriples(Two)));
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Delete, g))).StatusCode);
        Assert.AreEqual(0, t.Dataset.Count);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.SendAsync(t.Authorized(HttpMethod.Delete, g))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.GetAsync(g)).StatusCode);
    }

    [TestMethod]
    public async Task DeleteOfTheDefaultGraphEmptiesItButKeepsNamedGraphs()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(Two)));
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=http%3A%2F%2Fexample.org%2Fg", TestEndpoint.NTriples(Two)));
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Delete, "store?default"))).StatusCode);
        Assert.AreEqual(0, t.Dataset.CountGraph(null));
        Assert.AreEqual(2, t.Dataset.CountGraph(Terms.Iri("g")));
    }

    [TestMethod]
    public async Task HeadSendsTheHeadersOfGetWithoutABody()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(Two)));
        var head = await t.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "store?default"));
        Assert.AreEqual(HttpStatusCode.OK, head.StatusCode);
        Assert.AreEqual("text/turtle", head.Content.Headers.ContentType!.MediaType);
        var get = await t.Client.GetAsync("store?default");
        Assert.AreEqual((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.AreEqual(0, (await head.Content.ReadAsByteArrayAsync()).Length);
        Assert.AreEqual(HttpStatusCode.NotFound, (await t.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "store?graph=http%3A%2F%2Fexample.org%2Fnone"))).StatusCode);
    }

    [TestMethod]
    public async Task TheDatasetWithoutAGraphParameterIsSentAsTriGOrNQuads()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")));
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=http%3A%2F%2Fexample.org%2Fg", TestEndpoint.NTriples("<http://example.org/c> <http://example.org/p> <http://example.org/d> .\n")));
        const string expected = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n<http://example.org/c> <http://example.org/p> <http://example.org/d> <http://example.org/g> .\n";
        var trig = await t.Client.GetAsync("store");
        Assert.AreEqual("application/trig", trig.Content.Headers.ContentType!.MediaType);
        CollectionAssert.AreEquivalent(Rdf.Lines(expected, RdfFormat.NQuads), Rdf.Lines(await Body(trig), RdfFormat.TriG));
        var nq = new HttpRequestMessage(HttpMethod.Get, "store");
        nq.Headers.Accept.ParseAdd("application/n-quads");
        Assert.AreEqual(expected, await Body(await t.Client.SendAsync(nq)));
    }

    [TestMethod]
    public async Task PostingNQuadsWithoutAGraphParameterAddsToTheirOwnGraphs()
    {
        await using var t = await TestEndpoint.StartAsync();
        var body = new StringContent("<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g2> .\n", System.Text.Encoding.UTF8, "application/n-quads");
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store", body))).StatusCode);
        Assert.AreEqual(1, t.Dataset.CountGraph(Terms.Iri("g2")));
    }

    [TestMethod]
    public async Task MalformedDataIsRefusedWithItsPositionAndChangesNothing()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(Two)));
        var bad = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n<http://example.org/a> <http://example.org/p> \"unterminated .\n";
        var res = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(bad)));
        Assert.AreEqual(HttpStatusCode.BadRequest, res.StatusCode);
        var text = await Body(res);
        StringAssert.StartsWith(text, "Error 400: request body:2:");
        Assert.AreEqual(2, t.Dataset.Count, "a refused PUT must leave the graph as it was");
    }

    [TestMethod]
    public async Task TurtleAndTriGBodiesAreReadWithTheirPrefixesAndBase()
    {
        await using var t = await TestEndpoint.StartAsync();
        var ttl = new StringContent("@prefix ex: <http://example.org/> .\nex:a ex:p \"سوريا\"@ar ; ex:q <rel> .\n", System.Text.Encoding.UTF8, "text/turtle");
        Assert.AreEqual(HttpStatusCode.Created, (await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=http%3A%2F%2Fexample.org%2Fdir%2Fg", ttl))).StatusCode);
        Assert.IsTrue(t.Dataset.Contains(new Quad(Terms.Iri("a"), Terms.Iri("q"), Terms.Iri("dir/rel"), Terms.Iri("dir/g"))), "relative IRIs resolve against the graph IRI");
        var trig = new StringContent("@prefix ex: <http://example.org/> .\nex:g2 { ex:a ex:p ex:b }\n", System.Text.Encoding.UTF8, "application/trig");
        Assert.AreEqual(HttpStatusCode.NoContent, (await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store", trig))).StatusCode);
        Assert.AreEqual(1, t.Dataset.CountGraph(Terms.Iri("g2")));
        var named = new StringContent("@prefix ex: <http://example.org/> .\nex:g3 { ex:a ex:p ex:b }\n", System.Text.Encoding.UTF8, "application/trig");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", named))).StatusCode, "a graph body naming graphs of its own");
    }

    [TestMethod]
    public async Task JsonLdBodiesAreRefusedSoTheirContextsCannotReachFilesOrHosts()
    {
        await using var t = await TestEndpoint.StartAsync();
        var body = new StringContent("{\"@context\": \"file:///etc/passwd\", \"@id\": \"http://example.org/a\"}", System.Text.Encoding.UTF8, "application/ld+json");
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, (await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", body))).StatusCode);
    }

    [TestMethod]
    public async Task AGraphCanBeReadAsJsonLd()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", TestEndpoint.NTriples(Two)));
        var get = new HttpRequestMessage(HttpMethod.Get, "store?default");
        get.Headers.Accept.ParseAdd("application/ld+json");
        var res = await t.Client.SendAsync(get);
        Assert.AreEqual("application/ld+json", res.Content.Headers.ContentType!.MediaType);
        CollectionAssert.AreEquivalent(Rdf.Lines(Two, RdfFormat.NTriples), Rdf.Lines(await Body(res), RdfFormat.JsonLd));
    }

    [TestMethod]
    public async Task AnUnreadableMediaTypeIsUnsupported()
    {
        await using var t = await TestEndpoint.StartAsync();
        var res = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", new StringContent("{}", System.Text.Encoding.UTF8, "image/png")));
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, res.StatusCode);
    }

    [TestMethod]
    public async Task AskingForAFormatTheServerCannotWriteIsNotAcceptable()
    {
        await using var t = await TestEndpoint.StartAsync();
        var get = new HttpRequestMessage(HttpMethod.Get, "store?default");
        get.Headers.Accept.ParseAdd("image/png");
        Assert.AreEqual(HttpStatusCode.NotAcceptable, (await t.Client.SendAsync(get)).StatusCode);
    }

    [TestMethod]
    public async Task NamingBothTheDefaultGraphAndAGraphIsABadRequest()
    {
        await using var t = await TestEndpoint.StartAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, (await t.Client.GetAsync("store?default&graph=http%3A%2F%2Fexample.org%2Fg")).StatusCode);
    }

    [TestMethod]
    public async Task ARelativeGraphIriIsResolvedAgainstTheStoreAddress()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?graph=mine", TestEndpoint.NTriples(Two)));
        Assert.AreEqual(2, t.Dataset.CountGraph(new IriNode(new Uri(t.Server.Address, "mine").AbsoluteUri)));
    }

    [TestMethod]
    public async Task BlankNodesOfTwoUploadsAreDifferentNodes()
    {
        await using var t = await TestEndpoint.StartAsync();
        const string data = "_:b1 <http://example.org/p> \"x\" .\n";
        await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", TestEndpoint.NTriples(data)));
        await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", TestEndpoint.NTriples(data)));
        Assert.AreEqual(2, t.Dataset.CountGraph(null));
    }

    [TestMethod]
    public async Task ABlankNodeLabelRepeatedInOneUploadIsOneNode()
    {
        await using var t = await TestEndpoint.StartAsync();
        await t.Client.SendAsync(t.Authorized(HttpMethod.Post, "store?default", TestEndpoint.NTriples("_:b1 <http://example.org/p> \"x\" .\n_:b1 <http://example.org/q> \"y\" .\n")));
        var subjects = t.Dataset.GraphQuads(null).Select(q => q.Subject).Distinct().ToList();
        Assert.AreEqual(1, subjects.Count);
    }
}
