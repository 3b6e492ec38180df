using Graph.Rdf;

namespace Graph.Server.Engine;

/// <summary>
/// What the server needs from a SPARQL engine, and nothing more, so the HTTP layer does not depend on how the
/// engine is built. The adapter for Graph.Sparql implements it; tests use doubles.
/// </summary>
public interface ISparqlEngine
{
    /// <summary>Evaluates a query against <paramref name="dataset"/>. Rows may be produced lazily; the caller enumerates them under the same read lock.</summary>
    /// <exception cref="SparqlRequestException">The query is malformed, refused or too costly.</exception>
    QueryOutcome Query(string query, IServerDataset dataset, RequestOptions options, CancellationToken cancellation);

    /// <summary>
    /// Runs an update request on <paramref name="dataset"/> through <see cref="IServerDataset.Transact"/>: evaluated
    /// once, its net change journalled (durable mode) and applied all or nothing. Returns that change. The caller
    /// holds the writer's turn.
    /// </summary>
    /// <exception cref="SparqlRequestException">The update is malformed, refused (e.g. LOAD from a host not allowed) or too costly.</exception>
    ChangeSet Update(string update, IServerDataset dataset, RequestOptions options, CancellationToken cancellation);

    /// <summary>True when <see cref="Update"/> is implemented (the service description advertises it).</summary>
    bool SupportsUpdate { get; }
}

/// <summary>The per-request dataset description (SPARQL 1.1 Protocol §2.1.4, §2.2.3) and the limits the engine must honour.</summary>
public sealed record RequestOptions
{
    /// <summary>default-graph-uri (query) or using-graph-uri (update) parameters.</summary>
    public IReadOnlyList<string> DefaultGraphUris { get; init; } = [];

    /// <summary>named-graph-uri (query) or using-named-graph-uri (update) parameters.</summary>
    public IReadOnlyList<string> NamedGraphUris { get; init; } = [];

    /// <summary>The base IRI relative IRIs in the request resolve against.</summary>
    public string? BaseIri { get; init; }

    /// <summary>Hosts SERVICE and LOAD may reach; everything else is refused (no server-side request forgery).</summary>
    public HostAllowList OutboundHosts { get; init; } = HostAllowList.None;

    /// <summary>How long one SERVICE call may take before it fails with a clear error.</summary>
    public TimeSpan ServiceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most rows (or triples) a query may return.</summary>
    public long ResultCap { get; init; } = long.MaxValue;
}

/// <summary>Why a request failed, in the words the client sees; <see cref="Kind"/> picks the HTTP status.</summary>
public sealed class SparqlRequestException(SparqlErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public SparqlErrorKind Kind { get; } = kind;
}

public enum SparqlErrorKind
{
    /// <summary>400: the query or update is malformed, or the request is inconsistent.</summary>
    BadRequest,
    /// <summary>403: a forbidden operation, e.g. SERVICE or LOAD to a host not on the allow-list.</summary>
    Forbidden,
    /// <summary>503: the query ran out of time or produced more than the server returns.</summary>
    TooCostly,
    /// <summary>501: this build cannot do it (e.g. no query engine yet).</summary>
    NotImplemented,
    /// <summary>502: a remote endpoint the request needed (SERVICE) failed, timed out or answered something unreadable.</summary>
    RemoteFailed,
}
