namespace Graph.Sparql.Remote;

/// <summary>How kg talks to remote SPARQL endpoints.</summary>
public sealed class SparqlClientOptions
{
    /// <summary>Per request, including reading the answer. Virtuoso 7.2.5 never times out on its side.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The endpoints that may be called. Empty by default: every call is refused until allowed.</summary>
    public EndpointAllowList AllowList { get; init; } = new();

    /// <summary>Where answers are kept, or null for no cache.</summary>
    public ResponseCache? Cache { get; init; }

    /// <summary>Answer from the cache only; a query that is not cached fails instead of going to the network.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// Queries whose URL would be longer than this go as a form POST (application/x-www-form-urlencoded). Never a
    /// direct application/sparql-query POST: Virtuoso 7.2.5 hangs on it.
    /// </summary>
    public int MaxGetUrlLength { get; init; } = 2000;

    /// <summary>Sent as User-Agent; public endpoints (Wikidata) ask clients to name themselves.</summary>
    public string UserAgent { get; init; } = "kg/1.0 (knowledge-graph toolkit; SPARQL 1.1 Protocol client)";

    /// <summary>Credentials for endpoints that need them (digest or bearer); null for anonymous.</summary>
    public RemoteCredentials? Credentials { get; init; }

    /// <summary>Replaces the network (tests serve endpoints in-process); null uses sockets.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
