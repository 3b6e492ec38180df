using System.Globalization;
using Graph.Formats;
using Graph.Sparql.Remote;

namespace Graph.Cli;

/// <summary>`kg push`: uploads a file into one graph of a remote store through the SPARQL 1.1 Graph Store Protocol.</summary>
public sealed class PushVerb : IVerb
{
    public string Name => "push";

    public string Summary => "upload a file into a graph of a remote store (SPARQL 1.1 Graph Store Protocol), in batches";

    public string Help => """
        Usage: kg push --endpoint URL --graph IRI FILE [--user U --password P | --token T] [--batch N]
                       [--replace] [--skolemize] [--format NAME] [--base IRI] [--timeout SECONDS]

        Sends the triples of FILE (N-Triples, Turtle; by extension or --format) to the Graph Store endpoint URL
        with ?graph=IRI, as POSTs (merge) of at most N triples each. The whole file is parsed first: bad input is
        reported with its line and column and nothing is sent.

        Options:
          --endpoint URL     the store's Graph Store Protocol endpoint, e.g. Virtuoso
                             http://127.0.0.1:8890/sparql-graph-crud-auth, Fuseki http://host:3030/ds/data,
                             kg serve http://127.0.0.1:7878/store
          --graph IRI        the target graph
          --user U           user for HTTP Digest (or Basic) authentication; the password comes from --password
          --password P       or from the KG_PASSWORD environment variable (keeps it out of the process list)
          --token T          bearer token (or KG_TOKEN)
          --batch N          triples per request (default 100000; Virtuoso 7.2.5 deadlocks on much larger ones)
          --replace          delete the graph first, so it ends holding exactly FILE
          --skolemize        send blank nodes as IRIs under the graph's /.well-known/genid/ (needed when the file
                             has blank nodes and takes more than one request: each request would mint new nodes)
          --format NAME      ntriples, turtle (default: from the extension)
          --timeout SECONDS  per request (default 600)

        Progress goes to stderr. A request the store reports as deadlocked (Virtuoso SR172 / SQLSTATE 40001) is
        retried up to 4 times. If a request fails for good, the graph keeps the batches sent before it: the message
        says how many; rerun with --replace.
        """;

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--endpoint", "--graph", "--user", "--password", "--token", "--batch", "--format", "--base", "--timeout"], ["--replace", "--skolemize"]);
        if (a.Positionals.Count != 1) throw new UsageException(a.Positionals.Count == 0 ? "give the FILE to push" : "give exactly one FILE");
        var file = a.Positionals[0];
        var endpoint = a.Value("--endpoint") ?? throw new UsageException("--endpoint URL is required");
        var graph = a.Value("--graph") ?? throw new UsageException("--graph IRI is required");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var eu) || (eu.Scheme != "http" && eu.Scheme != "https"))
            throw new UsageException($"--endpoint must be an http(s) URL, not '{endpoint}'");
        if (!Graph.Rdf.Iri.IsAbsolute(graph)) throw new UsageException($"--graph must be an absolute IRI, not '{graph}'");
        var credentials = Credentials(a);
        var batch = (int)Number(a, "--batch", 100_000, 1, 10_000_000);
        var timeout = TimeSpan.FromSeconds(Number(a, "--timeout", 600, 1, 86400));
        RdfFormat? format = null;
        if (a.Value("--format") is string fname)
            format = (RdfFormats.FromName(fname) ?? throw new UsageException($"unknown format '{fname}'")).Format;
        if (!File.Exists(file)) throw new CliFailure($"{file} does not exist");

        using var client = new GraphStoreClient(endpoint, credentials, timeout);
        var uploader = new GraphUploader(client);
        var options = new UploadOptions
        {
            BatchSize = batch,
            Replace = a.Flag("--replace"),
            Skolemize = a.Flag("--skolemize"),
            Format = format,
            BaseIri = a.Value("--base") ?? new Uri(Path.GetFullPath(file)).AbsoluteUri,
        };
        UploadSummary summary;
        try
        {
            summary = uploader.Push(file, graph, options, p =>
                context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kg push: {p.Sent:N0}/{p.Total:N0} triples ({(p.Total == 0 ? 100 : 100.0 * p.Sent / p.Total):F0}%), batch {p.Batches}, {p.TriplesPerSecond:N0} triples/s")));
        }
        catch (RemoteEndpointException e)
        {
            throw new CliFailure(e.Message);
        }
        context.Err.WriteLine(FormattableString.Invariant(
            $"kg push: {summary.Triples:N0} triples into <{graph}> in {summary.Batches} request(s), {summary.Elapsed.TotalSeconds:F1} s")
            + (summary.Retries > 0 ? $", {summary.Retries} deadlock retr{(summary.Retries == 1 ? "y" : "ies")}" : ""));
        if (context.Bench)
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: seconds={summary.Elapsed.TotalSeconds:F3} triples={summary.Triples}"));
        return 0;
    }

    internal static RemoteCredentials? Credentials(ArgReader a)
    {
        var user = a.Value("--user");
        var token = a.Value("--token") ?? Environment.GetEnvironmentVariable("KG_TOKEN");
        if (user is not null && a.Value("--token") is not null) throw new UsageException("give --user/--password or --token, not both");
        if (user is not null)
        {
            var pw = a.Value("--password") ?? Environment.GetEnvironmentVariable("KG_PASSWORD")
                ?? throw new UsageException("--user needs --password (or KG_PASSWORD)");
            return RemoteCredentials.UserPassword(user, pw);
        }
        if (a.Value("--password") is not null) throw new UsageException("--password needs --user");
        return string.IsNullOrEmpty(token) ? null : RemoteCredentials.Bearer(token);
    }

    internal static long Number(ArgReader a, string name, long fallback, long min, long max)
    {
        var s = a.Value(name);
        if (s is null) return fallback;
        if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new UsageException($"{name} needs a whole number from {min} to {max}, not '{s}'");
        return v;
    }
}
