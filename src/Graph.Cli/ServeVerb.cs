using System.Globalization;
using Graph.Server;
using Graph.Server.Engine;
using Graph.Server.Http;

namespace Graph.Cli;

/// <summary>`kg serve`: the SPARQL Protocol / Graph Store Protocol server with its query page.</summary>
public sealed class ServeVerb : IVerb
{
    public string Name => "serve";

    public string Summary => "serve a dataset over HTTP: SPARQL endpoint, Graph Store Protocol, query page";

    public string Help => """
        Usage: kg serve [--data FILE]... [--store DIR] [--port 7878] [--bind 127.0.0.1] [--update-token TOKEN]
                        [--timeout SECONDS] [--max-results N] [--max-body BYTES] [--allow-host HOST]...
                        [--service-timeout SECONDS] [--union-default-graph]

        Serves the dataset at http://BIND:PORT/ :
          /sparql   SPARQL 1.1 Protocol: query (GET, POST form or application/sparql-query), update (POST);
                    a GET without a query returns the service description
          /store    Graph Store HTTP Protocol: GET, HEAD, PUT, POST, DELETE on ?default or ?graph=IRI
                    (named graphs may exist empty: PUT of an empty body or CREATE GRAPH makes one, GET of it
                    is 200 with an empty document, DELETE or DROP removes it, then GET is 404)
          /         the query page (examples from queries/, results table, downloads, timeline of the rounds)

        Options:
          --data FILE         load an RDF file at start (.nt, .nq, .ttl, .trig, ...; repeatable); with --store,
                              only into a new, empty store
          --store DIR         keep the dataset in DIR: every acknowledged update is journalled and fsynced first,
                              so it survives a crash; restarting with the same DIR serves exactly what was acknowledged
          --port N            TCP port (default 7878; 0 picks a free one)
          --bind ADDR         address to listen on (default 127.0.0.1, loopback only)
          --update-token T    allow updates from clients sending 'Authorization: Bearer T', or HTTP Basic with any
                              user name and T as the password (Jena's rupdate: http://user:T@host:port/sparql) (or set KG_UPDATE_TOKEN,
                              which keeps the token out of the process list); without it the server is read-only
          --timeout SECONDS   per-query and per-update time limit (default 30)
          --max-results N     most rows or triples one query returns (default 1000000)
          --max-body BYTES    largest request body accepted, else 413 (default 67108864 = 64 MiB)
          --allow-host HOST   a host federated SERVICE and LOAD may reach (repeatable; none by default)
          --service-timeout S how long one SERVICE call may take before the query fails with 502 (default 20)
          --union-default-graph  queries without FROM see the union of all graphs as their default graph
                              (handy for converted news, where each article is a named graph)

        Stops on Ctrl+C or SIGTERM (a durable store then writes a snapshot).
        """;

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--data", "--store", "--port", "--bind", "--update-token", "--timeout", "--max-results", "--max-body", "--allow-host", "--service-timeout"], ["--union-default-graph"]);
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var token = a.Value("--update-token") ?? Environment.GetEnvironmentVariable("KG_UPDATE_TOKEN");
        if (token is not null && token.Length < 8) throw new UsageException("the update token must be at least 8 characters");
        var options = new ServerOptions
        {
            Bind = a.Value("--bind") ?? "127.0.0.1",
            Port = (int)Number(a, "--port", 7878, 0, 65535),
            UpdateToken = string.IsNullOrEmpty(token) ? null : token,
            QueryTimeout = TimeSpan.FromSeconds(Number(a, "--timeout", 30, 1, 86400)),
            ResultCap = Number(a, "--max-results", ServerOptions.DefaultResultCap, 1, long.MaxValue),
            MaxBodyBytes = Number(a, "--max-body", ServerOptions.DefaultMaxBodyBytes, 1024, long.MaxValue),
            OutboundHosts = new HostAllowList(a.Values("--allow-host")),
            ServiceTimeout = TimeSpan.FromSeconds(Number(a, "--service-timeout", (long)ServerOptions.DefaultServiceTimeout.TotalSeconds, 1, 86400)),
            Log = line => { context.Err.WriteLine("kg serve: " + line); context.Err.Flush(); },
        };
        if (!System.Net.IPAddress.TryParse(options.Bind, out _)) throw new UsageException($"--bind needs an IP address, not '{options.Bind}'");
        foreach (var f in a.Values("--data"))
            if (!File.Exists(f)) throw new CliFailure($"data file {f} does not exist");
        var engine = EngineFactory.Create(unionDefaultGraph: a.Flag("--union-default-graph"));
        // Queries run synchronously on pool threads; without a floor the pool grows by about one thread a second,
        // and 32 concurrent clients would queue behind 2 threads on a 2-core machine.
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < 64) ThreadPool.SetMinThreads(64, io);
        return RunAsync(options, a.Values("--data"), a.Value("--store"), engine, context).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ServerOptions options, IReadOnlyList<string> data, string? store, ISparqlEngine engine, CliContext context)
    {
        ServerHost host;
        try
        {
            host = await ServerHost.StartAsync(options, data, store, engine).ConfigureAwait(false);
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliFailure($"port {options.Port} on {options.Bind} is already in use ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw new CliFailure(e.Message);
        }
        await using (host.ConfigureAwait(false))
        {
            var mode = options.UpdateToken is null ? "read-only" : "updates need the bearer token";
            context.Out.WriteLine($"kg serve: listening on {host.Server.Address} ({host.Summary}; {mode})");
            context.Out.Flush();
            await host.Server.WaitForShutdownAsync().ConfigureAwait(false);
        }
        return 0;
    }

    private static long Number(ArgReader a, string name, long fallback, long min, long max)
    {
        var v = a.Value(name);
        if (v is null) return fallback;
        if (!long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"{name} needs a whole number from {min} to {max}, not '{v}'");
        return n;
    }
}
