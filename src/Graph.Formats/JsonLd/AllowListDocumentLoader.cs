namespace Graph.Formats.JsonLd;

/// <summary>
/// Loads http(s) documents only from hosts on an allow-list, falling back to another loader (local files) for
/// everything else. Nothing is fetched from a host that is not listed.
/// </summary>
public sealed class AllowListDocumentLoader(IEnumerable<string> allowedHosts, IDocumentLoader fallback, HttpClient? client = null) : IDocumentLoader
{
    private readonly HashSet<string> _hosts = new(allowedHosts, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RemoteDocument> _cache = new(StringComparer.Ordinal);

    public RemoteDocument Load(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            return fallback.Load(url);
        if (!_hosts.Contains(uri.Host))
            throw new JsonLdException("loading document failed", $"{url}: the host {uri.Host} is not on the allow-list.");
        if (_cache.TryGetValue(url, out var cached)) return cached;
        var http = client ?? s_client.Value;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/ld+json, application/json");
            using var response = http.Send(request);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var doc = new RemoteDocument(response.RequestMessage?.RequestUri?.AbsoluteUri ?? url, JsonLdJson.Parse(reader.ReadToEnd(), url, 512));
            _cache[url] = doc;
            return doc;
        }
        catch (HttpRequestException ex)
        {
            throw new JsonLdException("loading document failed", $"{url}: {ex.Message}", inner: ex);
        }
    }

    private static readonly Lazy<HttpClient> s_client = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
}
