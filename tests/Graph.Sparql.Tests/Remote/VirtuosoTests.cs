using System.Diagnostics;
using System.Globalization;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql.Remote;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Remote;

/// <summary>
/// Against a real Virtuoso 7 (Debian's package) started on loopback for this class. If it cannot be started the
/// class fails: CI installs virtuoso-opensource-7-bin.
/// </summary>
[TestClass]
public sealed class VirtuosoTests
{
    private static VirtuosoServer s_server = null!;
    private static string s_temp = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void StartVirtuoso(TestContext _)
    {
        s_server = VirtuosoServer.Start();
        s_temp = Path.Combine(Path.GetTempPath(), "kg-virtuoso-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(s_temp);
    }

    [ClassCleanup]
    public static void StopVirtuoso()
    {
        s_server?.Dispose();
        if (s_temp is not null && Directory.Exists(s_temp)) Directory.Delete(s_temp, true);
    }

    internal static string Data(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Sparql.Tests", "Remote", "data", name);

    private static GraphStoreClient Store() => new(s_server.GraphStoreEndpoint, RemoteCredentials.UserPassword(VirtuosoServer.User, VirtuosoServer.Password));

    private static SparqlHttpClient Sparql() => new(new SparqlClientOptions { AllowList = new EndpointAllowList([s_server.SparqlEndpoint]) });

    private static List<Triple> Local(string path) => RdfReader.ReadQuads(path).Select(q => q.Triple).ToList();

    [TestMethod]
    public void ArabicTurtlePushedWithDigestAuthenticationComesBackIntact()
    {
        const string g = "http://kg.test/graph/arabic";
        using var store = Store();
        new GraphUploader(store).Push(Data("arabic-sample.ttl"), g, new UploadOptions { Replace = true });
        var back = store.Get(g);
        Assert.IsTrue(Isomorphism.AreIsomorphic(Local(Data("arabic-sample.ttl")), back), "the graph read back differs from the file");

        using var sparql = Sparql();
        var rs = sparql.Select(s_server.SparqlEndpoint,
            "SELECT ?l WHERE { GRAPH <" + g + "> { <https://w3id.org/astana-kg/id/state/SY> <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = \"ar\") } } ORDER BY ?l");
        CollectionAssert.AreEquivalent(new INode[] { LiteralNode.LangString("الجمهورية العربية السورية", "ar"), LiteralNode.LangString("سوريا", "ar") },
            rs.Rows.Select(r => r[0]!).ToArray());
    }

    [TestMethod]
    public void AnArabicLiteralInAQueryMatchesAndQuotesSurvive()
    {
        const string g = "http://kg.test/graph/arabic-match";
        using var store = Store();
        new GraphUploader(store).Push(Data("arabic-sample.ttl"), g, new UploadOptions { Replace = true });
        using var sparql = Sparql();
        var rs = sparql.Select(s_server.SparqlEndpoint,
            "SELECT ?q WHERE { GRAPH <" + g + "> { ?a <https://w3id.org/astana-kg/ontology#headline> \"انطلاق الجولة الجديدة من محادثات أستانا بشأن سوريا\"@ar ; <https://w3id.org/astana-kg/ontology#quote> ?q } }");
        Assert.AreEqual(LiteralNode.LangString("قال المبعوث: \"نأمل أن تنجح\"\nثم غادر", "ar"), rs.Rows.Single()[0]);
    }

    [TestMethod]
    public void AMalformedUploadIsReportedAndLeavesTheRemoteGraphUnchanged()
    {
        const string g = "http://kg.test/graph/unchanged";
        using var store = Store();
        new GraphUploader(store).Push(Data("arabic-sample.ttl"), g, new UploadOptions { Replace = true });
        var before = store.Get(g);
        var bad = Path.Combine(s_temp, "bad.ttl");
        File.WriteAllText(bad, "@prefix ex: <http://kg.test/> .\nex:new1 ex:p \"جديد\"@ar .\nex:new2 ex:p \"ok\" .\nex:new3 ex:p <broken iri> .\n");
        var e = Assert.ThrowsExactly<RdfParseException>(() =>
            new GraphUploader(store).Push(bad, g, new UploadOptions { Replace = true, BatchSize = 1 }));
        Assert.AreEqual(4, e.Line);
        Assert.IsTrue(Isomorphism.AreIsomorphic(before, store.Get(g)), "the remote graph changed");
    }

    [TestMethod]
    public void MalformedDataSentDirectlyIsReportedWithTheStoresMessage()
    {
        using var store = Store();
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() =>
            store.Post("http://kg.test/graph/raw-bad", "<http://kg.test/a> <http://kg.test/p> \"ok\" .\n<http://kg.test/b> <http://kg.test/p> \"open .\n"));
        Assert.AreEqual(500, e.Status);
        StringAssert.Contains(e.Message, "rejected");
    }

    [TestMethod]
    public void AWrongPasswordIsReportedAndNothingIsStored()
    {
        const string g = "http://kg.test/graph/auth";
        using var wrong = new GraphStoreClient(s_server.GraphStoreEndpoint, RemoteCredentials.UserPassword("dba", "not-the-password"));
        var e = Assert.ThrowsExactly<RemoteEndpointException>(() => wrong.Post(g, "<http://kg.test/a> <http://kg.test/p> \"x\" .\n"));
        Assert.AreEqual(401, e.Status);
        using var store = Store();
        Assert.IsEmpty(store.Get(g));
    }

    [TestMethod]
    public void TheBenchDataPushedInBatchesAnswersTheCompetencyQueriesWithJenasCounts()
    {
        const string g = "http://kg.test/graph/bench100k";
        var nt = Path.Combine(s_temp, "bench-100k.nt");
        Generate(100_000, nt);
        using var store = Store();
        var summary = new GraphUploader(store).Push(nt, g, new UploadOptions { Replace = true, BatchSize = 30_000, Skolemize = true });
        var local = RdfReader.ReadQuads(nt).Select(q => q.Triple).Distinct().Count();
        Assert.AreEqual(4, summary.Batches);

        using var sparql = Sparql();
        var count = sparql.Select(s_server.SparqlEndpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + g + "> { ?s ?p ?o } }");
        Assert.AreEqual(local.ToString(CultureInfo.InvariantCulture), ((LiteralNode)count.Rows[0][0]!).Value);

        var expected = ExpectedCounts(100_000);
        var queries = SharedPaths.InShared("bench", "queries");
        var kgStore = new Graph.Store.QuadStore();
        DatasetFiles.LoadDefault(kgStore, nt);
        var snapshot = kgStore.Snapshot();
        var mismatches = new List<string>();
        foreach (var (name, rows) in expected)
        {
            var file = Path.Combine(queries, name + ".rq");
            var text = File.ReadAllText(file);
            var answer = sparql.Query(s_server.SparqlEndpoint, text, [g], []);
            var got = answer.Results is { } rs ? rs.Rows.Count : answer.Triples!.Distinct().Count();
            if (got != rows) mismatches.Add($"{name}: Virtuoso {got}, Jena {rows}");
            // The same query in kg: the same solutions, term for term.
            var kg = Graph.Sparql.Evaluation.QueryEngine.Execute(Graph.Sparql.Syntax.QueryParser.Parse(text, file, null), snapshot);
            if (answer.Results is { } remote)
            {
                var diff = Graph.Sparql.Results.ResultSetComparer.Difference(remote, new Graph.Sparql.Results.SparqlResultSet(kg.Variables, kg.Rows.ToList()), ordered: false);
                if (diff is not null) mismatches.Add($"{name}: kg and Virtuoso differ: {diff}");
            }
            else if (!answer.Triples!.ToHashSet().SetEquals(kg.Triples))
                mismatches.Add($"{name}: kg and Virtuoso build different graphs");
        }
        Assert.IsEmpty(mismatches, string.Join("; ", mismatches));
    }

    [TestMethod]
    public void ABindJoinFromKgFindsTheWikidataFactsOfLocalEntities()
    {
        const string g = "http://kg.test/graph/wikidata";
        using var store = Store();
        new GraphUploader(store).Push(Data("wikidata-extract.ttl"), g, new UploadOptions { Replace = true });
        var (items, entities) = WikidataLinker.LinkedItems(RdfReader.ReadQuads(Data("local-entities.ttl")));
        Assert.AreEqual(4, entities);
        var inputs = items.Select(i => (IReadOnlyDictionary<string, INode>)new Dictionary<string, INode> { ["item"] = new IriNode(i) }).ToList();
        using var client = Sparql();
        var call = new ServiceCall(s_server.SparqlEndpoint, null, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
            "{ GRAPH <" + g + "> { ?item rdfs:label ?label FILTER(lang(?label) = \"ar\") } }", ["item", "label"], false);
        var matches = new ServiceExecutor(client) { BatchSize = 2 }.Execute(call, inputs, default).ToList();
        var labels = matches.ToDictionary(m => ((IriNode)inputs[m.Input]["item"]).Value, m => m.Bindings["label"]);
        Assert.AreEqual(LiteralNode.LangString("دمشق", "ar"), labels["http://www.wikidata.org/entity/Q3766"]);
        Assert.AreEqual(LiteralNode.LangString("أستانا", "ar"), labels["http://www.wikidata.org/entity/Q1520"]);
        Assert.AreEqual(LiteralNode.LangString("حلب", "ar"), labels["http://www.wikidata.org/entity/Q41183"]);
        Assert.HasCount(3, labels);
        Assert.AreEqual(2, client.NetworkRequests);
    }

    [TestMethod]
    public void TheLinkerFetchesExactlyTheSelectedFactsWithProvenance()
    {
        const string g = "http://kg.test/graph/wikidata-link";
        using var store = Store();
        new GraphUploader(store).Push(Data("wikidata-extract.ttl"), g, new UploadOptions { Replace = true });
        var endpoint = s_server.SparqlEndpoint + "?default-graph-uri=" + Uri.EscapeDataString(g);
        using var client = new SparqlHttpClient(new SparqlClientOptions { AllowList = new EndpointAllowList([endpoint]) });
        var result = new WikidataLinker(client).Link(RdfReader.ReadQuads(Data("local-entities.ttl")), endpoint);
        var expected = RdfReader.ReadQuads(Data("wikidata-extract.ttl")).Select(q => q.Triple)
            .Where(t => t.Subject is IriNode s && s.Value is "http://www.wikidata.org/entity/Q3766" or "http://www.wikidata.org/entity/Q41183" or "http://www.wikidata.org/entity/Q1520")
            .Where(t => t.Predicate.Value != "http://www.wikidata.org/prop/direct/P31" && !(t.Object is LiteralNode { Language: "fr" }))
            .ToHashSet();
        var graphName = new IriNode(WikidataLinker.GraphFor(endpoint));
        var facts = result.Added.Where(q => graphName.Equals(q.Graph)).Select(q => q.Triple).ToHashSet();
        // Virtuoso stores geo:wktLiteral as its own virtrdf:Geometry ("POINT(...)"): compare coordinates apart.
        const string P625 = "http://www.wikidata.org/prop/direct/P625";
        Assert.IsTrue(expected.Where(t => t.Predicate.Value != P625).ToHashSet().SetEquals(facts.Where(t => t.Predicate.Value != P625)),
            "fetched: " + string.Join("\n", facts));
        CollectionAssert.AreEquivalent(
            expected.Where(t => t.Predicate.Value == P625).Select(t => (t.Subject, ((LiteralNode)t.Object).Value.ToUpperInvariant())).ToArray(),
            facts.Where(t => t.Predicate.Value == P625).Select(t => (t.Subject, ((LiteralNode)t.Object).Value.ToUpperInvariant())).ToArray());
        Assert.AreEqual(3, result.ItemsWithFacts);
        Assert.IsTrue(result.Added.Contains(new Quad(graphName, new IriNode(WikidataLinker.ProvNs + "wasDerivedFrom"), new IriNode(endpoint))));
    }

    internal static void Generate(int triples, string path)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { SharedPaths.InShared("bench", "gen", "gen_news_kg.py"), "--triples", triples.ToString(CultureInfo.InvariantCulture), "--seed", "42", "--nt", path })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, err.Result);
    }

    internal static List<(string Name, int Rows)> ExpectedCounts(int target)
    {
        var list = new List<(string, int)>();
        foreach (var line in File.ReadLines(SharedPaths.InShared("bench", "queries", "expected-counts.tsv")))
        {
            if (line.StartsWith('#') || line.StartsWith("query", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length >= 4 && f[1] == target.ToString(CultureInfo.InvariantCulture) && f[2] == "42")
                list.Add((f[0], int.Parse(f[3], CultureInfo.InvariantCulture)));
        }
        Assert.HasCount(12, list);
        return list;
    }
}
