using Graph.Rdf;
using Graph.Server.Engine;

namespace Graph.Server;

/// <summary>
/// The dataset the server serves: read by queries and the Graph Store Protocol, changed only through
/// <see cref="Apply"/> so that every change can be journalled first. Callers hold the server's lock.
/// </summary>
public interface IServerDataset
{
    /// <summary>The quads of one graph (null: the default graph), in a stable order.</summary>
    IEnumerable<Quad> GraphQuads(INode? graph);

    /// <summary>Every quad, default graph first.</summary>
    IEnumerable<Quad> AllQuads();

    /// <summary>The names of the non-empty named graphs, in the order they were first filled.</summary>
    IEnumerable<INode> GraphNames();

    bool Contains(in Quad quad);

    /// <summary>The number of triples in a graph (null: the default graph).</summary>
    long CountGraph(INode? graph);

    long Count { get; }

    /// <summary>Applies the changes in order. Must not fail part way for well-formed changes.</summary>
    void Apply(ChangeSet changes);
}
