using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Differential;

/// <summary>
/// The benchmark queries (../shared/bench/queries) give the same answers in kg as in Apache Jena's arq, on a small
/// generated bench dataset (fixed seed), with and without kg's optimiser.
/// How answers are compared: SELECT results as bags (blank nodes up to a bijection, numerics by value). When the
/// query has a top-level ORDER BY, additionally the sequence of ORDER BY key values must be the same: rows whose keys
/// tie may legitimately come in any order, so only the key columns are compared in order (every key must be a
/// projected variable, else the test fails rather than silently skipping the order check). LIMIT with ties at the
/// boundary would make even the bag differ legitimately; no benchmark query has that (q07's order, DESC(?n) ?e, is
/// total over the groups it limits), so a bag difference is a real disagreement. CONSTRUCT results as graphs (sets
/// of triples) up to blank-node isomorphism.
/// </summary>
[TestClass]
public sealed class JenaDifferentialTests
{
    private const int TargetTriples = 20_000;
    private const int Seed = 42;

    private static string? s_dir;
    private static string? s_data;
    private static QuadSnapshot? s_snapshot;
    private static readonly ConcurrentDictionary<string, string> s_jenaOutput = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> s_jenaFailure = new(StringComparer.Ordinal);

    public static IEnumerable<TestDataRow<string>> Queries =>
        Directory.GetFiles(SharedPaths.InShared("bench", "queries"), "*.rq")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .Select(n => new TestDataRow<string>(n!) { DisplayName = n });

    [ClassInitialize]
    public static void GenerateDataAndRunJena(TestContext context)
    {
        s_dir = Directory.CreateTempSubdirectory("kg-differential-").FullName;
        s_data = Path.Combine(s_dir, "bench.nt");
        BenchData.Generate(s_data, TargetTriples, Seed);
        var store = new QuadStore();
        DatasetFiles.LoadDefault(store, s_data);
        s_snapshot = store.Snapshot();
        var queries = Directory.GetFiles(SharedPaths.InShared("bench", "queries"), "*.rq");
        // Each JVM start costs seconds; a few at once keep the class within its time budget on two cores.
        Parallel.ForEach(queries, new ParallelOptions { MaxDegreeOfParallelism = 3 }, q =>
        {
            var name = Path.GetFileNameWithoutExtension(q);
            var isConstruct = Parse(q).Form == QueryForm.Construct;
            var outFile = Path.Combine(s_dir, name + (isConstruct ? ".nt" : ".srj"));
            try
            {
                JenaRun.Sparql(s_data, q, isConstruct ? "nt" : "json", outFile);
                s_jenaOutput[name] = outFile;
            }
            catch (InvalidOperationException e)
            {
                s_jenaFailure[name] = e.Message;
            }
        });
    }

    [ClassCleanup]
    public static void RemoveTempDir()
    {
        if (s_dir is not null && Directory.Exists(s_dir)) Directory.Delete(s_dir, recursive: true);
    }

    [TestMethod]
    [DynamicData(nameof(Queries))]
    public void KgAgreesWithJena(string name) => Compare(name, optimise: true);

    [TestMethod]
    [DynamicData(nameof(Queries))]
    public void KgWithoutTheOptimiserAgreesWithJena(string name) => Compare(name, optimise: false);

    private static void Compare(string name, bool optimise)
    {
        if (s_jenaFailure.TryGetValue(name, out var failure)) Assert.Fail(failure);
        var jenaFile = s_jenaOutput.TryGetValue(name, out var f) ? f : throw new AssertFailedException($"no Jena output for {name}");
        var queryFile = SharedPaths.InShared("bench", "queries", name + ".rq");
        var query = Parse(queryFile);
        var result = QueryEngine.Execute(query, s_snapshot!, new QueryOptions { Optimise = optimise });
        if (query.Form == QueryForm.Construct)
        {
            var jena = new ListSink();
            DatasetFiles.Parse(jenaFile, DatasetFiles.FileUrl(jenaFile), jena);
            var expected = jena.Quads.Select(q => q.Triple).Distinct().ToList();
            var actual = result.Triples.Distinct().ToList();
            Assert.IsTrue(expected.Count > 0, $"{name}: Jena constructed no triples, so the comparison would prove nothing");
            Assert.AreEqual(expected.Count, actual.Count, $"{name}: distinct triple counts differ (Jena {expected.Count}, kg {actual.Count})");
            Assert.IsTrue(Isomorphism.AreIsomorphic(expected, actual), $"{name}: kg's constructed graph is not isomorphic to Jena's. " + FirstMissing(expected, actual));
            return;
        }
        var jenaRs = JsonResultsReader.ReadFile(jenaFile);
        var kgRs = query.Form == QueryForm.Ask
            ? new SparqlResultSet(result.Boolean)
            : new SparqlResultSet(result.Variables, result.Rows.Select(r => r.ToArray()).ToList());
        if (!jenaRs.IsBoolean) Assert.IsTrue(jenaRs.Rows.Count > 0, $"{name}: Jena found no solutions, so the comparison would prove nothing");
        var bagDiff = ResultSetComparer.Difference(jenaRs, kgRs, ordered: false);
        Assert.IsNull(bagDiff, $"{name} (Jena expected, kg actual): {bagDiff}");
        var keys = OrderKeys(File.ReadAllText(queryFile));
        if (keys.Count == 0) return;
        foreach (var k in keys)
            Assert.IsTrue(jenaRs.Variables.Contains(k), $"{name}: ORDER BY key ?{k} is not projected, so the order cannot be checked");
        var orderDiff = ResultSetComparer.Difference(KeyColumns(jenaRs, keys), KeyColumns(kgRs, keys), ordered: true);
        Assert.IsNull(orderDiff, $"{name}: the sequence of ORDER BY keys ({string.Join(" ", keys.Select(k => "?" + k))}) differs: {orderDiff}");
    }

    private static Query Parse(string queryFile) =>
        QueryParser.Parse(File.ReadAllText(queryFile), queryFile, DatasetFiles.FileUrl(queryFile));

    /// <summary>Variables of the top-level ORDER BY: the clause after the query's last closing brace.</summary>
    private static List<string> OrderKeys(string text)
    {
        var tail = text[(text.LastIndexOf('}') + 1)..];
        var m = Regex.Match(tail, @"ORDER\s+BY(.*?)(LIMIT|OFFSET|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline);
        if (!m.Success) return [];
        return Regex.Matches(m.Groups[1].Value, @"[?$](\w+)").Select(v => v.Groups[1].Value).ToList();
    }

    private static SparqlResultSet KeyColumns(SparqlResultSet rs, List<string> keys)
    {
        var idx = keys.Select(k => rs.Variables.ToList().IndexOf(k)).ToArray();
        return new SparqlResultSet(keys, rs.Rows.Select(r => idx.Select(i => r[i]).ToArray()).ToList());
    }

    private static string FirstMissing(List<Triple> expected, List<Triple> actual)
    {
        var a = actual.ToHashSet();
        var missing = expected.Where(t => !a.Contains(t)).Select(t => t.ToString()).FirstOrDefault() ?? "-";
        var e = expected.ToHashSet();
        var extra = actual.Where(t => !e.Contains(t)).Select(t => t.ToString()).FirstOrDefault() ?? "-";
        return $"e.g. only in Jena: {missing}; only in kg: {extra}";
    }
}
