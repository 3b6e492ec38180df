using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Remote;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Remote;

/// <summary>
/// The W3C SPARQL 1.1 Federated Query tests (../shared/w3c/sparql11/service). Each qt:serviceData endpoint is served
/// in-process by kg's engine over its data file, reached through kg's HTTP client and bind-join executor, so the
/// whole SERVICE path runs except the socket.
/// </summary>
[TestClass]
public sealed class W3cFederationTests
{
    private const string Qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

    public static IEnumerable<object[]> Tests()
    {
        var manifest = SharedPaths.InShared("w3c", "sparql11", "service", "manifest.ttl");
        return W3cManifest.ReadTests(manifest).Select(t => new object[] { t.Id });
    }

    [TestMethod]
    public void TheManifestListsTheSevenApprovedServiceTests() => Assert.HasCount(7, Tests().ToList());

    [TestMethod]
    [DynamicData(nameof(Tests))]
    public void ServiceTestPasses(string id) => Run(id, batch: 50);

    [TestMethod]
    [DynamicData(nameof(Tests))]
    public void ServiceTestPassesWithOneRowPerValuesBlock(string id) => Run(id, batch: 1);

    private static void Run(string id, int batch)
    {
        var t = W3cManifest.ReadTests(SharedPaths.InShared("w3c", "sparql11", "service", "manifest.ttl")).Single(x => x.Id == id);
        var m = t.Manifest;
        var action = m.Object(t.Node, W3cManifest.Mf + "action")!;
        var queryFile = W3cManifest.FilePath(m.Object(action, Qt + "query"))!;
        var store = new QuadStore();
        foreach (var d in m.Objects(action, Qt + "data")) DatasetFiles.LoadDefault(store, W3cManifest.FilePath(d)!);
        var endpoints = new LocalSparqlEndpoints();
        var allow = new EndpointAllowList();
        foreach (var sd in m.Objects(action, Qt + "serviceData"))
        {
            var ep = ((IriNode)m.Object(sd, Qt + "endpoint")!).Value;
            var es = new QuadStore();
            DatasetFiles.LoadDefault(es, W3cManifest.FilePath(m.Object(sd, Qt + "data"))!);
            endpoints.Add(ep, es);
            allow.Add(ep);
        }
        // The test's unreachable endpoint is allowed too: it must fail as a network error, not as a refusal.
        allow.Add("invalid.endpoint.org");
        var text = File.ReadAllText(queryFile);
        var query = QueryParser.Parse(text, queryFile, W3cManifest.FileUrl(queryFile));
        var result = QueryEngine.Execute(query, store.Snapshot(), new QueryOptions { Services = endpoints.Executor(allow, batch) });
        var expected = XmlResultsReader.ReadFile(t.Result!);
        var actual = new SparqlResultSet(result.Variables, result.Rows.ToList());
        var diff = ResultSetComparer.Difference(expected, actual, ordered: false);
        if (diff is not null) Assert.Fail($"{t.Name}: {diff}\n{text}\nremote queries:\n{string.Join("\n---\n", endpoints.Queries)}");
    }
}
