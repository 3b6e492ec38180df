using System.Net;
using Graph.Rdf;
using Graph.Sparql.Remote;

namespace Graph.Sparql.Tests.Remote;

[TestClass]
public sealed class GraphUploaderTests
{
    private const string Endpoint = "http://store.test/gsp";
    private const string GraphIri = "http://kg.test/g";

    public TestContext TestContext { get; set; } = null!;

    private string WriteFile(string name, string text)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-upload-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    private static string Lines(int n) => string.Concat(Enumerable.Range(0, n).Select(i => $"<http://kg.test/s{i}> <http://kg.test/p> \"قيمة {i}\"@ar .\n"));

    private static GraphStoreClient Client(StubEndpoint stub, RemoteCredentials? cred = null) =>
        new(Endpoint, cred, handler: stub) { RetryDelay = TimeSpan.FromMilliseconds(1) };

    [TestMethod]
    public void ALargeFileGoesInBatchesOfAtMostTheBatchSize()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var file = WriteFile("data.nt", Lines(25));
        var progress = new List<UploadProgress>();
        var summary = new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions { BatchSize = 10 }, progress.Add);
        Assert.AreEqual(25, summary.Triples);
        CollectionAssert.AreEqual(new[] { 10, 10, 5 }, stub.Requests.Select(r => r.Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length).ToArray());
        Assert.IsTrue(stub.Requests.All(r => r.Method == "POST" && r.ContentType == "application/n-triples"));
        Assert.AreEqual("?graph=http%3A%2F%2Fkg.test%2Fg", stub.Requests[0].Uri.Query);
        CollectionAssert.AreEqual(new long[] { 10, 20, 25 }, progress.Select(p => p.Sent).ToArray());
        StringAssert.Contains(stub.Requests[0].Body, "\"قيمة 0\"@ar");
    }

    [TestMethod]
    public void AMalformedFileIsReportedWithItsPositionAndNothingIsSent()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var file = WriteFile("bad.ttl", "@prefix ex: <http://kg.test/> .\nex:a ex:p \"ok\" .\nex:b ex:p \"unterminated .\n");
        var e = Assert.ThrowsExactly<RdfParseException>(() => new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions { BatchSize = 1 }));
        Assert.AreEqual(3, e.Line);
        Assert.AreEqual(file, e.SourceName);
        Assert.IsEmpty(stub.Requests);
    }

    [TestMethod]
    public void ReplaceDeletesTheGraphBeforeSending()
    {
        var stub = new StubEndpoint(r => new HttpResponseMessage(r.Method == "DELETE" ? HttpStatusCode.NotFound : HttpStatusCode.OK));
        var file = WriteFile("data.nt", Lines(3));
        new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions { Replace = true });
        CollectionAssert.AreEqual(new[] { "DELETE", "POST" }, stub.Requests.Select(r => r.Method).ToArray());
    }

    [TestMethod]
    public void BlankNodesSpreadOverSeveralRequestsNeedSkolemization()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var file = WriteFile("b.nt", "_:x <http://kg.test/p> \"1\" .\n_:x <http://kg.test/q> \"2\" .\n");
        var e = Assert.ThrowsExactly<RdfParseException>(() => new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions { BatchSize = 1 }));
        StringAssert.Contains(e.Message, "--skolemize");
        Assert.IsEmpty(stub.Requests);
    }

    [TestMethod]
    public void SkolemizedBlankNodesKeepTheirIdentityAcrossRequests()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var file = WriteFile("b.nt", "_:x <http://kg.test/p> \"1\" .\n_:x <http://kg.test/q> \"2\" .\n_:y <http://kg.test/q> \"3\" .\n");
        new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions { BatchSize = 1, Skolemize = true });
        var subjects = stub.Requests.Select(r => r.Body!.Split(' ')[0]).ToList();
        Assert.AreEqual(subjects[0], subjects[1]);
        Assert.AreNotEqual(subjects[0], subjects[2]);
        StringAssert.StartsWith(subjects[0], "<http://kg.test/.well-known/genid/");
    }

    [TestMethod]
    public void ANamedGraphInTheFileIsRefusedBeforeSending()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var file = WriteFile("d.nq", "<http://kg.test/s> <http://kg.test/p> \"1\" <http://kg.test/g2> .\n");
        Assert.ThrowsExactly<RdfParseException>(() => new GraphUploader(Client(stub)).Push(file, GraphIri, new UploadOptions()));
        Assert.IsEmpty(stub.Requests);
    }

    [TestMethod]
    public void ADeadlockedRequestIsRetriedUntilItSucceeds()
    {
        var calls = 0;
        var stub = new StubEndpoint(_ => ++calls < 3
            ? StubEndpoint.Text("Virtuoso 40001 Error SR172: Transaction deadlocked", "text/plain", HttpStatusCode.InternalServerError)
            : new HttpResponseMessage(HttpStatusCode.Created));
        using var client = Client(stub);
        client.Post(GraphIri, "<http://kg.test/s> <http://kg.test/p> <http://kg.test/o> .\n");
        Assert.AreEqual(3, calls);
        Assert.AreEqual(2, client.Retries);
    }

    [TestMethod]
    public void APersistentDeadlockGivesUpWithTheServersMessage()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("Virtuoso 40001 Error SR172: Transaction deadlocked", "text/plain", HttpStatusCode.InternalServerError));
        using var client = new GraphStoreClient(Endpoint, handler: stub) { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) };
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Post(GraphIri, ""));
        StringAssert.Contains(e.Message, "SR172");
        Assert.HasCount(3, stub.Requests);
    }

    [TestMethod]
    public void OtherServerErrorsAreNotRetried()
    {
        var stub = new StubEndpoint(_ => StubEndpoint.Text("SP029: TURTLE RDF loader, line 2: syntax error", "text/plain", HttpStatusCode.InternalServerError));
        using var client = Client(stub);
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => client.Post(GraphIri, "junk"));
        StringAssert.Contains(e.Message, "SP029");
        Assert.HasCount(1, stub.Requests);
    }

    [TestMethod]
    public void ABearerTokenIsSentWithEveryRequest()
    {
        var stub = new StubEndpoint(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(stub, RemoteCredentials.Bearer("s3cret-token"));
        client.Post(GraphIri, "");
        client.Delete(GraphIri);
        Assert.IsTrue(stub.Requests.All(r => r.Authorization == "Bearer s3cret-token"));
    }
}
