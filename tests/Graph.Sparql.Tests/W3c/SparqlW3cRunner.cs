using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.W3c;

/// <summary>Runs one W3C SPARQL query test (syntax or evaluation) in process.</summary>
internal static class SparqlW3cRunner
{
    public const string Qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

    private static readonly Dictionary<string, W3cTest> s_tests = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, List<TestDataRow<string>>> s_rows = new(StringComparer.Ordinal);
    private static readonly object s_lock = new();

    /// <summary>The tests of the given manifests whose type is one of <paramref name="types"/>, as data rows keyed by test IRI.</summary>
    public static IEnumerable<TestDataRow<string>> Rows(IEnumerable<string> manifests, params string[] types)
    {
        var key = string.Join("|", manifests) + "#" + string.Join("|", types);
        lock (s_lock)
            if (s_rows.TryGetValue(key, out var cached)) return cached;
        var rows = new List<TestDataRow<string>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var path = SharedPaths.InShared(["w3c", .. manifest.Split('/')]);
            var tests = W3cManifest.ReadTests(path);
            if (tests.Count == 0) throw new InvalidOperationException($"no tests found in {path}");
            lock (s_lock)
            {
                foreach (var t in tests.Where(t => types.Contains(t.Type)))
                {
                    if (!ids.Add(t.Id)) continue;
                    s_tests[t.Id] = t;
                    var row = new TestDataRow<string>(t.Id) { DisplayName = t.Type + ": " + t.Name };
                    if (SparqlW3cExclusions.Reasons.TryGetValue(t.Id, out var reason)) row.IgnoreMessage = reason;
                    rows.Add(row);
                }
            }
        }
        if (rows.Count == 0) throw new InvalidOperationException("no tests of types " + string.Join(", ", types));
        lock (s_lock) s_rows[key] = rows;
        return rows;
    }

    public static W3cTest Get(string id)
    {
        lock (s_lock)
            return s_tests.TryGetValue(id, out var t) ? t : throw new InvalidOperationException("unknown test " + id);
    }

    public static void RunSyntax(string id) => RunSyntax(Get(id), (text, file, baseIri) => QueryParser.Parse(text, file, baseIri));

    /// <summary>A positive or negative syntax test: <paramref name="parse"/>(text, file, base) must succeed, or fail with a positioned error.</summary>
    public static void RunSyntax(W3cTest t, Action<string, string, string> parse)
    {
        var file = t.Action ?? throw new InvalidOperationException($"{t.Id} has no action file");
        var text = File.ReadAllText(file);
        var positive = t.Type.StartsWith("Positive", StringComparison.Ordinal);
        try
        {
            parse(text, file, W3cManifest.FileUrl(file));
            if (!positive) Assert.Fail($"{t.Name}: expected a syntax error in\n{text}");
        }
        catch (RdfParseException e)
        {
            if (positive) Assert.Fail($"{t.Name}: {e.Describe()}\n{text}");
            Assert.IsTrue(e.Line > 0, $"the error has no position: {e.Describe()}");
        }
    }

    public static void RunEvaluation(string id, bool optimise = true)
    {
        var t = Get(id);
        var m = t.Manifest;
        var action = m.Object(t.Node, W3cManifest.Mf + "action") ?? throw new InvalidOperationException("no action");
        var queryFile = W3cManifest.FilePath(m.Object(action, Qt + "query")) ?? throw new InvalidOperationException("no qt:query");
        var store = new QuadStore();
        foreach (var d in m.Objects(action, Qt + "data"))
            DatasetFiles.LoadDefault(store, W3cManifest.FilePath(d)!);
        foreach (var g in m.Objects(action, Qt + "graphData"))
        {
            var path = W3cManifest.FilePath(g)!;
            DatasetFiles.LoadNamed(store, new IriNode(W3cManifest.FileUrl(path)), path);
        }
        var text = File.ReadAllText(queryFile);
        var query = QueryParser.Parse(text, queryFile, W3cManifest.FileUrl(queryFile));
        var present = store.NamedGraphs().ToHashSet();
        foreach (var iri in query.From.Concat(query.FromNamed).Distinct())
        {
            if (present.Contains(iri) || DatasetFiles.LocalPath(iri.Value) is not { } p || !File.Exists(p)) continue;
            DatasetFiles.LoadNamed(store, iri, p, iri.Value);
            present.Add(iri);
        }
        var result = QueryEngine.Execute(query, store.Snapshot(), new QueryOptions { Optimise = optimise, Timeout = TimeSpan.FromSeconds(60) });
        var resultFile = t.Result ?? throw new InvalidOperationException("no mf:result");
        var context = $"{t.Name} ({queryFile})\n{text}\n{Sse.Query(query)}";
        switch (result.Form)
        {
            case QueryForm.Select:
            {
                var actual = new SparqlResultSet(result.Variables, result.Rows.ToList());
                var ext = Path.GetExtension(resultFile).ToLowerInvariant();
                var expected = ReadResultSet(resultFile);
                var ordered = query.Pattern is SliceOp { Inner: OrderByOp or ProjectOp { Inner: OrderByOp } } or ProjectOp { Inner: OrderByOp } or DistinctOp { Inner: ProjectOp { Inner: OrderByOp } };
                string? diff;
                if (ext is ".csv" or ".tsv" && ext == ".csv")
                    diff = ResultSetComparer.AreEqualAsCsv(expected, actual, ordered) ? null : "results differ (CSV form)";
                else
                    diff = ResultSetComparer.Difference(expected, actual, ordered);
                if (diff is not null) Assert.Fail($"{diff}\n{context}");
                break;
            }
            case QueryForm.Ask:
            {
                var expected = ReadResultSet(resultFile);
                Assert.AreEqual(expected.Boolean, result.Boolean, context);
                break;
            }
            default:
            {
                var expected = ReadQuads(resultFile).Select(q => q.Triple).ToList();
                var actual = result.Triples.ToList();
                if (!Isomorphism.AreIsomorphic(expected, actual))
                    Assert.Fail($"graphs differ\nexpected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}\n{context}");
                break;
            }
        }
    }

    private static SparqlResultSet ReadResultSet(string file)
    {
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".srx": case ".xml": return XmlResultsReader.ReadFile(file);
            case ".srj": case ".json": return JsonResultsReader.ReadFile(file);
            case ".csv": return CsvResultsReader.ReadFile(file);
            case ".tsv": return TsvResultsReader.ReadFile(file);
            default: return RdfResultSetReader.FromTriples(ReadQuads(file).Select(q => q.Triple), file);
        }
    }

    private static List<Quad> ReadQuads(string file)
    {
        var sink = new ListSink();
        DatasetFiles.Parse(file, W3cManifest.FileUrl(file), sink);
        return sink.Quads;
    }
}
