using Graph.Rdf;

namespace Graph.Store;

/// <summary>A quad as four dictionary ids.</summary>
public readonly record struct EncodedQuad(int S, int P, int O, int G);

/// <summary>
/// A read-only, dictionary-encoded view of a dataset: what the SPARQL evaluator runs on.
/// Id <see cref="Wildcard"/> (0) never names a term and means "any" in patterns;
/// id <see cref="DefaultGraph"/> (1) names the default graph.
/// Every pattern, whatever positions are bound, is answered from an index, never by a scan, and counted exactly.
/// </summary>
public interface IQuadSource
{
    const int Wildcard = 0;
    const int DefaultGraph = 1;

    /// <summary>The id of a term, if the dictionary holds it (a term absent from the dictionary matches nothing).</summary>
    bool TryGetId(INode node, out int id);

    /// <summary>The term of an id handed out by this source.</summary>
    INode GetTerm(int id);

    /// <summary>Quads matching the pattern; 0 is a wildcard in any position. G = 0 includes the default graph.</summary>
    IEnumerable<EncodedQuad> Match(int s, int p, int o, int g);

    /// <summary>The exact number of quads <see cref="Match"/> would return.</summary>
    long Count(int s, int p, int o, int g);

    /// <summary>
    /// The ids of the dataset's named graphs (never the default graph), empty ones included: GRAPH ?g ranges over
    /// them, so GRAPH ?g {} lists a graph made by CREATE GRAPH (SPARQL 1.1 Query §18.6: eval(D(G), Graph(?g, P)) is a
    /// union over the dataset's named graphs, and an empty group has one solution in every graph, as in Jena).
    /// </summary>
    IEnumerable<int> NamedGraphs();

    /// <summary>
    /// The order <see cref="Match"/> yields its quads in for this pattern (bound positions first, so a merge join can
    /// rely on the next unbound position ascending), or null when a source makes no promise.
    /// </summary>
    QuadOrder? SortOrderOf(int s, int p, int o, int g) => null;
}
