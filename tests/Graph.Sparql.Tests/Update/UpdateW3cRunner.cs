using Graph.Rdf;
using Graph.Sparql.Update;
using Graph.Sparql.Tests.W3c;
using Graph.Store;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Update;

/// <summary>Runs one W3C SPARQL 1.1 update test (syntax or evaluation) in process.</summary>
internal static class UpdateW3cRunner
{
    public const string Ut = "http://www.w3.org/2009/sparql/tests/test-update#";
    private const string RdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

    private static readonly Dictionary<string, W3cTest> s_tests = new(StringComparer.Ordinal);
    private static readonly object s_lock = new();

    /// <summary>The tests of the given folders' manifests whose type is one of <paramref name="types"/>, keyed by test IRI.</summary>
    public static IEnumerable<TestDataRow<string>> Rows(IEnumerable<string> folders, params string[] types)
    {
        var rows = new List<TestDataRow<string>>();
        foreach (var folder in folders)
        {
            var path = SharedPaths.InShared("w3c", "sparql11", folder, "manifest.ttl");
            var tests = W3cManifest.ReadTests(path);
            if (tests.Count == 0) throw new InvalidOperationException($"no tests found in {path}");
            lock (s_lock)
            {
                foreach (var t in tests.Where(t => types.Contains(t.Type)))
                {
                    s_tests[t.Id] = t;
                    var row = new TestDataRow<string>(t.Id) { DisplayName = t.Type + ": " + folder + "/" + t.Name };
                    if (UpdateW3cExclusions.Reasons.TryGetValue(t.Id, out var reason)) row.IgnoreMessage = reason;
                    rows.Add(row);
                }
            }
        }
        if (rows.Count == 0) throw new InvalidOperationException("no tests of types " + string.Join(", ", types));
        return rows;
    }

    private static W3cTest Get(string id)
    {
        lock (s_lock)
            return s_tests.TryGetValue(id, out var t) ? t : throw new InvalidOperationException("unknown test " + id);
    }

    public static void RunSyntax(string id) => SparqlW3cRunner.RunSyntax(Get(id), (text, file, baseIri) => UpdateParser.Parse(text, file, baseIri));

    public static void RunEvaluation(string id)
    {
        var t = Get(id);
        var m = t.Manifest;
        var action = m.Object(t.Node, W3cManifest.Mf + "action") ?? throw new InvalidOperationException("no mf:action");
        var result = m.Object(t.Node, W3cManifest.Mf + "result") ?? throw new InvalidOperationException("no mf:result");
        var requestFile = W3cManifest.FilePath(m.Object(action, Ut + "request")) ?? throw new InvalidOperationException("no ut:request");
        var store = Load(m, action);
        var expected = Load(m, result);
        var text = File.ReadAllText(requestFile);
        var request = UpdateParser.Parse(text, requestFile, W3cManifest.FileUrl(requestFile));
        var success = (m.Object(result, Ut + "result") as IriNode)?.Value != Ut + "failure";
        try
        {
            UpdateExecutor.Execute(request, store);
            if (!success) Assert.Fail($"{t.Name}: expected the update to fail\n{text}");
        }
        catch (UpdateException e) when (!success)
        {
            Assert.IsFalse(string.IsNullOrEmpty(e.Message));
        }
        var actualQuads = store.Export().ToList();
        var expectedQuads = expected.Export().ToList();
        if (!Isomorphism.AreIsomorphic(expectedQuads, actualQuads))
            Assert.Fail($"{t.Name}: datasets differ\nexpected:\n{string.Join("\n", expectedQuads)}\nactual:\n{string.Join("\n", actualQuads)}\nrequest ({requestFile}):\n{text}");
        // The result names every graph of the store, empty ones too (e.g. after CLEAR): the named graphs must match exactly.
        var expectedGraphs = expected.NamedGraphs().Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList();
        var actualGraphs = store.NamedGraphs().Select(g => g.ToString()).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expectedGraphs, actualGraphs,
            $"{t.Name}: named graphs differ\nexpected: {string.Join(" ", expectedGraphs)}\nactual: {string.Join(" ", actualGraphs)}\nrequest ({requestFile}):\n{text}");
    }

    /// <summary>The dataset an action or result describes: ut:data into the default graph, each ut:graphData a named graph (existing even when its file is empty) named by its rdfs:label.</summary>
    private static QuadStore Load(W3cManifest m, INode node)
    {
        var store = new QuadStore();
        foreach (var d in m.Objects(node, Ut + "data"))
            DatasetFiles.LoadDefault(store, W3cManifest.FilePath(d)!);
        foreach (var g in m.Objects(node, Ut + "graphData"))
        {
            var path = W3cManifest.FilePath(m.Object(g, Ut + "graph")) ?? throw new InvalidOperationException("ut:graphData without ut:graph");
            var label = (m.Object(g, RdfsLabel) as LiteralNode)?.Value ?? throw new InvalidOperationException("ut:graphData without rdfs:label");
            DatasetFiles.LoadNamed(store, new IriNode(label), path);
            store.CreateGraph(new IriNode(label)); // a graph of an empty file exists too
        }
        return store;
    }
}
