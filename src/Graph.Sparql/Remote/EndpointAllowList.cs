namespace Graph.Sparql.Remote;

/// <summary>
/// The endpoints kg may call. An entry is an endpoint IRI (allows exactly that IRI, ignoring a query string) or
/// "host" / "host:port" (allows any path there). A query text can name any IRI in SERVICE, so without this list
/// a shared query could make kg call out anywhere.
/// </summary>
public sealed class EndpointAllowList
{
    private readonly HashSet<string> _endpoints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public EndpointAllowList(IEnumerable<string>? entries = null)
    {
        foreach (var e in entries ?? []) Add(e);
    }

    /// <summary>True when every endpoint is allowed (the list was built with "*").</summary>
    public bool AllowsAll { get; private set; }

    public static EndpointAllowList Everything() => new(["*"]);

    public void Add(string entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry);
        entry = entry.Trim();
        if (entry == "*") AllowsAll = true;
        else if (entry.Contains("://", StringComparison.Ordinal)) _endpoints.Add(WithoutQuery(entry));
        else _hosts.Add(entry);
    }

    public bool IsAllowed(string endpoint)
    {
        if (AllowsAll) return true;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return false;
        return _endpoints.Contains(WithoutQuery(endpoint)) || _hosts.Contains(uri.Host) || _hosts.Contains(uri.Authority);
    }

    public override string ToString() => AllowsAll ? "*" : string.Join(", ", _endpoints.Concat(_hosts).Order(StringComparer.Ordinal));

    private static string WithoutQuery(string iri)
    {
        var q = iri.IndexOf('?');
        return q < 0 ? iri : iri[..q];
    }
}
