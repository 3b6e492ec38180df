using System.Text;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>
/// A SPARQL 1.1 Graph Store Protocol client (indirect graph identification: ENDPOINT?graph=IRI). Bodies go as
/// N-Triples. A POST that fails with a transaction deadlock (Virtuoso SR172, SQLSTATE 40001) is retried, since
/// the server rolled it back.
/// </summary>
public sealed class GraphStoreClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RemoteCredentials? _credentials;

    public GraphStoreClient(string endpoint, RemoteCredentials? credentials = null, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException("a Graph Store endpoint must be an http(s) URL: " + endpoint, nameof(endpoint));
        Endpoint = endpoint;
        _credentials = credentials;
        Timeout = timeout ?? TimeSpan.FromMinutes(10);
        _http = new HttpClient(handler ?? RemoteCredentials.CreateHandler(credentials), disposeHandler: handler is null)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("kg/1.0 (Graph Store Protocol client)");
    }

    public string Endpoint { get; }

    public TimeSpan Timeout { get; }

    /// <summary>How often a deadlocked request is tried again before giving up.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first retry waits this long; each next one twice as long.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries done so far (deadlocks the server reported).</summary>
    public int Retries { get; private set; }

    public string GraphUrl(string graph) =>
        Endpoint + (Endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "graph=" + Uri.EscapeDataString(graph);

    /// <summary>Adds triples to the graph (GSP POST: merge).</summary>
    public void Post(string graph, string ntriples, CancellationToken cancellation = default) =>
        Send(HttpMethod.Post, graph, ntriples, cancellation);

    /// <summary>Replaces the graph's content (GSP PUT).</summary>
    public void Put(string graph, string ntriples, CancellationToken cancellation = default) =>
        Send(HttpMethod.Put, graph, ntriples, cancellation);

    /// <summary>Deletes the graph; false when it did not exist (404).</summary>
    public bool Delete(string graph, CancellationToken cancellation = default)
    {
        var (status, body) = Exchange(HttpMethod.Delete, graph, null, null, cancellation);
        if (status == 404) return false;
        if (status is < 200 or >= 300) throw new RemoteEndpointException(Endpoint, "DELETE of <" + graph + "> failed", status, body);
        return true;
    }

    /// <summary>The graph's triples (GSP GET as N-Triples); an empty list when the graph does not exist.</summary>
    public List<Triple> Get(string graph, CancellationToken cancellation = default)
    {
        var (status, body) = Exchange(HttpMethod.Get, graph, null, "application/n-triples", cancellation);
        if (status == 404) return [];
        if (status is < 200 or >= 300) throw new RemoteEndpointException(Endpoint, "GET of <" + graph + "> failed", status, body);
        var sink = new ListSink();
        try
        {
            RdfReader.ParseString(body, RdfFormat.NTriples, null, sink, Endpoint);
        }
        catch (RdfParseException e)
        {
            throw new RemoteEndpointException(Endpoint, "unreadable graph: " + e.Describe(), inner: e);
        }
        return sink.Quads.Select(q => q.Triple).ToList();
    }

    private void Send(HttpMethod method, string graph, string ntriples, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = Exchange(method, graph, ntriples, null, cancellation);
            if (status is >= 200 and < 300) return;
            if (IsDeadlock(status, body) && attempt < MaxRetries)
            {
                Retries++;
                Thread.Sleep(RetryDelay * (1 << attempt));
                continue;
            }
            throw new RemoteEndpointException(Endpoint, method.Method + " to <" + graph + "> failed", status, body);
        }
    }

    /// <summary>Virtuoso's "SR172: Transaction deadlocked" (SQLSTATE 40001): the transaction was rolled back, so retrying is safe.</summary>
    public static bool IsDeadlock(int status, string body) =>
        status >= 500 && (body.Contains("SR172", StringComparison.Ordinal) || body.Contains("40001", StringComparison.Ordinal));

    private (int Status, string Body) Exchange(HttpMethod method, string graph, string? ntriples, string? accept, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, GraphUrl(graph));
        if (ntriples is not null)
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ntriples))
            {
                Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/n-triples") { CharSet = "utf-8" } },
            };
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        _credentials?.Apply(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).GetAwaiter().GetResult();
            var text = response.Content.ReadAsStringAsync(timeout.Token).GetAwaiter().GetResult();
            return ((int)response.StatusCode, text);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new RemoteEndpointException(Endpoint, method.Method + " to <" + graph + ">: no answer within " + Timeout.TotalSeconds + " s (timeout)");
        }
        catch (HttpRequestException e)
        {
            throw new RemoteEndpointException(Endpoint, "cannot reach the endpoint: " + e.Message, inner: e);
        }
    }

    public void Dispose() => _http.Dispose();
}
