namespace Graph.Sparql.Update;

/// <summary>What an update request may reach beyond the store.</summary>
public sealed class UpdateOptions
{
    /// <summary>Hosts LOAD may fetch http(s) IRIs from (exact, case-insensitive). Empty: LOAD reads local file: IRIs only.</summary>
    public IReadOnlyCollection<string> AllowedLoadHosts { get; init; } = [];

    /// <summary>May LOAD read file: IRIs (true for the CLI; a server should say no).</summary>
    public bool AllowFileLoad { get; init; } = true;

    /// <summary>Options for the WHERE clauses (timeout, cancellation).</summary>
    public Evaluation.QueryOptions? Query { get; init; }
}
