using System.Text;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql.Remote;
using Graph.Sparql.Results;

namespace Graph.Cli;

/// <summary>The remote paths of `kg query`: --endpoint (the whole query goes to a SPARQL 1.1 Protocol endpoint) and SERVICE options.</summary>
internal static class RemoteQuery
{
    public static readonly string[] ValuedOptions = ["--endpoint", "--allow-service", "--service-cache", "--default-graph-uri"];
    public static readonly string[] FlagOptions = ["--offline"];

    public const string HelpText = """
          --endpoint URL          send the query to this SPARQL endpoint (SPARQL 1.1 Protocol: GET, or a form POST
                                  when long) instead of evaluating it over files; no --data then
          --default-graph-uri IRI with --endpoint: the protocol's default-graph-uri (repeatable)
          --allow-service E       let SERVICE call E: an endpoint URL, HOST or HOST:PORT, or * (repeatable; none by default)
          --service-cache DIR     keep remote answers in DIR, keyed by endpoint and query, and reuse them
                                  (default for SERVICE: $XDG_CACHE_HOME/kg/service or ~/.cache/kg/service)
          --offline               answer SERVICE (and --endpoint) only from the cache
        """;

    /// <summary>The SERVICE handler for a local query: null when no endpoint is allowed.</summary>
    public static IServiceHandler? Services(ArgReader a, TimeSpan? timeout)
    {
        var allowed = a.Values("--allow-service");
        if (allowed.Count == 0) return null;
        var client = new SparqlHttpClient(new SparqlClientOptions
        {
            AllowList = new EndpointAllowList(allowed),
            Cache = new ResponseCache(a.Value("--service-cache") ?? ResponseCache.DefaultDirectory()),
            Offline = a.Flag("--offline"),
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        });
        return new ServiceExecutor(client);
    }

    public static int Run(CliContext context, ArgReader a, string endpoint, string text, string? results, TimeSpan? timeout, bool terminal)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
            throw new UsageException($"--endpoint must be an http(s) URL, not '{endpoint}'");
        var cacheDir = a.Value("--service-cache");
        using var client = new SparqlHttpClient(new SparqlClientOptions
        {
            AllowList = new EndpointAllowList([endpoint]),
            Cache = cacheDir is null ? null : new ResponseCache(cacheDir),
            Offline = a.Flag("--offline"),
            Timeout = timeout ?? TimeSpan.FromSeconds(300),
        });
        RemoteAnswer answer;
        try
        {
            answer = client.Query(endpoint, text, a.Values("--default-graph-uri"), []);
        }
        catch (RemoteEndpointException e)
        {
            throw new CliFailure(e.Message);
        }
        var outPath = a.Value("--out");
        void Write(Stream s)
        {
            if (answer.Results is { } rs)
            {
                var name = results ?? (terminal && outPath is null ? "table" : "json");
                if (name is "ntriples" or "nquads" or "turtle") throw new CliFailure($"--results {name} is for CONSTRUCT and DESCRIBE; the endpoint answered with solutions");
                rs.WriteTo(ResultsFormats.Get(name), s);
                return;
            }
            var format = results switch
            {
                "turtle" or "table" => RdfFormat.Turtle,
                null => terminal && outPath is null ? RdfFormat.Turtle : RdfFormat.NTriples,
                _ => RdfFormat.NTriples,
            };
            using var tw = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            RdfFormats.Get(format).Writer!(answer.Triples!.Select(t => new Quad(t)), new Dictionary<string, string>(), tw);
            tw.Flush();
        }
        if (outPath is not null) AtomicFile.Write(outPath, Write);
        else
        {
            context.Out.Flush();
            Write(context.OutStream);
            context.OutStream.Flush();
        }
        if (answer.FromCache) context.Err.WriteLine($"kg query: answered from the cache (retrieved {answer.Retrieved.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})");
        return 0;
    }
}
