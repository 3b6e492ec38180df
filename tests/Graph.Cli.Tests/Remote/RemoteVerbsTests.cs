using System.Text;
using Graph.Sparql.Results;
using Graph.TestSupport;

namespace Graph.Cli.Tests.Remote;

/// <summary>kg push, kg link and kg query --endpoint / SERVICE against a real Virtuoso started for this class.</summary>
[TestClass]
public sealed class RemoteVerbsTests
{
    private static VirtuosoServer s_server = null!;
    private static string s_temp = null!;

    [ClassInitialize]
    public static void StartVirtuoso(TestContext _)
    {
        s_server = VirtuosoServer.Start();
        s_temp = Path.Combine(Path.GetTempPath(), "kg-cli-remote-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(s_temp);
        // The Wikidata-shaped extract the link and SERVICE tests read.
        var (code, _, err) = Run("push", "--endpoint", s_server.GraphStoreEndpoint, "--graph", "http://kg.test/wikidata",
            "--user", VirtuosoServer.User, "--password", VirtuosoServer.Password, Data("wikidata-extract.ttl"));
        Assert.AreEqual(0, code, err);
    }

    [ClassCleanup]
    public static void StopVirtuoso()
    {
        s_server?.Dispose();
        if (s_temp is not null && Directory.Exists(s_temp)) Directory.Delete(s_temp, true);
    }

    private static string Data(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Sparql.Tests", "Remote", "data", name);

    private static string Temp(string name) => Path.Combine(s_temp, name);

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var input = new MemoryStream();
        var output = new MemoryStream();
        var outWriter = new StreamWriter(output, new UTF8Encoding(false));
        var err = new StringWriter();
        var ctx = new CliContext(new StreamReader(input), input, outWriter, output, err);
        var code = Program.Run(args, ctx);
        outWriter.Flush();
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }

    private static SparqlResultSet Json(string text) => JsonResultsReader.Read(new StringReader(text));

    [TestMethod]
    public void PushWithoutAGraphIsAUsageError()
    {
        var (code, _, err) = Run("push", "--endpoint", s_server.GraphStoreEndpoint, Data("arabic-sample.ttl"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(err, "--graph");
    }

    [TestMethod]
    public void PushOfAMalformedFileNamesItsLineAndLeavesTheGraphUnchanged()
    {
        const string g = "http://kg.test/cli/unchanged";
        Assert.AreEqual(0, Run("push", "--endpoint", s_server.GraphStoreEndpoint, "--graph", g, "--user", "dba", "--password", "dba", Data("arabic-sample.ttl")).Code);
        var count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + g + "> { ?s ?p ?o } }";
        var before = Run("query", "--endpoint", s_server.SparqlEndpoint, "-e", count, "--results", "json").Out;
        var bad = Temp("bad.ttl");
        File.WriteAllText(bad, "@prefix ex: <http://kg.test/> .\nex:a ex:p \"أ\"@ar .\nex:b ex:p \"unterminated .\n");
        var (code, _, err) = Run("push", "--endpoint", s_server.GraphStoreEndpoint, "--graph", g, "--user", "dba", "--password", "dba", "--replace", "--batch", "1", bad);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(err, bad + ":3:");
        var after = Run("query", "--endpoint", s_server.SparqlEndpoint, "-e", count, "--results", "json").Out;
        Assert.AreEqual(before, after);
        Assert.AreNotEqual("0", ((Graph.Rdf.LiteralNode)Json(after).Rows[0][0]!).Value);
    }

    [TestMethod]
    public void PushShowsProgressAndKgQueryAnswersTheSameThereAsLocally()
    {
        const string g = "http://kg.test/cli/arabic";
        var (code, _, err) = Run("push", "--endpoint", s_server.GraphStoreEndpoint, "--graph", g, "--user", "dba", "--password", "dba",
            "--batch", "4", "--skolemize", "--replace", Data("arabic-sample.ttl"));
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(err, "kg push: 4/");
        StringAssert.Contains(err, "in 4 request(s)");

        const string q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(lang(?l) = \"ar\") }";
        var remote = Run("query", "--endpoint", s_server.SparqlEndpoint, "--default-graph-uri", g, "-e", q, "--results", "json");
        var local = Run("query", "--data", Data("arabic-sample.ttl"), "-e", q, "--results", "json");
        Assert.AreEqual(0, remote.Code, remote.Err);
        Assert.AreEqual(0, local.Code, local.Err);
        var rs = Json(remote.Out);
        // The round label hangs off a blank node, skolemized remotely: compare the other subjects' labels exactly.
        var iriRows = rs.Rows.Where(r => r[0] is Graph.Rdf.IriNode i && !i.Value.Contains("/.well-known/genid/", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, rs.Rows.Count - iriRows.Count);
        var localRows = Json(local.Out).Rows.Where(r => r[0] is Graph.Rdf.IriNode).ToList();
        Assert.IsNull(ResultSetComparer.Difference(new SparqlResultSet(rs.Variables, localRows), new SparqlResultSet(rs.Variables, iriRows), ordered: false));
        Assert.HasCount(3, iriRows);
        Assert.IsTrue(rs.Rows.Any(r => r[1]!.Equals(Graph.Rdf.LiteralNode.LangString("الجمهورية العربية السورية", "ar"))));
    }

    [TestMethod]
    public void AFederatedQueryJoinsTheLocalGraphWithVirtuoso()
    {
        var q = "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "PREFIX wdt: <http://www.wikidata.org/prop/direct/> "
            + "SELECT ?e ?en ?country WHERE { ?e owl:sameAs ?item . "
            + "SERVICE <" + s_server.SparqlEndpoint + "> { ?item rdfs:label ?en ; wdt:P17 ?country FILTER(lang(?en) = \"en\") } } ORDER BY ?e";
        var cache = Temp("service-cache");
        var (code, stdout, err) = Run("query", "--data", Data("local-entities.ttl"), "--allow-service", s_server.SparqlEndpoint,
            "--service-cache", cache, "-e", q, "--results", "json");
        Assert.AreEqual(0, code, err);
        var rs = Json(stdout);
        CollectionAssert.AreEqual(new[] { "https://w3id.org/astana-kg/id/place/aleppo", "https://w3id.org/astana-kg/id/place/damascus" },
            rs.Rows.Select(r => ((Graph.Rdf.IriNode)r[0]!).Value).ToArray());
        CollectionAssert.AreEqual(new[] { "Aleppo", "Damascus" }, rs.Rows.Select(r => ((Graph.Rdf.LiteralNode)r[1]!).Value).ToArray());

        // The same query offline is answered from the cache.
        var offline = Run("query", "--data", Data("local-entities.ttl"), "--allow-service", s_server.SparqlEndpoint,
            "--service-cache", cache, "--offline", "-e", q, "--results", "json");
        Assert.AreEqual(0, offline.Code, offline.Err);
        Assert.AreEqual(stdout, offline.Out);
    }

    [TestMethod]
    public void AServiceNotOnTheAllowListIsRefused()
    {
        var q = "SELECT * WHERE { SERVICE <" + s_server.SparqlEndpoint + "> { ?s ?p ?o } }";
        var (code, _, err) = Run("query", "--data", Data("local-entities.ttl"), "--allow-service", "other.test", "-e", q);
        Assert.AreEqual(1, code);
        StringAssert.Contains(err, "allow-list");
    }

    [TestMethod]
    public void LinkAddsFactsWithProvenanceAndAnOfflineRerunIsByteIdentical()
    {
        var cache = Temp("link-cache");
        var first = Temp("linked.trig");
        var (code, _, err) = Run("link", Data("local-entities.ttl"), "--endpoint", s_server.SparqlEndpoint, "--cache", cache, "--out", first);
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(err, "4 entities link to 4 Wikidata items; facts found for 3");
        var text = File.ReadAllText(first);
        StringAssert.Contains(text, "\"دمشق\"@ar");
        StringAssert.Contains(text, "prov:generatedAtTime");
        StringAssert.Contains(text, "prov:wasDerivedFrom <" + s_server.SparqlEndpoint + ">");
        Assert.IsFalse(text.Contains("\"Damas\"@fr", StringComparison.Ordinal), "a label in another language was fetched");

        var second = Temp("linked-offline.trig");
        var again = Run("link", Data("local-entities.ttl"), "--endpoint", s_server.SparqlEndpoint, "--cache", cache, "--offline", "--out", second);
        Assert.AreEqual(0, again.Code, again.Err);
        StringAssert.Contains(again.Err, "offline");
        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [TestMethod]
    public void LinkOfflineWithoutACachedAnswerFailsAndWritesNothing()
    {
        var outFile = Temp("never.trig");
        var (code, _, err) = Run("link", Data("local-entities.ttl"), "--endpoint", s_server.SparqlEndpoint, "--cache", Temp("empty-cache"), "--offline", "--out", outFile);
        Assert.AreEqual(1, code);
        StringAssert.Contains(err, "not in the cache");
        Assert.IsFalse(File.Exists(outFile));
    }
}
