using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>
/// What a query's functions share while it runs: NOW() fixed for the whole query, the base IRI for IRI(),
/// the random source for RAND(), and the scoping of BNODE(label) (same label in one solution → same node).
/// </summary>
public sealed class FunctionContext
{
    private readonly Dictionary<(long, string), BlankNode> _bnodes = [];
    private long _currentSolution = long.MinValue;
    private readonly string _bnodePrefix;
    private long _bnodeCounter;

    /// <param name="now">NOW() for the whole query; the current time when null.</param>
    /// <param name="baseIri">The query's base IRI, for IRI()/URI() of relative strings.</param>
    /// <param name="seed">A seed for RAND(), for repeatable runs; random when null.</param>
    public FunctionContext(DateTimeOffset? now = null, string? baseIri = null, int? seed = null)
    {
        Now = now ?? DateTimeOffset.UtcNow;
        BaseIri = baseIri;
        Random = seed is int s ? new Random(s) : new Random();
        // A per-query prefix keeps BNODE() results apart from blank nodes of the data and of other queries.
        _bnodePrefix = "f" + Guid.NewGuid().ToString("N")[..8] + "_";
    }

    /// <summary>The instant NOW() returns, the same for every call in the query.</summary>
    public DateTimeOffset Now { get; }

    public string? BaseIri { get; }

    public Random Random { get; }

    /// <summary>BNODE(label): the same node for the same label within one solution, a different one in another solution.</summary>
    public BlankNode BNodeFor(string label, long solutionId)
    {
        // Solutions are evaluated one after another, so labels of earlier solutions can be forgotten.
        if (solutionId != _currentSolution)
        {
            _bnodes.Clear();
            _currentSolution = solutionId;
        }
        if (!_bnodes.TryGetValue((solutionId, label), out var node))
            _bnodes[(solutionId, label)] = node = FreshBNode();
        return node;
    }

    /// <summary>BNODE(): a blank node distinct from every other.</summary>
    public BlankNode FreshBNode() => new(_bnodePrefix + (++_bnodeCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The solution the evaluator is computing now; BNODE(label) through <see cref="Builtins.Call"/> uses it.</summary>
    public long SolutionId { get; set; }
}
