using Graph.Rdf;
using Graph.Store;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// Ids for one query: positive ids are the store's dictionary ids; terms the store does not hold (computed by
/// BIND, SELECT expressions, aggregates, constants of the query) get negative ids from a per-query extension.
/// A term has exactly one id either way, so id equality is RDF term equality everywhere in the evaluator.
/// </summary>
public sealed class TermTable(IQuadSource source)
{
    private readonly Dictionary<INode, int> _extIds = [];
    private readonly List<INode> _extTerms = [];

    public IQuadSource Source { get; } = source;

    public int Intern(INode node)
    {
        if (Source.TryGetId(node, out var id) && id > 0) return id;
        if (_extIds.TryGetValue(node, out id)) return id;
        _extTerms.Add(node);
        id = -_extTerms.Count;
        _extIds[node] = id;
        return id;
    }

    /// <summary>The store id of a term, or 0 when the store does not hold it (such a term matches no quad).</summary>
    public int StoreId(INode node) => Source.TryGetId(node, out var id) ? id : 0;

    public INode Get(int id) => id > 0 ? Source.GetTerm(id) : _extTerms[-id - 1];

    public INode? GetOrNull(int id) => id == 0 ? null : Get(id);
}
