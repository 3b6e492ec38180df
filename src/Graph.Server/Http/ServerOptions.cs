using Graph.Server.Engine;

namespace Graph.Server.Http;

/// <summary>How `kg serve` listens and what it allows.</summary>
public sealed record ServerOptions
{
    /// <summary>Above any real query upload, below the sizes that hurt a small machine; `--max-body` raises it for bulk loads.</summary>
    public const long DefaultMaxBodyBytes = 64L << 20;

    public const long DefaultResultCap = 1_000_000;

    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Loopback unless the operator says otherwise: the endpoint is not exposed by accident.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); the chosen address is in <see cref="SparqlServer.Address"/>.</summary>
    public int Port { get; init; } = 7878;

    /// <summary>When null the server is read-only; otherwise updates need `Authorization: Bearer TOKEN`.</summary>
    public string? UpdateToken { get; init; }

    public TimeSpan QueryTimeout { get; init; } = DefaultQueryTimeout;

    /// <summary>The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) one response carries.</summary>
    public long ResultCap { get; init; } = DefaultResultCap;

    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public HostAllowList OutboundHosts { get; init; } = HostAllowList.None;

    public static readonly TimeSpan DefaultServiceTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long one federated SERVICE call may take (`--service-timeout`); below the query timeout so the error names the endpoint.</summary>
    public TimeSpan ServiceTimeout { get; init; } = DefaultServiceTimeout;

    /// <summary>Where problems are reported (never to clients: they get a short message).</summary>
    public Action<string> Log { get; init; } = _ => { };
}
