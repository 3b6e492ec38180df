namespace Graph.Sparql.Evaluation;

/// <summary>How a query is run.</summary>
public sealed class QueryOptions
{
    /// <summary>When false the algebra is run as written: no join reordering, no filter pushing, no constant folding.</summary>
    public bool Optimise { get; init; } = true;

    public CancellationToken Cancellation { get; init; }

    /// <summary>Wall-clock limit; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The most solution values (rows × variables) sorts, hash tables and groups may hold at once.</summary>
    public long MaxMaterialisedValues { get; init; } = 200_000_000;

    /// <summary>Count rows per operator for --explain.</summary>
    public bool CountRows { get; init; }

    /// <summary>The default graph is the union of all graphs (kg query --union-default-graph).</summary>
    public bool UnionDefaultGraph { get; init; }

    /// <summary>NOW() for the whole query; the current time when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Resolves FROM / FROM NAMED IRIs that the store does not hold (the CLI loads file: IRIs); null to ignore.</summary>
    public Func<Graph.Rdf.IriNode, bool>? EnsureGraph { get; init; }

    /// <summary>Evaluates SERVICE patterns (federation); null keeps SERVICE unsupported (SILENT gives the unit solution).</summary>
    public Graph.Sparql.Remote.IServiceHandler? Services { get; init; }
}
