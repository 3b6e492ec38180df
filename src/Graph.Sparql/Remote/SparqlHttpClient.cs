using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Remote;

/// <summary>
/// A SPARQL 1.1 Protocol client: queries go by GET, or by form POST when long (never a direct
/// application/sparql-query POST, which Virtuoso 7.2.5 never answers); answers are read as SPARQL JSON or XML
/// results, or as N-Triples/Turtle for CONSTRUCT and DESCRIBE. Every call is checked against the allow-list,
/// bounded by a timeout, and answered from / stored in the cache when one is configured.
/// </summary>
public sealed class SparqlHttpClient : IDisposable
{
    /// <summary>Results first (JSON, then XML); RDF syntaxes for graph answers.</summary>
    public const string DefaultAccept =
        "application/sparql-results+json, application/sparql-results+xml;q=0.9, application/n-triples;q=0.8, text/turtle;q=0.7";

    private readonly HttpClient _http;
    private readonly SparqlClientOptions _options;

    public SparqlHttpClient(SparqlClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var handler = options.Handler ?? RemoteCredentials.CreateHandler(options.Credentials);
        _http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    public SparqlClientOptions Options => _options;

    /// <summary>How many requests went to the network (not the cache), for tests and progress output.</summary>
    public int NetworkRequests { get; private set; }

    /// <summary>Runs a query and reads the answer. Throws <see cref="RemoteEndpointException"/> on any failure.</summary>
    public RemoteAnswer Query(string endpoint, string query, CancellationToken cancellation = default) =>
        QueryAsync(endpoint, query, cancellation).GetAwaiter().GetResult();

    /// <summary>A query against an explicit dataset: the protocol's default-graph-uri and named-graph-uri parameters.</summary>
    public RemoteAnswer Query(string endpoint, string query, IReadOnlyList<string> defaultGraphs, IReadOnlyList<string> namedGraphs, CancellationToken cancellation = default)
    {
        var ep = endpoint;
        foreach (var g in defaultGraphs) ep += (ep.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "default-graph-uri=" + Uri.EscapeDataString(g);
        foreach (var g in namedGraphs) ep += (ep.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "named-graph-uri=" + Uri.EscapeDataString(g);
        return Query(ep, query, cancellation);
    }

    /// <summary>A SELECT or ASK whose answer must be a result set.</summary>
    public SparqlResultSet Select(string endpoint, string query, CancellationToken cancellation = default) =>
        Query(endpoint, query, cancellation).Results ?? throw new RemoteEndpointException(endpoint, "expected SPARQL results, got an RDF graph");

    public async Task<RemoteAnswer> QueryAsync(string endpoint, string query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(query);
        if (!_options.AllowList.IsAllowed(endpoint))
            throw new RemoteEndpointException(endpoint, "not on the allow-list of endpoints kg may call (allowed: "
                + (_options.AllowList.ToString() is { Length: > 0 } a ? a : "none") + ")");
        var cache = _options.Cache;
        if (cache is not null && cache.TryGet(endpoint, query, out var hit))
            return Parse(endpoint, hit.ContentType, hit.Body, hit.Retrieved, fromCache: true);
        if (_options.Offline)
            throw new RemoteEndpointException(endpoint, "offline, and this query is not in the cache"
                + (cache is null ? " (no cache configured)" : " " + cache.Directory));

        var (contentType, body) = await FetchAsync(endpoint, query, cancellation).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var retrieved = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        // Parse before caching so an unreadable answer is never stored.
        var answer = Parse(endpoint, contentType, body, retrieved, fromCache: false);
        cache?.Put(new CachedResponse(endpoint, query, contentType, retrieved, body));
        return answer;
    }

    private async Task<(string ContentType, string Body)> FetchAsync(string endpoint, string query, CancellationToken cancellation)
    {
        using var request = BuildRequest(endpoint, query);
        _options.Credentials?.Apply(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_options.Timeout);
        NetworkRequests++;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var text = Decode(bytes, response.Content.Headers.ContentType);
            if (!response.IsSuccessStatusCode)
                throw new RemoteEndpointException(endpoint, "the query failed", (int)response.StatusCode, text);
            var ct = response.Content.Headers.ContentType?.MediaType ?? "";
            // Virtuoso reports the row cap only in a header; silently truncated data would look like a complete answer.
            if (response.Headers.TryGetValues("X-SPARQL-MaxRows", out var max))
                throw new RemoteEndpointException(endpoint, "the answer was truncated by the server at " + string.Join(",", max)
                    + " rows (raise ResultSetMaxRows, or page the query with LIMIT/OFFSET)");
            return (ct, text);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new RemoteEndpointException(endpoint, "no answer within " + _options.Timeout.TotalSeconds + " s (timeout)");
        }
        catch (HttpRequestException e)
        {
            throw new RemoteEndpointException(endpoint, "cannot reach the endpoint: " + e.Message, inner: e);
        }
    }

    private HttpRequestMessage BuildRequest(string endpoint, string query)
    {
        var encoded = Uri.EscapeDataString(query);
        var sep = endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        HttpRequestMessage request;
        if (endpoint.Length + encoded.Length + 7 <= _options.MaxGetUrlLength)
            request = new HttpRequestMessage(HttpMethod.Get, endpoint + sep + "query=" + encoded);
        else
        {
            // Protocol parameters already in the endpoint URL (default-graph-uri) move into the form with the query.
            var q = endpoint.IndexOf('?');
            var form = (q < 0 ? "" : endpoint[(q + 1)..] + "&") + "query=" + encoded;
            request = new HttpRequestMessage(HttpMethod.Post, q < 0 ? endpoint : endpoint[..q])
            {
                Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
        }
        request.Headers.Accept.ParseAdd(AnswersWithGraph(query) ? GraphAccept : DefaultAccept);
        return request;
    }

    /// <summary>For CONSTRUCT and DESCRIBE: some stores (Virtuoso) otherwise answer a graph as s/p/o "results".</summary>
    public const string GraphAccept = "application/n-triples, text/turtle;q=0.9";

    /// <summary>
    /// True for CONSTRUCT and DESCRIBE: the first query-form keyword after the prologue, once comments, IRIs and
    /// strings are blanked out (a prefix IRI or a comment may contain the word SELECT).
    /// </summary>
    public static bool AnswersWithGraph(string query)
    {
        var blanked = System.Text.RegularExpressions.Regex.Replace(query,
            "\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|<[^<>\"{}|^`\\\\\\s]*>|#[^\\n]*", " ");
        var m = System.Text.RegularExpressions.Regex.Match(blanked, "\\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m.Success && m.Groups[1].Value.ToUpperInvariant() is "CONSTRUCT" or "DESCRIBE";
    }

    private static string Decode(byte[] bytes, MediaTypeHeaderValue? type)
    {
        Encoding enc = new UTF8Encoding(false);
        if (type?.CharSet is { Length: > 0 } cs)
        {
            try { enc = Encoding.GetEncoding(cs.Trim('"')); }
            catch (ArgumentException) { }
        }
        return enc.GetString(bytes);
    }

    /// <summary>Reads an answer by its media type; unknown types are refused rather than guessed.</summary>
    internal static RemoteAnswer Parse(string endpoint, string contentType, string body, DateTimeOffset retrieved, bool fromCache)
    {
        var mt = contentType.Split(';')[0].Trim().ToLowerInvariant();
        try
        {
            switch (mt)
            {
                case "application/sparql-results+json":
                case "application/json":
                    using (var r = new StringReader(body))
                        return new RemoteAnswer(endpoint, retrieved, fromCache, JsonResultsReader.Read(r, endpoint), null);
                case "application/sparql-results+xml":
                case "application/xml":
                case "text/xml":
                    using (var s = new MemoryStream(Encoding.UTF8.GetBytes(body), writable: false))
                        return new RemoteAnswer(endpoint, retrieved, fromCache, XmlResultsReader.Read(s, endpoint), null);
            }
            var format = RdfFormats.FromMediaType(mt) ?? (mt == "text/plain" ? RdfFormats.Get(RdfFormat.NTriples) : null);
            if (format?.Reader is null)
                throw new RemoteEndpointException(endpoint, "answered with an unsupported media type '" + contentType + "'");
            var sink = new ListSink();
            using (var s = new MemoryStream(Encoding.UTF8.GetBytes(body), writable: false))
                RdfReader.Parse(s, format.Format, new RdfReadOptions(endpoint, endpoint), sink);
            return new RemoteAnswer(endpoint, retrieved, fromCache, null, sink.Quads.Select(q => q.Triple).ToList());
        }
        catch (RdfParseException e)
        {
            throw new RemoteEndpointException(endpoint, "unreadable answer: " + e.Describe(), inner: e);
        }
    }

    public void Dispose() => _http.Dispose();
}
