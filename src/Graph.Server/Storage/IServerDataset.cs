using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Store;

namespace Graph.Server;

/// <summary>
/// The dataset the server serves. Reads go through <see cref="Freeze"/>, a view no later write changes; changes go
/// only through <see cref="Apply"/> and <see cref="Transact"/>, so that a durable dataset can journal them before
/// they become visible. Writers are serialised by <see cref="Http.DatasetGate"/>.
/// </summary>
public interface IServerDataset
{
    /// <summary>The quads of one graph (null: the default graph), in a stable order.</summary>
    IEnumerable<Quad> GraphQuads(INode? graph);

    /// <summary>Every quad: the default graph, then each named graph.</summary>
    IEnumerable<Quad> AllQuads();

    /// <summary>The names of all named graphs, empty ones included.</summary>
    IEnumerable<INode> GraphNames();

    /// <summary>True for the default graph (null) and every named graph that exists, empty or not.</summary>
    bool GraphExists(INode? graph);

    bool Contains(in Quad quad);

    /// <summary>The number of triples in a graph (null: the default graph).</summary>
    long CountGraph(INode? graph);

    long Count { get; }

    /// <summary>The indexed, dictionary-encoded view the SPARQL engine reads.</summary>
    QuadSnapshot Source { get; }

    /// <summary>A read-only view of this moment.</summary>
    IServerDataset Freeze();

    /// <summary>Applies the changes in order, all together: readers see all of them or none.</summary>
    void Apply(ChangeSet changes);

    /// <summary>
    /// Runs <paramref name="body"/> once in a store transaction and returns its net change. That change is handed to
    /// <paramref name="beforeVisible"/> (a durable dataset journals it first) before readers can see it; when either
    /// throws, nothing changes.
    /// </summary>
    ChangeSet Transact(Action<StoreTransaction> body, Action<ChangeSet>? beforeVisible = null);
}
