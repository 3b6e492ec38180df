using System.Globalization;
using System.Text;
using Graph.Rdf;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Differential;

/// <summary>
/// Random queries over a small generated bench dataset give the same answers with kg's optimiser on and off, and in
/// Apache Jena's arq (one JVM for the whole batch). Answers are compared as bags (blank nodes up to a bijection,
/// numbers by value), and in order when the query's ORDER BY fixes the order of its rows.
/// </summary>
/// <remarks>
/// CI runs <see cref="CiQueries"/> queries from a fixed seed. KG_DIFFERENTIAL_QUERIES=N runs N instead, and
/// KG_PROPERTY_SEED (see <see cref="PropertyRuns"/>) changes the seed; failing queries are kept in the folder the
/// failure message names.
/// </remarks>
[TestClass]
public sealed class RandomQueryDifferentialTests
{
    public const string QueriesVariable = "KG_DIFFERENTIAL_QUERIES";
    private const int CiQueries = 300;
    private const int TargetTriples = 8_000;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void RandomQueriesAgreeWithAndWithoutTheOptimiserAndWithJena()
    {
        var count = QueryCount();
        var seed = unchecked((int)PropertyRuns.Seed);
        var dir = Directory.CreateTempSubdirectory("kg-random-differential-").FullName;
        var keep = true;
        try
        {
            var data = Path.Combine(dir, "bench.nt");
            BenchData.Generate(data, TargetTriples, seed: 7);
            var store = new QuadStore();
            DatasetFiles.LoadDefault(store, data);
            var snapshot = store.Snapshot();

            var generator = new RandomQueries(seed);
            var queries = new List<GeneratedQuery>();
            var files = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var q = generator.Next("q" + i.ToString("D5", CultureInfo.InvariantCulture));
                queries.Add(q);
                var f = Path.Combine(dir, q.Name + ".rq");
                File.WriteAllText(f, q.Text);
                files.Add(f);
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var jena = JenaBatchRun.Run(data, files, dir, TimeSpan.FromSeconds(60 + count / 2));

            var jenaSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var problems = new List<(GeneratedQuery Query, string Problem)>();
            int nonEmpty = 0, ordered = 0, undecided = 0;
            var times = new List<(double, string)>();
            foreach (var q in queries)
            {
                var t0 = clock.Elapsed.TotalSeconds;
                var problem = Compare(q, snapshot, jena[q.Name], ref nonEmpty, ref undecided);
                times.Add((clock.Elapsed.TotalSeconds - t0, q.Name));
                if (q.Ordered) ordered++;
                if (problem is not null) problems.Add((q, problem));
            }
            // Jena 4.5's optimiser substitutes outer rows into sub-patterns where SPARQL's bottom-up evaluation does
            // not (docs/reliability.md): a disagreement is settled for kg when ARQ with its optimiser off, the plain
            // algebra evaluation, gives kg's answer. Those are counted and listed, never hidden.
            var jenaDeviations = new List<string>();
            if (problems.Count > 0)
            {
                var second = Directory.CreateDirectory(Path.Combine(dir, "unoptimised")).FullName;
                var plainJena = JenaBatchRun.Run(data, problems.Select(p => Path.Combine(dir, p.Query.Name + ".rq")).ToList(), second,
                    TimeSpan.FromSeconds(60 + problems.Count * 25), unoptimised: true);
                foreach (var (q, _) in problems.ToList())
                {
                    int ignoredNonEmpty = 0, ignoredUndecided = 0;
                    if (Compare(q, snapshot, plainJena[q.Name], ref ignoredNonEmpty, ref ignoredUndecided) is null && !plainJena[q.Name].IsError)
                    {
                        problems.RemoveAll(p => p.Query == q);
                        jenaDeviations.Add(q.Name);
                    }
                }
            }
            var summary = $"{count} random queries (seed {PropertyRuns.Seed}): {count - problems.Count - undecided - jenaDeviations.Count} agree, {problems.Count} disagree, " +
                          $"{jenaDeviations.Count} agree only with Jena's optimiser off{(jenaDeviations.Count > 0 ? " (" + string.Join(", ", jenaDeviations) + ")" : "")}, " +
                          $"{undecided} too slow for Jena (or both) to compare; " +
                          $"{nonEmpty} with a non-empty answer, {ordered} compared in order; " +
                          $"Jena {jenaSeconds:F0} s, kg (both modes) {clock.Elapsed.TotalSeconds:F0} s";
            TestContext.WriteLine(summary);
            TestContext.WriteLine("slowest in kg: " + string.Join(", ", times.OrderByDescending(t => t.Item1).Take(5).Select(t => $"{t.Item2} {t.Item1:F1} s")));
            Console.WriteLine(summary);
            Assert.IsEmpty(problems, $"{summary}. Queries and data kept in {dir}.\n\n" + string.Join("\n\n", problems.Take(8).Select(p => $"{p.Query.Name}: {p.Problem}\n{p.Query.Text}")));
            Assert.IsLessThanOrEqualTo(count / 50, undecided, $"{summary}: too many queries time out to tell");
            Assert.IsGreaterThan(count / 3, nonEmpty, $"{summary}: too few queries have answers for the comparison to mean much");
            keep = Environment.GetEnvironmentVariable("KG_DIFFERENTIAL_KEEP") == "1";
            if (keep) TestContext.WriteLine("queries, data and Jena's answers kept in " + dir);
        }
        finally
        {
            if (!keep) Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Compare(GeneratedQuery q, QuadSnapshot snapshot, (bool IsError, string Value) jena, ref int nonEmpty, ref int undecided)
    {
        SparqlResultSet optimised, plain;
        try
        {
            var query = QueryParser.Parse(q.Text, q.Name, "http://example.org/base/");
            optimised = Run(query, snapshot, optimise: true);
            plain = Run(query, snapshot, optimise: false);
        }
        catch (QueryLimitException e)
        {
            if (jena.IsError && jena.Value.Contains("QueryCancelled", StringComparison.Ordinal))
            {
                undecided++;
                return null;
            }
            return $"kg gave up ({e.Message}) where Jena answered";
        }
        catch (Exception e) when (e is RdfParseException or InvalidOperationException or NotSupportedException)
        {
            return jena.IsError ? null : $"kg failed ({e.GetType().Name}: {e.Message}) where Jena answered";
        }
        if (jena.IsError && jena.Value.Contains("QueryCancelled", StringComparison.Ordinal))
        {
            // Jena gave up at its time limit where kg answered (both kg modes agree): nothing to compare.
            var diffModes = ResultSetComparer.Difference(plain, optimised, ordered: q.Ordered);
            if (diffModes is not null) return "optimised (actual) vs unoptimised (expected): " + diffModes;
            undecided++;
            return null;
        }
        if (jena.IsError) return $"Jena failed ({jena.Value}) where kg answered {optimised.Rows.Count} rows";
        var diff = ResultSetComparer.Difference(plain, optimised, ordered: q.Ordered);
        if (diff is not null) return "optimised (actual) vs unoptimised (expected): " + diff;
        var jenaRs = JsonResultsReader.ReadFile(jena.Value);
        diff = ResultSetComparer.Difference(jenaRs, optimised, ordered: q.Ordered);
        if (diff is not null) return "Jena (expected) vs kg (actual): " + diff;
        if (optimised.Rows.Count > 0) nonEmpty++;
        return null;
    }

    private static SparqlResultSet Run(Graph.Sparql.Algebra.Query query, QuadSnapshot snapshot, bool optimise)
    {
        var r = QueryEngine.Execute(query, snapshot, new QueryOptions { Optimise = optimise, Timeout = TimeSpan.FromSeconds(20) });
        return new SparqlResultSet(r.Variables, r.Rows.Select(x => x.ToArray()).ToList());
    }

    private static int QueryCount()
    {
        var v = Environment.GetEnvironmentVariable(QueriesVariable);
        if (string.IsNullOrEmpty(v)) return CiQueries;
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new InvalidOperationException($"{QueriesVariable} must be a positive whole number, not '{v}'");
    }
}
