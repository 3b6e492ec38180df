namespace Graph.Server.Engine;

/// <summary>The hosts federated SERVICE calls and LOAD may reach. Empty by default: the server makes no outbound request.</summary>
public sealed class HostAllowList
{
    private readonly HashSet<string> _hosts;

    public HostAllowList(IEnumerable<string> hosts) =>
        _hosts = new HashSet<string>(hosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0), StringComparer.Ordinal);

    public static HostAllowList None { get; } = new([]);

    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>True when <paramref name="iri"/> is an absolute http(s) IRI whose host is on the list (exact match, no suffix games).</summary>
    public bool Allows(string iri)
    {
        if (!Uri.TryCreate(iri, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (!string.IsNullOrEmpty(uri.UserInfo)) return false;
        return _hosts.Contains(uri.IdnHost.TrimEnd('.').ToLowerInvariant());
    }

    /// <summary>Throws the 403 the protocol layer reports when <paramref name="iri"/> is not allowed.</summary>
    public void Demand(string iri, string operation)
    {
        if (!Allows(iri))
            throw new SparqlRequestException(SparqlErrorKind.Forbidden, $"{operation} <{iri}> refused: the host is not on this server's allow-list");
    }
}
