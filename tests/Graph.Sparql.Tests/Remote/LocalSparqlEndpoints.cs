using System.Net;
using System.Text;
using Graph.Rdf;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Remote;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;

namespace Graph.Sparql.Tests.Remote;

/// <summary>
/// SPARQL endpoints served in-process by kg's own engine over given data, for the HTTP client: each endpoint IRI maps
/// to a store; any other host is unreachable. Answers are SPARQL XML results, as a real endpoint sends them.
/// </summary>
internal sealed class LocalSparqlEndpoints : HttpMessageHandler
{
    private readonly Dictionary<string, QuadStore> _stores = new(StringComparer.Ordinal);

    public List<string> Queries { get; } = [];

    public void Add(string endpoint, QuadStore store) => _stores[endpoint] = store;

    /// <summary>A federating client that reaches these endpoints (and only those the allow-list names).</summary>
    public ServiceExecutor Executor(EndpointAllowList allow, int batch = 50) =>
        new(new SparqlHttpClient(new SparqlClientOptions { Handler = this, AllowList = allow })) { BatchSize = batch };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var endpoint = uri.GetLeftPart(UriPartial.Path);
        if (!_stores.TryGetValue(endpoint, out var store))
            throw new HttpRequestException("no such host: " + uri.Host);
        var form = request.Method == HttpMethod.Post ? request.Content!.ReadAsStringAsync(cancellationToken).Result : uri.Query.TrimStart('?');
        var text = form.Split('&').Where(p => p.StartsWith("query=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p[6..].Replace('+', ' '))).Single();
        lock (Queries) Queries.Add(text);
        HttpResponseMessage response;
        try
        {
            var query = QueryParser.Parse(text, endpoint, null);
            // The endpoint federates too (nested SERVICE), through the same in-process network.
            var options = new QueryOptions { Services = Executor(EndpointAllowList.Everything()) };
            var result = QueryEngine.Execute(query, store.Snapshot(), options);
            var ms = new MemoryStream();
            var writer = new XmlResultsWriter();
            if (result.Form == Graph.Sparql.Algebra.QueryForm.Ask) writer.WriteBoolean(ms, result.Boolean);
            else writer.WriteSolutions(ms, result.Variables, result.Rows.ToList());
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(ms.ToArray()) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/sparql-results+xml");
        }
        catch (RdfParseException e)
        {
            response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(e.Describe(), Encoding.UTF8, "text/plain") };
        }
        return Task.FromResult(response);
    }
}
