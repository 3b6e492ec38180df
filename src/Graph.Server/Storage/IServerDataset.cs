using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Store;

namespace Graph.Server;

/// <summary>
/// The dataset the server serves. Reads go through <see cref="Freeze"/>, a view no later write changes; changes go
/// only through <see cref="Apply"/>, so that a durable dataset can journal them first. Writers are serialised by
/// <see cref="Http.DatasetGate"/>.
/// </summary>
public interface IServerDataset
{
    /// <summary>The quads of one graph (null: the default graph), in a stable order.</summary>
    IEnumerable<Quad> GraphQuads(INode? graph);

    /// <summary>Every quad: the default graph, then each named graph.</summary>
    IEnumerable<Quad> AllQuads();

    /// <summary>The names of the non-empty named graphs.</summary>
    IEnumerable<INode> GraphNames();

    bool Contains(in Quad quad);

    /// <summary>The number of triples in a graph (null: the default graph).</summary>
    long CountGraph(INode? graph);

    long Count { get; }

    /// <summary>The indexed, dictionary-encoded view the SPARQL engine reads.</summary>
    QuadSnapshot Source { get; }

    /// <summary>The live store, for planning a SPARQL Update against it (null for a frozen, read-only view).</summary>
    QuadStore? WritableStore => null;

    /// <summary>A read-only view of this moment.</summary>
    IServerDataset Freeze();

    /// <summary>Applies the changes in order, all together: readers see all of them or none.</summary>
    void Apply(ChangeSet changes);
}
