using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;

namespace Graph.Cli;

/// <summary>`kg query`: runs a SPARQL 1.1 query over RDF files.</summary>
public sealed class QueryVerb : IVerb
{
    public string Name => "query";

    public string Summary => "run a SPARQL 1.1 query over RDF files";

    public string Help => """
        Usage: kg query --data FILE... [--named IRI=FILE]... (--query FILE.rq | -e 'QUERY') [options]

        Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the given files.
        Each --data file is parsed with its own file: URL as base and merged into the default graph
        (blank nodes kept apart per file; named graphs of TriG/N-Quads files stay named). FROM and
        FROM NAMED file: IRIs in the query are loaded from disk.

        Options:
          --data FILE...          RDF files for the default graph (.ttl .trig .nt .nq .rdf .jsonld)
          --named IRI=FILE        load FILE as the named graph IRI (repeatable)
          --query FILE.rq         the query file (its file: URL is the query's base IRI)
          -e QUERY                the query text (base: the current directory)
          --base IRI              the query's base IRI
          --results FORMAT        json|xml|csv|tsv|table for SELECT/ASK; ntriples|nquads|turtle for
                                  CONSTRUCT/DESCRIBE (a solutions format there gives N-Triples, table Turtle).
                                  Default: table on a terminal, json otherwise.
          --out FILE              write the results to FILE (atomically) instead of stdout
          --parse-only            only check the query: exit 0 when valid, 1 with its position when not
          --timeout SECONDS       stop with an error after this long
          --explain               print the plan with estimated and actual row counts on stderr
          --no-optimise           run the algebra as written (no join ordering, filter pushing or folding)
          --union-default-graph   the default graph is the union of all graphs
        """ + "\n" + RemoteQuery.HelpText + "\n" + """
        KG_BENCH=1 follows the benchmark's procedure for in-process peers: one untimed run (its time printed as
        `bench: cold-seconds=S`), then three timed parse + evaluate + write runs, each after a garbage collection
        (data loading excluded); `bench: seconds=S` on stderr is their median.
        """;

