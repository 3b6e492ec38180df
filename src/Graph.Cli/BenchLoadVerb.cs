using System.Diagnostics;
using System.Globalization;
using Graph.Formats;
using Graph.Rdf;
using Graph.Store;

namespace Graph.Cli;

/// <summary>`kg bench-load FILE`: loads files into the store and exits, for the side-by-side benchmark.</summary>
public sealed class BenchLoadVerb : IVerb
{
    public string Name => "bench-load";

    public string Summary => "Load RDF files into the in-memory store and exit (benchmark contract).";

    public string Help => """
        Usage: kg bench-load FILE... [--format ntriples|nquads|turtle|trig] [--base IRI]

        Parses the files (format from the extension unless --format is given; '-' is stdin and needs --format)
        into the in-memory quad store, builds its indexes, prints one summary line and exits 0.
        With KG_BENCH=1 in the environment it also prints `bench: seconds=<float>` on stderr: the in-process
        time of parsing and indexing, without process start-up.
        Each file is parsed with its own file: URL as base unless --base is given.
        """;

    public int Run(string[] args, CliContext context)
    {
        var reader = new ArgReader(args, ["--format", "--base"], []);
        if (reader.Positionals.Count == 0) throw new UsageException("give at least one FILE");
        var format = ParseFormat(reader.Value("--format"));
        var clock = Stopwatch.StartNew();
        var store = new QuadStore();
        var quads = LoadFiles(store, reader.Positionals, format, reader.Value("--base"), context);
        var seconds = clock.Elapsed.TotalSeconds;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded {quads} quads ({store.Terms.Count} terms) in {seconds:0.000} s"));
        if (context.Bench)
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: seconds={seconds:0.000000}"));
        return 0;
    }

    /// <summary>A --format value as a format, or null for "from the file extension".</summary>
    internal static RdfFormat? ParseFormat(string? name)
    {
        if (name is null) return null;
        return RdfFormats.FromName(name)?.Format ?? throw new UsageException($"unknown format '{name}'");
    }

    /// <summary>Parses every file into one bulk load and commits it. Returns the number of distinct quads added.</summary>
    internal static long LoadFiles(QuadStore store, IReadOnlyList<string> paths, RdfFormat? format, string? baseIri, CliContext context)
    {
        if (baseIri is not null && !Iri.IsAbsolute(baseIri)) throw new UsageException($"--base must be an absolute IRI: {baseIri}");
        var loader = store.BeginLoad();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var f = format ?? throw new UsageException("reading stdin needs --format");
                RdfReader.Parse(context.InStream, f, new RdfReadOptions("-", baseIri), loader);
                continue;
            }
            if (!File.Exists(path)) throw new CliFailure($"cannot read {path}: no such file");
            var fileFormat = format ?? RdfFormats.FromPath(path)?.Format
                ?? throw new UsageException($"cannot tell the format of {path} from its extension; give --format");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            RdfReader.Parse(stream, fileFormat, new RdfReadOptions(path, baseIri ?? new Uri(Path.GetFullPath(path)).AbsoluteUri), loader);
        }
        return loader.Commit();
    }
}
