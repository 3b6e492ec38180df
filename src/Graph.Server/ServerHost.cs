using Graph.Rdf;
using Graph.Server.Durability;
using Graph.Server.Engine;
using Graph.Server.Formats;
using Graph.Server.Http;

namespace Graph.Server;

/// <summary>Everything `kg serve` sets up: the dataset (in memory or a durable store), the data files, the engine and the HTTP server.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly DurableDataset? _durable;
    private readonly DatasetGate _gate;

    private ServerHost(SparqlServer server, DatasetGate gate, DurableDataset? durable, string summary)
    {
        Server = server;
        _gate = gate;
        _durable = durable;
        Summary = summary;
    }

    public SparqlServer Server { get; }

    /// <summary>What was loaded, for the start-up line.</summary>
    public string Summary { get; }

    public static async Task<ServerHost> StartAsync(ServerOptions options, IReadOnlyList<string> dataFiles, string? storeDir, ISparqlEngine? engine = null)
    {
        IServerDataset dataset;
        DurableDataset? durable = null;
        var notes = new List<string>();
        if (storeDir is not null)
        {
            durable = DurableDataset.Open(storeDir);
            dataset = durable;
            var r = durable.Report;
            notes.Add(r.IsNew ? $"new store {storeDir}" : $"store {storeDir}: {r.SnapshotQuads} quads from the snapshot, {r.ReplayedRecords} journal records replayed");
            if (r.DroppedTailBytes > 0) notes.Add($"dropped a torn journal tail of {r.DroppedTailBytes} bytes (an update interrupted before it was acknowledged)");
        }
        else dataset = new StoreDataset();
        try
        {
            if (dataFiles.Count > 0)
            {
                if (durable is not null && !durable.Report.IsNew)
                    notes.Add("--data ignored: the store already holds data (data files are loaded into a new store only)");
                else
                {
                    var changes = new ChangeSet();
                    foreach (var file in dataFiles)
                    {
                        var sink = new RelabellingSink();
                        RdfSyntaxes.ReadFile(file, sink);
                        foreach (var q in sink.Quads) changes.Add(Change.Add(q));
                    }
                    dataset.Apply(changes);
                    notes.Add($"loaded {dataFiles.Count} file(s)");
                }
            }
            var graphs = dataset.GraphNames().ToList();
            var empty = graphs.Count(g => dataset.CountGraph(g) == 0);
            notes.Add($"{dataset.Count} quads, {graphs.Count} named graph(s)" + (empty > 0 ? $", {empty} of them empty" : ""));
            var gate = new DatasetGate(dataset);
            var server = await SparqlServer.StartAsync(options, gate, engine ?? EngineFactory.Create()).ConfigureAwait(false);
            return new ServerHost(server, gate, durable, string.Join("; ", notes));
        }
        catch
        {
            durable?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        if (_durable is not null)
        {
            // A clean stop folds the journal into a snapshot so the next start reads one file.
            _gate.Write(_ => { _durable.WriteSnapshot(); return 0; });
            _durable.Dispose();
        }
        _gate.Dispose();
    }
}
