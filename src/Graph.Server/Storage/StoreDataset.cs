using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Store;

namespace Graph.Server;

/// <summary>The server's dataset on Graph.Store's indexed <see cref="QuadStore"/>: readers get snapshots, so queries never wait for writers.</summary>
public sealed class StoreDataset(QuadStore store) : IServerDataset
{
    public StoreDataset() : this(new QuadStore()) { }

    public QuadStore Store { get; } = store;

    public QuadSnapshot Source => Store.Snapshot();

    public IServerDataset Freeze() => new SnapshotDataset(Store.Snapshot());

    public IEnumerable<Quad> GraphQuads(INode? graph) => Freeze().GraphQuads(graph);
    public IEnumerable<Quad> AllQuads() => Freeze().AllQuads();
    public IEnumerable<INode> GraphNames() => Store.NamedGraphs();
    public bool GraphExists(INode? graph) => Store.GraphExists(graph);
    public bool Contains(in Quad quad) => Store.Contains(quad);
    public long CountGraph(INode? graph) => Store.Count(null, null, null, GraphFilter.Of(graph));
    public long Count => Store.QuadCount;

    public void Apply(ChangeSet changes)
    {
        if (changes.Count == 0) return;
        if (changes.Changes.TrueForAll(c => c.Kind == ChangeKind.Add))
        {
            // Loads (start-up data, snapshot restore, GSP POST) take the bulk path: one sort instead of per-quad inserts.
            Store.AddRange(changes.Changes.Select(c => c.Quad));
            return;
        }
        Store.Update(changes.ApplyTo);
    }

    public ChangeSet Transact(Action<StoreTransaction> body, Action<ChangeSet>? beforeVisible = null) =>
        Store.Update(txn =>
        {
            body(txn);
            var changes = ChangeSet.From(txn.NetChanges());
            if (changes.Count > 0) beforeVisible?.Invoke(changes);
            return changes;
        });
}

/// <summary>A dataset frozen at one snapshot: what a request reads from start to end.</summary>
internal sealed class SnapshotDataset(QuadSnapshot snapshot) : IServerDataset
{
    public QuadSnapshot Source => snapshot;

    public IServerDataset Freeze() => this;

    public IEnumerable<Quad> GraphQuads(INode? graph) => snapshot.Match(null, null, null, GraphFilter.Of(graph));

    public IEnumerable<Quad> AllQuads()
    {
        foreach (var q in GraphQuads(null)) yield return q;
        foreach (var g in snapshot.NamedGraphTerms())
            foreach (var q in GraphQuads(g)) yield return q;
    }

    public IEnumerable<INode> GraphNames() => snapshot.NamedGraphTerms();
    public bool GraphExists(INode? graph) => snapshot.GraphExists(graph);
    public bool Contains(in Quad quad) => snapshot.Contains(quad);
    public long CountGraph(INode? graph) => snapshot.Count(null, null, null, GraphFilter.Of(graph));
    public long Count => snapshot.QuadCount;

    public void Apply(ChangeSet changes) => throw new InvalidOperationException("a frozen view cannot be changed");

    public ChangeSet Transact(Action<StoreTransaction> body, Action<ChangeSet>? beforeVisible = null) =>
        throw new InvalidOperationException("a frozen view cannot be changed");
}
