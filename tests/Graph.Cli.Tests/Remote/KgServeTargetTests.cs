using Graph.Rdf;
using Graph.Server;
using Graph.Server.Http;
using Graph.Sparql.Remote;
using Graph.TestSupport;

namespace Graph.Cli.Tests.Remote;

/// <summary>kg's own server as the store: kg push with a bearer token, kg query --endpoint, and SERVICE to it.</summary>
[TestClass]
public sealed class KgServeTargetTests
{
    private const string Token = "push-test-token-123";

    private static string Data(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Sparql.Tests", "Remote", "data", name);

    [TestMethod]
    public async Task PushWithABearerTokenStoresTheFileAndAWrongTokenIsRefused()
    {
        await using var host = await ServerHost.StartAsync(new ServerOptions { Port = 0, UpdateToken = Token }, [], null);
        var store = host.Server.StoreEndpoint.AbsoluteUri;
        const string g = "http://kg.test/served";

        var wrong = RemoteVerbsTests.Run("push", "--endpoint", store, "--graph", g, "--token", "not-the-token-at-all", Data("arabic-sample.ttl"));
        Assert.AreEqual(1, wrong.Code);
        StringAssert.Contains(wrong.Err, "HTTP 403");
        StringAssert.Contains(wrong.Err, "before any triple was stored");

        var (code, _, err) = RemoteVerbsTests.Run("push", "--endpoint", store, "--graph", g, "--token", Token, Data("arabic-sample.ttl"));
        Assert.AreEqual(0, code, err);
        using var client = new GraphStoreClient(store);
        var back = client.Get(g);
        var local = Graph.Formats.RdfReader.ReadQuads(Data("arabic-sample.ttl")).Select(q => q.Triple);
        Assert.IsTrue(Isomorphism.AreIsomorphic(local, back));

        var q = "SELECT ?l WHERE { GRAPH <" + g + "> { <https://w3id.org/astana-kg/id/state/TR> ?p ?l FILTER(lang(?l) = \"ar\") } } ORDER BY ?l";
        var remote = RemoteVerbsTests.Run("query", "--endpoint", host.Server.SparqlEndpoint.AbsoluteUri, "-e", q, "--results", "tsv");
        Assert.AreEqual(0, remote.Code, remote.Err);
        Assert.AreEqual("?l\n\"تركيا\"@ar\n\"ضامن لوقف إطلاق النار، مع روسيا وإيران\"@ar\n", remote.Out);
    }
}
