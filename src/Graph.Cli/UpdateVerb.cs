using System.Text;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Update;
using Graph.Store;

namespace Graph.Cli;

/// <summary>`kg update`: applies a SPARQL 1.1 Update request to a dataset read from files.</summary>
public sealed class UpdateVerb : IVerb
{
    public string Name => "update";

    public string Summary => "apply a SPARQL 1.1 Update to RDF files";

    public string Help => """
        Usage: kg update [--data FILE]... [--named IRI=FILE]... (--update FILE.ru | -e 'UPDATE') [options]

        Loads the dataset (like kg query), applies the update request atomically (all operations or none),
        then prints or saves the resulting dataset. LOAD reads file: IRIs; http(s) only from --allow-host hosts.

        Options:
          --data FILE             RDF file for the default graph (named graphs of TriG/N-Quads stay named)
          --named IRI=FILE        load FILE as the named graph IRI (repeatable)
          --update FILE.ru        the update request (its file: URL is the base IRI)
          -e UPDATE               the update text (base: the current directory)
          --base IRI              the request's base IRI
          --parse-only            only check the request: exit 0 when valid, 1 with its position when not
          --dump nquads           print the whole resulting dataset as sorted N-Quads on stdout
                                  (an empty named graph, e.g. after CREATE or CLEAR, has no N-Quads line)
          --out FILE              save the resulting dataset (format from the extension), atomically
          --allow-host HOST       a host LOAD may fetch http(s) IRIs from (repeatable; none by default)
          --timeout SECONDS       stop a WHERE clause with an error after this long
        """;

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--data", "--named", "--update", "-e", "--base", "--dump", "--out", "--allow-host", "--timeout"], ["--parse-only"]);
        var updateFile = a.Value("--update");
        var updateText = a.Value("-e");
        if ((updateFile is null) == (updateText is null)) throw new UsageException("give the update with exactly one of --update FILE or -e 'UPDATE'");
        var dump = a.Value("--dump")?.ToLowerInvariant();
        if (dump is not null && dump != "nquads") throw new UsageException("--dump takes nquads");
        var outPath = a.Value("--out");
        RdfFormatInfo? outFormat = null;
        if (outPath is not null)
        {
            outFormat = RdfFormats.FromPath(outPath);
            if (outFormat?.Writer is null) throw new UsageException($"--out: cannot tell a writable RDF format from '{outPath}' (use .nq, .trig, .ttl or .nt)");
        }
        TimeSpan? timeout = null;
        if (a.Value("--timeout") is { } ts)
        {
            if (!double.TryParse(ts, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var secs) || secs <= 0)
                throw new UsageException("--timeout takes a positive number of seconds");
            timeout = TimeSpan.FromSeconds(secs);
        }
        var dataFiles = a.Values("--data").Concat(a.Positionals).ToList();
        var named = QueryVerb.NamedArgs(a);
        if (updateFile is not null && !File.Exists(updateFile)) throw new CliFailure($"{updateFile}: no such file");
        var text = updateFile is not null ? File.ReadAllText(updateFile) : updateText!;
        var baseIri = a.Value("--base") ?? (updateFile is not null ? DatasetFiles.FileUrl(updateFile) : DatasetFiles.FileUrl(Directory.GetCurrentDirectory()) + "/");
        if (!Iri.IsAbsolute(baseIri)) throw new UsageException("--base must be an absolute IRI");
        var source = updateFile ?? "-e";

        // Parsing and evaluation run on a thread with a large stack: deep but legal requests must not overflow.
        int exit = 0;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                var request = UpdateParser.Parse(text, source, baseIri);
                if (a.Flag("--parse-only")) return;
                var store = QueryVerb.LoadStore(dataFiles, named);
                var options = new UpdateOptions { AllowedLoadHosts = a.Values("--allow-host").ToList(), Query = new QueryOptions { Timeout = timeout } };
                try
                {
                    UpdateExecutor.Execute(request, store, options);
                }
                catch (UpdateException e) { throw new CliFailure(e.Message); }
                catch (QueryLimitException e) { throw new CliFailure(e.Message); }
                catch (Graph.Sparql.Functions.ExpressionError e) { throw new CliFailure(e.Message); }
                var quads = Sorted(store.Export());
                if (outPath is not null)
                    AtomicFile.Write(outPath, s => Write(outFormat!, quads, s));
                if (dump is not null)
                {
                    Write(RdfFormats.Get(RdfFormat.NQuads), quads, context.OutStream);
                    context.OutStream.Flush();
                }
            }
            catch (Exception e) { failure = e; }
        }, 256 * 1024 * 1024);
        worker.Start();
        worker.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return exit;
    }

    /// <summary>Quads in the order of their N-Quads text, so the same dataset always prints the same bytes.</summary>
    private static List<Quad> Sorted(IEnumerable<Quad> quads)
    {
        var write = RdfFormats.Get(RdfFormat.NQuads).Writer!;
        return quads.Select(q =>
        {
            using var sw = new StringWriter { NewLine = "\n" };
            write([q], new Dictionary<string, string>(), sw);
            return (Line: sw.ToString(), Quad: q);
        }).OrderBy(x => x.Line, StringComparer.Ordinal).Select(x => x.Quad).ToList();
    }

    private static void Write(RdfFormatInfo format, List<Quad> quads, Stream s)
    {
        if (!format.HasNamedGraphs && quads.Any(q => q.Graph is not null))
            throw new CliFailure($"the dataset has named graphs, which {format.Name} cannot hold (use .nq or .trig)");
        using var tw = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        format.Writer!(quads, new Dictionary<string, string>(), tw);
        tw.Flush();
    }
}