    private static readonly string[] s_solutionFormats = ["json", "xml", "csv", "tsv", "table"];
    private static readonly string[] s_graphFormats = ["ntriples", "nquads", "turtle"];

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--data", "--named", "--query", "-e", "--base", "--results", "--out", "--timeout", .. RemoteQuery.ValuedOptions],
            ["--parse-only", "--explain", "--no-optimise", "--union-default-graph", .. RemoteQuery.FlagOptions]);
        var queryFile = a.Value("--query");
        var queryText = a.Value("-e");
        if ((queryFile is null) == (queryText is null)) throw new UsageException("give the query with exactly one of --query FILE or -e 'QUERY'");
        var results = a.Value("--results")?.ToLowerInvariant();
        if (results is not null && !s_solutionFormats.Contains(results) && !s_graphFormats.Contains(results))
            throw new UsageException($"--results must be one of {string.Join(", ", s_solutionFormats.Concat(s_graphFormats))}");
        TimeSpan? timeout = null;
        if (a.Value("--timeout") is { } ts)
        {
            if (!double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var secs) || secs <= 0)
                throw new UsageException("--timeout takes a positive number of seconds");
            timeout = TimeSpan.FromSeconds(secs);
        }
        var dataFiles = a.Values("--data").Concat(a.Positionals).ToList();
        var named = NamedArgs(a);
        if (queryFile is not null && !File.Exists(queryFile)) throw new CliFailure($"{queryFile}: no such file");
        var text = queryFile is not null ? File.ReadAllText(queryFile) : queryText!;
        var baseIri = a.Value("--base") ?? (queryFile is not null ? DatasetFiles.FileUrl(queryFile) : DatasetFiles.FileUrl(Directory.GetCurrentDirectory()) + "/");
        if (!Iri.IsAbsolute(baseIri)) throw new UsageException("--base must be an absolute IRI");
        if (a.Value("--endpoint") is { } endpoint)
        {
            if (dataFiles.Count > 0 || named.Count > 0) throw new UsageException("--endpoint queries the remote store: give no --data or --named");
            return RemoteQuery.Run(context, a, endpoint, text, results, timeout, context.OutIsTerminal);
        }

        // Parsing and evaluation run on a thread with a large stack: deep but legal queries must not overflow.
        int exit = 0;
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                exit = Execute(context, a, text, queryFile ?? "-e", baseIri, dataFiles, named, results, timeout);
            }
            catch (Exception e) { failure = e; }
        }, 256 * 1024 * 1024);
        worker.Start();
        worker.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return exit;
    }

    /// <summary>Timed repetitions besides the real one (whose output is kept): three in all, as the peers get.</summary>
    private const int BenchExtraRepetitions = 2;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static QueryOptions Options(ArgReader a, TimeSpan? timeout, CancellationToken cancellation) => new()
    {
        Optimise = !a.Flag("--no-optimise"),
        Timeout = timeout,
        Cancellation = cancellation,
        CountRows = a.Flag("--explain"),
        UnionDefaultGraph = a.Flag("--union-default-graph"),
        Services = RemoteQuery.Services(a, timeout),
    };

    /// <summary>One parse + evaluate + write of the query into a null stream, in seconds.</summary>
    private static double BenchRun(ArgReader a, string text, string source, string baseIri,
        QuadStore store, string? results, TimeSpan? timeout)
    {
        var clock = Stopwatch.StartNew();
        var query = QueryParser.Parse(text, source, baseIri);
        LoadDatasetClauses(store, query);
        try
        {
            var result = QueryEngine.Execute(query, store.Snapshot(), Options(a, timeout, CancellationToken.None));
            WriteResult(result, query, results, false, Stream.Null);
        }
        catch (QueryLimitException e) { throw new CliFailure(e.Message); }
        catch (Graph.Sparql.Functions.ExpressionError e) { throw new CliFailure(e.Message); }
        return clock.Elapsed.TotalSeconds;
    }

    private static int Execute(CliContext context, ArgReader a, string text, string source, string baseIri,
        List<string> dataFiles, List<(string Iri, string File)> named, string? results, TimeSpan? timeout)
    {
        if (a.Flag("--parse-only"))
        {
            QueryParser.Parse(text, source, baseIri);
            return 0;
        }
        var store = LoadStore(dataFiles, named);
        // Under KG_BENCH the run follows the benchmark's procedure for its in-process peers: one untimed run, then
        // timed repetitions (each after a collection), of which the median is reported.
        var benchTimes = new List<double>();
        if (context.Bench)
        {
            var cold = BenchRun(a, text, source, baseIri, store, results, timeout);
            context.Err.WriteLine("bench: cold-seconds=" + cold.ToString("0.######", CultureInfo.InvariantCulture));
            for (var i = 0; i < BenchExtraRepetitions; i++)
            {
                Collect();
                benchTimes.Add(BenchRun(a, text, source, baseIri, store, results, timeout));
            }
            Collect();
        }
        var clock = Stopwatch.StartNew();
        var query = QueryParser.Parse(text, source, baseIri);
        LoadDatasetClauses(store, query);
        var cts = new CancellationTokenSource();
        var options = Options(a, timeout, cts.Token);
        var outPath = a.Value("--out");
        var snapshot = store.Snapshot();
        QueryResult? result = null;
        void Write(Stream s)
        {
            try
            {
                result = QueryEngine.Execute(query, snapshot, options);
                WriteResult(result, query, results, context.OutIsTerminal && outPath is null, s);
            }
            catch (QueryLimitException e) { throw new CliFailure(e.Message); }
            catch (Graph.Sparql.Functions.ExpressionError e) { throw new CliFailure(e.Message); }
        }
        if (outPath is not null) AtomicFile.Write(outPath, Write);
        else
        {
            // Buffered so that an error part-way (a timeout) never leaves half a result on stdout.
            var buffer = new MemoryStream();
            Write(buffer);
            context.Out.Flush();
            buffer.Position = 0;
            buffer.CopyTo(context.OutStream);
            context.OutStream.Flush();
        }
        if (context.Bench)
        {
            benchTimes.Add(clock.Elapsed.TotalSeconds);
            benchTimes.Sort();
            context.Err.WriteLine("bench: seconds=" + benchTimes[benchTimes.Count / 2].ToString("0.######", CultureInfo.InvariantCulture));
        }
        if (a.Flag("--explain") && result is not null)
        {
            context.Err.WriteLine(Sse.Query(query));
            context.Err.Write(result.Explain());
        }
        return 0;
    }

    /// <summary>The --named IRI=FILE options (shared with `kg update`).</summary>
    internal static List<(string Iri, string File)> NamedArgs(ArgReader a)
    {
        var named = new List<(string Iri, string File)>();
        foreach (var n in a.Values("--named"))
        {
            var eq = n.IndexOf('=');
            if (eq <= 0 || eq == n.Length - 1) throw new UsageException($"--named takes IRI=FILE, not '{n}'");
            var iri = n[..eq];
            if (!Iri.IsAbsolute(iri)) throw new UsageException($"--named: '{iri}' is not an absolute IRI");
            named.Add((iri, n[(eq + 1)..]));
        }
        return named;
    }

    /// <summary>A store holding the --data files (default graph) and --named files (shared with `kg update`).</summary>
    internal static QuadStore LoadStore(IEnumerable<string> dataFiles, IEnumerable<(string Iri, string File)> named)
    {
        var store = new QuadStore();
        foreach (var f in dataFiles)
        {
            if (!File.Exists(f)) throw new CliFailure($"{f}: no such file");
            DatasetFiles.LoadDefault(store, f);
        }
        foreach (var (iri, f) in named)
        {
            if (!File.Exists(f)) throw new CliFailure($"{f}: no such file");
            DatasetFiles.LoadNamed(store, new IriNode(iri), f);
        }
        return store;
    }

    /// <summary>FROM / FROM NAMED file: IRIs not already in the store are read from disk into a graph of that name.</summary>
    private static void LoadDatasetClauses(QuadStore store, Query query)
    {
        var present = store.NamedGraphs().ToHashSet();
        foreach (var iri in query.From.Concat(query.FromNamed).Distinct())
        {
            if (present.Contains(iri)) continue;
            var path = DatasetFiles.LocalPath(iri.Value);
            if (path is null) continue;
            if (!File.Exists(path)) throw new CliFailure($"FROM {iri}: no such file {path}");
            DatasetFiles.LoadNamed(store, iri, path, iri.Value);
            present.Add(iri);
        }
    }

    private static void WriteResult(QueryResult result, Query query, string? format, bool terminal, Stream s)
    {
        if (result.Form is QueryForm.Select or QueryForm.Ask)
        {
            var name = format ?? (terminal ? "table" : "json");
            if (s_graphFormats.Contains(name)) throw new CliFailure($"--results {name} is for CONSTRUCT and DESCRIBE; a {result.Form.ToString().ToUpperInvariant()} query gives json, xml, csv, tsv or table");
            var writer = name == "table" ? new TableResultsWriter(query.Prefixes) : ResultsFormats.Get(name);
            if (result.Form == QueryForm.Ask) writer.WriteBoolean(s, result.Boolean);
            else writer.WriteSolutions(s, result.Variables, result.Rows);
            return;
        }
        var graphFormat = format switch
        {
            "nquads" => RdfFormat.NQuads,
            "turtle" or "table" => RdfFormat.Turtle,
            null => terminal ? RdfFormat.Turtle : RdfFormat.NTriples,
            _ => RdfFormat.NTriples,
        };
        var write = RdfFormats.Get(graphFormat).Writer ?? throw new CliFailure($"no writer for {graphFormat}");
        var prefixes = graphFormat == RdfFormat.Turtle ? query.Prefixes.Prefixes : new Dictionary<string, string>();
        using var tw = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(result.Triples.Select(t => new Quad(t)), prefixes, tw);
        tw.Flush();
    }
}
