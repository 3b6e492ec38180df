using System.Net;
using System.Text;

namespace Graph.Sparql.Tests.Remote;

/// <summary>An in-process HTTP endpoint: records each request and answers with a delegate.</summary>
internal sealed class StubEndpoint(Func<StubRequest, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<StubRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var r = new StubRequest(request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, body,
            request.Headers.Authorization?.ToString(), request.Headers.Accept.ToString());
        lock (Requests) Requests.Add(r);
        var response = answer(r);
        if (response.StatusCode == HttpStatusCode.RequestTimeout) await Task.Delay(Timeout.Infinite, cancellationToken);
        return response;
    }

    public static HttpResponseMessage Text(string body, string mediaType, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>SPARQL JSON results with variables and rows of already-encoded JSON terms.</summary>
    public static HttpResponseMessage Json(string[] vars, params string[][] rows)
    {
        var sb = new StringBuilder("{\"head\":{\"vars\":[");
        sb.Append(string.Join(",", vars.Select(v => "\"" + v + "\"")));
        sb.Append("]},\"results\":{\"bindings\":[");
        sb.Append(string.Join(",", rows.Select(r => "{" + string.Join(",", r.Select((t, i) => t is null ? null : "\"" + vars[i] + "\":" + t).Where(x => x is not null)) + "}")));
        sb.Append("]}}");
        return Text(sb.ToString(), "application/sparql-results+json");
    }

    public static string Uri(string iri) => "{\"type\":\"uri\",\"value\":\"" + iri + "\"}";
}

internal sealed record StubRequest(string Method, Uri Uri, string? ContentType, string? Body, string? Authorization, string Accept)
{
    /// <summary>The query text, whether it came in the URL or in a form body.</summary>
    public string? Query
    {
        get
        {
            var q = Uri.Query.TrimStart('?');
            if (ContentType == "application/x-www-form-urlencoded" && Body is not null) q = Body;
            foreach (var part in q.Split('&'))
                if (part.StartsWith("query=", StringComparison.Ordinal)) return System.Uri.UnescapeDataString(part[6..].Replace('+', ' '));
            return null;
        }
    }
}
