using System.Diagnostics;
using System.Globalization;
using Graph.Store;

namespace Graph.Cli;

/// <summary>`kg stats FILE...`: loads files into the store and reports what they hold.</summary>
public sealed class StatsVerb : IVerb
{
    public string Name => "stats";

    public string Summary => "Load RDF files and report quads, graphs, distinct terms, load time and memory.";

    public string Help => """
        Usage: kg stats FILE... [--format ntriples|nquads|turtle|trig] [--base IRI]

        Loads the files into one in-memory store (duplicates count once) and prints: quads (and how many are
        in the default graph), graphs, distinct subjects, predicates and objects, distinct terms, the load time
        (parse + index) and memory (process RSS, managed heap, term dictionary).
        The format comes from each file's extension unless --format is given; '-' is stdin and needs --format.
        """;

    public int Run(string[] args, CliContext context)
    {
        var reader = new ArgReader(args, ["--format", "--base"], []);
        if (reader.Positionals.Count == 0) throw new UsageException("give at least one FILE");
        var format = BenchLoadVerb.ParseFormat(reader.Value("--format"));
        var clock = Stopwatch.StartNew();
        var store = new QuadStore();
        BenchLoadVerb.LoadFiles(store, reader.Positionals, format, reader.Value("--base"), context);
        var seconds = clock.Elapsed.TotalSeconds;
        var snapshot = store.Snapshot();
        var named = snapshot.NamedGraphs().Count();
        var inDefault = snapshot.Count(0, 0, 0, IQuadSource.DefaultGraph);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var rss = Environment.WorkingSet;
        var lines = new (string Name, string Value)[]
        {
            ("files", reader.Positionals.Count.ToString(CultureInfo.InvariantCulture)),
            ("quads", N(snapshot.QuadCount)),
            ("in default graph", N(inDefault)),
            ("named graphs", N(named)),
            ("graphs", N(snapshot.DistinctCount(QuadPosition.Graph))),
            ("distinct subjects", N(snapshot.DistinctCount(QuadPosition.Subject))),
            ("distinct predicates", N(snapshot.DistinctCount(QuadPosition.Predicate))),
            ("distinct objects", N(snapshot.DistinctCount(QuadPosition.Object))),
            ("distinct terms", N(store.Terms.Count)),
            ("load time", seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s (parse + index)"),
            ("memory", $"RSS {Mb(rss)}, managed heap {Mb(heap)}, term dictionary {Mb(store.Terms.ApproximateBytes)}"),
        };
        var width = lines.Max(l => l.Name.Length);
        foreach (var (name, value) in lines)
            context.Out.WriteLine((name + ":").PadRight(width + 2) + value);
        GC.KeepAlive(store);
        return 0;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
