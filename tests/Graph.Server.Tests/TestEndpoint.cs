using System.Net.Http.Headers;
using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Server.Http;

namespace Graph.Server.Tests;

/// <summary>A real server on a free loopback port, with an HttpClient pointed at it.</summary>
internal sealed class TestEndpoint : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";

    private TestEndpoint(SparqlServer server, DatasetGate gate, HttpClient client, List<string> log)
    {
        Log = log;
        Server = server;
        Gate = gate;
        Client = client;
    }

    public SparqlServer Server { get; }
    public DatasetGate Gate { get; }
    public HttpClient Client { get; }
    public IServerDataset Dataset => Gate.Dataset;
    /// <summary>What the server logged (lock it to read).</summary>
    public List<string> Log { get; }

    public static async Task<TestEndpoint> StartAsync(ISparqlEngine? engine = null, ServerOptions? options = null, IServerDataset? dataset = null)
    {
        var log = new List<string>();
        options = (options ?? new ServerOptions { UpdateToken = Token }) with { Port = 0, Bind = "127.0.0.1", Log = l => { lock (log) log.Add(l); } };
        var gate = new DatasetGate(dataset ?? new StoreDataset());
        var server = await SparqlServer.StartAsync(options, gate, engine ?? new ScriptedEngine());
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        return new TestEndpoint(server, gate, client, log);
    }

    public HttpRequestMessage Authorized(HttpMethod method, string url, HttpContent? content = null)
    {
        var m = new HttpRequestMessage(method, url) { Content = content };
        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return m;
    }

    public static StringContent NTriples(string text) => new(text, System.Text.Encoding.UTF8, "application/n-triples");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Gate.Dispose();
    }
}

/// <summary>An engine double: answers with whatever the test scripts and records what it was asked.</summary>
internal sealed class ScriptedEngine : ISparqlEngine
{
    public Func<string, IServerDataset, RequestOptions, CancellationToken, QueryOutcome> OnQuery { get; set; } =
        (_, _, _, _) => new QueryOutcome.Boolean(true);

    public Func<string, IServerDataset, RequestOptions, CancellationToken, ChangeSet> OnUpdate { get; set; } =
        (_, _, _, _) => new ChangeSet();

    public List<(string Text, RequestOptions Options)> Calls { get; } = [];

    public bool SupportsUpdate => true;

    public QueryOutcome Query(string query, IServerDataset dataset, RequestOptions options, CancellationToken cancellation)
    {
        lock (Calls) Calls.Add((query, options));
        return OnQuery(query, dataset, options, cancellation);
    }

    public ChangeSet Update(string update, IServerDataset dataset, RequestOptions options, CancellationToken cancellation)
    {
        lock (Calls) Calls.Add((update, options));
        // A real engine applies its change through the dataset; the double does the same with the scripted change.
        var changes = OnUpdate(update, dataset, options, cancellation);
        dataset.Apply(changes);
        return changes;
    }
}

internal static class Terms
{
    public static IriNode Iri(string local) => new("http://example.org/" + local);
}
