using System.Text;
using Graph.Formats.JsonLd;
using Graph.Rdf;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.Tests.JsonLd;

[TestClass]
public sealed class JsonLdBadInputTests
{
    private static string DataFile(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Formats.Tests", "JsonLd", "BadInput", name);

    private static string Nested(int depth, char open, char close, string inner)
    {
        var sb = new StringBuilder(depth * 8);
        for (var i = 0; i < depth; i++) sb.Append(open == '{' ? "{\"http://example.org/p\":" : "[");
        sb.Append(inner);
        for (var i = 0; i < depth; i++) sb.Append(close);
        return sb.ToString();
    }

    [TestMethod]
    public void HundredThousandNestedArraysGiveAClearError()
    {
        var json = Nested(100_000, '[', ']', "1");
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdReader.Parse(json, new CountingSink(), "deep.jsonld"));
        StringAssert.Contains(ex.Message, "nested more than");
        StringAssert.StartsWith(ex.Describe(), "deep.jsonld:1:");
    }

    [TestMethod]
    public void HundredThousandNestedObjectsGiveAClearError()
    {
        var json = Nested(100_000, '{', '}', "\"x\"");
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdProcessor.Expand(JsonLdJson.Parse(json, "deep.jsonld", 512)));
        StringAssert.Contains(ex.Message, "nested more than 512");
    }

    [TestMethod]
    public void DeepTokensBuiltInMemoryAreStoppedByTheAlgorithmsOwnDepthCounter()
    {
        JToken token = new JObject { ["@id"] = "http://example.org/leaf" };
        for (var i = 0; i < 2_000; i++) token = new JObject { ["http://example.org/p"] = token };
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdProcessor.Expand(token));
        StringAssert.Contains(ex.Message, "nested more than");
    }

    [TestMethod]
    public void AContextCycleIsReportedAsRecursiveContextInclusion()
    {
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdReader.ParseFile(DataFile("uses-cycle.jsonld"), new CountingSink()));
        Assert.AreEqual("recursive context inclusion", ex.Code);
        StringAssert.Contains(ex.Message, "cycle-a.jsonld");
        Assert.AreEqual(DataFile("uses-cycle.jsonld"), ex.SourceName);
    }

    [TestMethod]
    public void ARemoteContextIsRefusedWithoutTouchingTheNetwork()
    {
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdReader.ParseFile(DataFile("remote-context.jsonld"), new CountingSink()));
        Assert.AreEqual("loading remote context failed", ex.Code);
        StringAssert.Contains(ex.Message, "network access is disabled");
        StringAssert.Contains(ex.Message, "https://schema.org/");
    }

    [TestMethod]
    public void TheAllowListLoaderRefusesHostsNotListed()
    {
        var loader = new AllowListDocumentLoader(["w3id.org"], new FileDocumentLoader(), new HttpClient(new FailingHandler()));
        var ex = Assert.ThrowsExactly<JsonLdException>(() => loader.Load("https://schema.org/"));
        Assert.AreEqual("loading document failed", ex.Code);
        StringAssert.Contains(ex.Message, "not on the allow-list");
    }

    [TestMethod]
    public void TheAllowListLoaderFetchesListedHostsThroughItsClient()
    {
        var handler = new StubHandler("{\"@context\": {\"name\": \"http://schema.org/name\"}}");
        var loader = new AllowListDocumentLoader(["example.org"], new FileDocumentLoader(), new HttpClient(handler));
        var options = new JsonLdOptions { DocumentLoader = loader };
        var sink = new ListSink();
        JsonLdReader.Parse("{\"@context\": \"https://example.org/ctx\", \"@id\": \"http://example.org/x\", \"name\": \"x\"}", sink, "t.jsonld", null, options);
        Assert.AreEqual("<http://example.org/x> <http://schema.org/name> \"x\" .", sink.Quads.Single().ToString());
        Assert.AreEqual("https://example.org/ctx", handler.Requested);
    }

    [TestMethod]
    public void InvalidJsonReportsLineAndColumn()
    {
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdReader.Parse("{\n  \"@id\": \"x\",\n  \"a\": ]\n}", new CountingSink(), "bad.jsonld"));
        Assert.AreEqual(3, ex.Line);
        StringAssert.StartsWith(ex.Describe(), "bad.jsonld:3:");
    }

    [TestMethod]
    public void AnInvalidDocumentNamesTheSourceAndTheErrorCode()
    {
        var ex = Assert.ThrowsExactly<JsonLdException>(() => JsonLdReader.Parse("{\n  \"@id\": \"http://example.org/s\",\n  \"@type\": 5\n}", new CountingSink(), "v.jsonld"));
        Assert.AreEqual("invalid type value", ex.Code);
        Assert.AreEqual("v.jsonld", ex.SourceName);
        Assert.AreEqual(3, ex.Line, ex.Describe());
        StringAssert.StartsWith(ex.Describe(), "v.jsonld:3:");
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new AssertFailedException("no request may be made: " + request.RequestUri);
    }

    private sealed class StubHandler(string body) : HttpMessageHandler
    {
        public string? Requested { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested = request.RequestUri!.AbsoluteUri;
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body), RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
