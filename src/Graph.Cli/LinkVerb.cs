using System.Globalization;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql.Remote;

namespace Graph.Cli;

/// <summary>`kg link`: enriches a graph with facts about the Wikidata items its entities are owl:sameAs.</summary>
public sealed class LinkVerb : IVerb
{
    public const string DefaultEndpoint = "https://query.wikidata.org/sparql";

    public string Name => "link";

    public string Summary => "add Wikidata labels, coordinates, country, population, inception for owl:sameAs links, with provenance";

    public string Help => $"""
        Usage: kg link FILE [--endpoint URL] [--cache DIR] [--offline] [--out FILE] [--timeout SECONDS]

        For every entity of FILE that is owl:sameAs a Wikidata item (http://www.wikidata.org/entity/Q…), fetches
        the item's labels in Arabic and English (rdfs:label), coordinates (wdt:P625), country (wdt:P17),
        population (wdt:P1082) and inception (wdt:P571) from a SPARQL endpoint, and writes FILE's triples plus
        those facts. The facts go into a named graph urn:kg:link:… whose provenance is stated in the default graph:
        prov:wasDerivedFrom the endpoint and prov:generatedAtTime the retrieval time. Output is TriG (or N-Quads
        for an --out ending in .nq), sorted: the same input and cache give the same bytes.

        Options:
          --endpoint URL     SPARQL endpoint (default {DefaultEndpoint})
          --cache DIR        answers are kept here, keyed by endpoint and query (default $XDG_CACHE_HOME/kg/service,
                             else ~/.cache/kg/service); a cached answer is reused without the network
          --offline          use only the cache: no request is made; a query that is not cached is an error
          --out FILE         write here (atomically) instead of stdout
          --timeout SECONDS  per request (default 60)
        """;

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--endpoint", "--cache", "--out", "--timeout", "--format"], ["--offline"]);
        if (a.Positionals.Count != 1) throw new UsageException(a.Positionals.Count == 0 ? "give the FILE to link" : "give exactly one FILE");
        var file = a.Positionals[0];
        var endpoint = a.Value("--endpoint") ?? DefaultEndpoint;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var eu) || (eu.Scheme != "http" && eu.Scheme != "https"))
            throw new UsageException($"--endpoint must be an http(s) URL, not '{endpoint}'");
        var timeout = TimeSpan.FromSeconds(PushVerb.Number(a, "--timeout", 60, 1, 3600));
        var offline = a.Flag("--offline");
        var cacheDir = a.Value("--cache") ?? ResponseCache.DefaultDirectory();
        var outPath = a.Value("--out");
        var nquads = outPath is not null && outPath.EndsWith(".nq", StringComparison.OrdinalIgnoreCase);
        if (outPath is not null && !nquads && !outPath.EndsWith(".trig", StringComparison.OrdinalIgnoreCase))
            throw new UsageException("--out must end in .trig or .nq: the linked facts go into a named graph with their provenance");
        if (!File.Exists(file)) throw new CliFailure($"{file} does not exist");
        var format = RdfFormats.FromPath(file)?.Format ?? throw new UsageException($"cannot tell the syntax of {file} from its extension (.nt, .ttl, .nq, .trig)");

        var input = new ListSink();
        using (var fs = File.OpenRead(file))
            RdfReader.Parse(fs, format, new RdfReadOptions(file, new Uri(Path.GetFullPath(file)).AbsoluteUri, PreserveBlankNodeLabels: true), input);

        var cache = new ResponseCache(cacheDir);
        using var client = new SparqlHttpClient(new SparqlClientOptions
        {
            Timeout = timeout,
            AllowList = new EndpointAllowList([endpoint]),
            Cache = cache,
            Offline = offline,
        });
        LinkResult result;
        try
        {
            result = new WikidataLinker(client).Link(input.Quads, endpoint);
        }
        catch (RemoteEndpointException e)
        {
            throw new CliFailure(e.Message + (offline ? "" : " (a rerun with --offline uses only the cache " + cache.Directory + ")"));
        }
        if (offline)
            context.Err.WriteLine($"kg link: offline: answered from the cache {cache.Directory} ({result.Requests} quer{(result.Requests == 1 ? "y" : "ies")})");
        else if (result.Requests > 0)
            context.Err.WriteLine($"kg link: {result.Requests - result.FromCache} request(s) to {endpoint}, {result.FromCache} answered from the cache {cache.Directory}");
        context.Err.WriteLine(FormattableString.Invariant(
            $"kg link: {result.Entities} entities link to {result.Items} Wikidata items; facts found for {result.ItemsWithFacts}; {result.Added.Count} statements added")
            + (result.Retrieved is DateTimeOffset r ? FormattableString.Invariant($" (retrieved {r.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})") : ""));

        var all = new HashSet<Quad>(input.Quads);
        foreach (var q in result.Added) all.Add(q);
        var prefixes = new Dictionary<string, string>(input.Prefixes, StringComparer.Ordinal);
        prefixes.TryAdd("wd", WikidataLinker.EntityNs);
        prefixes.TryAdd("wdt", WikidataLinker.DirectNs);
        prefixes.TryAdd("prov", WikidataLinker.ProvNs);
        prefixes.TryAdd("dcterms", WikidataLinker.DctermsNs);
        prefixes.TryAdd("owl", Vocab.Owl.Ns);
        prefixes.TryAdd("rdfs", Vocab.Rdfs.Ns);
        var sorted = all.OrderBy(q => q.ToString(), StringComparer.Ordinal).ToList();
        void Write(TextWriter w)
        {
            if (nquads) NQuadsWriter.Write(sorted, w, quads: true);
            else TurtleWriter.Write(sorted, prefixes, w, trig: true);
        }
        if (outPath is null)
        {
            Write(context.Out);
            context.Out.Flush();
        }
        else
            AtomicFile.Write(outPath, s =>
            {
                using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                Write(w);
            });
        return 0;
    }
}
