using System.Net;
using Graph.Server.Engine;
using Graph.Server.Http;
using Graph.TestSupport;

namespace Graph.Server.Tests;

/// <summary>
/// Apache Jena's remote query client (Debian's libapache-jena-java, through ../shared/tools/jena) against the
/// server: another implementation's idea of the SPARQL Protocol and of our results formats.
/// </summary>
[TestClass]
public sealed class JenaClientTests
{
    private static string Jena()
    {
        ExternalTool.Require("/usr/share/java/jena-arq.jar", "install Debian's libapache-jena-java (apt-get install -y libapache-jena-java)");
        return SharedPaths.InShared("tools", "jena");
    }

    private static async Task<TestEndpoint> StartWithRounds()
    {
        var t = await TestEndpoint.StartAsync(new GraphSparqlEngine(), new ServerOptions { UpdateToken = TestEndpoint.Token });
        var data = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PageData", "rounds.ttl"));
        var put = await t.Client.SendAsync(t.Authorized(HttpMethod.Put, "store?default", new StringContent(data, System.Text.Encoding.UTF8, "text/turtle")));
        Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        return t;
    }

    private static async Task<string> Rsparql(TestEndpoint t, string query, string results, bool post = false)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, query);
            List<string> args = ["arq.rsparql", "--service=" + t.Server.SparqlEndpoint.AbsoluteUri, "--query=" + file, "--results=" + results];
            if (post) args.Add("--post");
            var r = await ExternalTool.RunAsync(Jena(), args, TimeSpan.FromMinutes(3));
            Assert.AreEqual(0, r.ExitCode, r.Stderr);
            return r.Stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const string Select = """
        PREFIX ast: <https://w3id.org/astana-kg/ontology#>
        SELECT ?n ?status WHERE { ?r ast:roundNumber ?n ; ast:status ?status } ORDER BY ?n
        """;

    [TestMethod]
    public async Task JenaReadsOurSelectResultsByGetAndByPost()
    {
        await using var t = await StartWithRounds();
        foreach (var post in new[] { false, true })
        {
            var csv = (await Rsparql(t, Select, "CSV", post)).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.AreEqual("n,status\n1,انعقدت في أستانا\n2,انعقدت\n3,held\n", csv, post ? "POST" : "GET");
        }
    }

    [TestMethod]
    public async Task JenaReadsOurAskAndConstructResults()
    {
        await using var t = await StartWithRounds();
        var ask = await Rsparql(t, "ASK { ?s <https://w3id.org/astana-kg/ontology#roundNumber> 3 }", "JSON");
        StringAssert.Contains(ask, "\"boolean\" : true");
        var nt = await Rsparql(t, """
            PREFIX ast: <https://w3id.org/astana-kg/ontology#>
            CONSTRUCT { ?r ast:label ?status } WHERE { ?r ast:status ?status FILTER(LANG(?status) = "ar") }
            """, "NT");
        var lines = Rdf.Lines(nt, Graph.Formats.RdfFormat.NTriples);
        CollectionAssert.AreEquivalent(new[]
        {
            "<https://w3id.org/astana-kg/id/round-1> <https://w3id.org/astana-kg/ontology#label> \"انعقدت في أستانا\"@ar .",
            "<https://w3id.org/astana-kg/id/round-2> <https://w3id.org/astana-kg/ontology#label> \"انعقدت\"@ar .",
        }, lines);
    }

    private static async Task<ExternalTool.Result> Rupdate(Uri endpoint, string update)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, update);
            return await ExternalTool.RunAsync(Jena(), ["arq.rupdate", "--service=" + endpoint.AbsoluteUri, "--update=" + file], TimeSpan.FromMinutes(3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The service URL with Basic credentials in it: Jena 4.5's rupdate has no way to send a bearer token.</summary>
    private static Uri WithCredentials(Uri endpoint, string password) =>
        new UriBuilder(endpoint) { UserName = "jena", Password = password }.Uri;

    [TestMethod]
    public async Task JenaUpdatesTheServerWithTheTokenAsBasicPassword()
    {
        await using var t = await StartWithRounds();
        var r = await Rupdate(WithCredentials(t.Server.SparqlEndpoint, TestEndpoint.Token), """
            PREFIX ast: <https://w3id.org/astana-kg/ontology#>
            INSERT DATA { GRAPH <http://example.org/jena> { <https://w3id.org/astana-kg/id/round-4> ast:roundNumber 4 ; ast:status "مؤجلة"@ar } } ;
            DELETE { ?r ast:status ?s } WHERE { ?r ast:status ?s FILTER(STR(?s) = "held") }
            """);
        Assert.AreEqual(0, r.ExitCode, r.Stdout + r.Stderr);
        var csv = (await Rsparql(t, """
            PREFIX ast: <https://w3id.org/astana-kg/ontology#>
            SELECT ?n ?status WHERE { { ?r ast:roundNumber ?n ; ast:status ?status } UNION { GRAPH ?g { ?r ast:roundNumber ?n ; ast:status ?status } } } ORDER BY ?n
            """, "CSV")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.AreEqual("n,status\n1,انعقدت في أستانا\n2,انعقدت\n4,مؤجلة\n", csv);
    }

    [TestMethod]
    public async Task JenaWithoutOrWithAWrongTokenChangesNothing()
    {
        await using var t = await StartWithRounds();
        var before = t.Dataset.Count;
        var none = await Rupdate(t.Server.SparqlEndpoint, "CLEAR ALL");
        Assert.AreNotEqual(0, none.ExitCode, "no credentials: refused");
        var wrong = await Rupdate(WithCredentials(t.Server.SparqlEndpoint, "not-the-token"), "CLEAR ALL");
        Assert.AreNotEqual(0, wrong.ExitCode, "a wrong token: refused");
        StringAssert.Contains(wrong.Stdout + wrong.Stderr, "403");
        Assert.AreEqual(before, t.Dataset.Count);
    }
}
