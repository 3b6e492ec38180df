using Graph.Server.Engine;
using Graph.Server.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Graph.Server.Http;

/// <summary>SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/): query by GET and POST, update by POST.</summary>
internal static class ProtocolEndpoints
{
    private const string QueryType = "application/sparql-query";
    private const string UpdateType = "application/sparql-update";
    private const string FormType = "application/x-www-form-urlencoded";

    public static void Map(WebApplication app, EndpointContext c)
    {
        app.MapMethods("/sparql", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], ctx => Handle(ctx, c));
    }

    private sealed record Request(string? Query, string? Update, RequestOptions Options);

    private static async Task Handle(HttpContext ctx, EndpointContext c)
    {
        var req = await ReadRequest(ctx, c).ConfigureAwait(false);
        if (req.Query is not null) await RunQuery(ctx, c, req).ConfigureAwait(false);
        else if (req.Update is not null) await RunUpdate(ctx, c, req).ConfigureAwait(false);
        else if (!HttpMethods.IsPost(ctx.Request.Method)) await ServiceDescription.Write(ctx, c).ConfigureAwait(false);
        else throw Bad("the request has neither a 'query' nor an 'update'");
    }

    private static async Task<Request> ReadRequest(HttpContext ctx, EndpointContext c)
    {
        var http = ctx.Request;
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (k, v) in http.Query) fields[k] = v;
        string? query = null, update = null;
        if (HttpMethods.IsPost(http.Method))
        {
            var type = MediaTypes.Essence(http.ContentType);
            switch (type)
            {
                case FormType:
                    var form = await http.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
                    foreach (var (k, v) in form) fields[k] = fields.TryGetValue(k, out var prev) ? StringValues.Concat(prev, v) : v;
                    break;
                case QueryType:
                    query = await ReadBody(http, ctx.RequestAborted).ConfigureAwait(false);
                    break;
                case UpdateType:
                    update = await ReadBody(http, ctx.RequestAborted).ConfigureAwait(false);
                    break;
                default:
                    throw new HttpErrorException(new HttpError(StatusCodes.Status415UnsupportedMediaType,
                        $"POST to the SPARQL endpoint takes {FormType}, {QueryType} or {UpdateType}, not '{type}'"));
            }
        }
        query ??= Single(fields, "query");
        update ??= Single(fields, "update");
        if (query is not null && update is not null) throw Bad("a request carries a query or an update, not both");
        if (update is not null && !HttpMethods.IsPost(http.Method)) throw Bad("updates must be sent with POST");
        if (query is not null && (fields.ContainsKey("using-graph-uri") || fields.ContainsKey("using-named-graph-uri")))
            throw Bad("using-graph-uri and using-named-graph-uri go with updates; queries take default-graph-uri and named-graph-uri");
        if (update is not null && (fields.ContainsKey("default-graph-uri") || fields.ContainsKey("named-graph-uri")))
            throw Bad("default-graph-uri and named-graph-uri go with queries; updates take using-graph-uri and using-named-graph-uri");
        var options = new RequestOptions
        {
            DefaultGraphUris = Iris(fields, update is null ? "default-graph-uri" : "using-graph-uri"),
            NamedGraphUris = Iris(fields, update is null ? "named-graph-uri" : "using-named-graph-uri"),
            BaseIri = new Uri(new Uri(http.Scheme + "://" + http.Host), http.PathBase + http.Path).AbsoluteUri,
            OutboundHosts = c.Options.OutboundHosts,
            ServiceTimeout = c.Options.ServiceTimeout,
            ResultCap = c.Options.ResultCap,
        };
        return new Request(query, update, options);
    }

    private static async Task<string> ReadBody(HttpRequest http, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body, new System.Text.UTF8Encoding(false, true), false, 1 << 16, leaveOpen: true);
        try
        {
            return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Bad("the request body is not valid UTF-8");
        }
    }

    private static string? Single(Dictionary<string, StringValues> fields, string name)
    {
        if (!fields.TryGetValue(name, out var v)) return null;
        if (v.Count != 1) throw Bad($"'{name}' must be given exactly once");
        return v[0];
    }

    private static List<string> Iris(Dictionary<string, StringValues> fields, string name)
    {
        if (!fields.TryGetValue(name, out var values)) return [];
        var list = new List<string>();
        foreach (var v in values)
        {
            if (v is null || !Graph.Rdf.Iri.IsAbsolute(v)) throw Bad($"{name} must be an absolute IRI, not '{v}'");
            list.Add(v);
        }
        return list;
    }

    private static HttpErrorException Bad(string message) => new(new HttpError(StatusCodes.Status400BadRequest, message));

    private static async Task RunQuery(HttpContext ctx, EndpointContext c, Request req)
    {
        using var timeout = new CancellationTokenSource(c.Options.QueryTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ctx.RequestAborted);
        Answer answer;
        try
        {
            answer = c.Gate.Read(ds => Answer.Materialise(c.Engine.Query(req.Query!, ds, req.Options, linked.Token), c.Options.ResultCap, linked.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ctx.RequestAborted.IsCancellationRequested)
        {
            throw new SparqlRequestException(SparqlErrorKind.TooCostly, $"the query did not finish within {c.Options.QueryTimeout.TotalSeconds:0.###} s, this server's limit");
        }
        await AnswerWriter.Write(ctx, answer).ConfigureAwait(false);
    }

    private static async Task RunUpdate(HttpContext ctx, EndpointContext c, Request req)
    {
        if (c.Auth.Check(ctx.Request) is { } denied) throw new HttpErrorException(denied);
        if (!c.Engine.SupportsUpdate) throw new HttpErrorException(new HttpError(StatusCodes.Status501NotImplemented, "SPARQL Update is not available in this build"));
        using var timeout = new CancellationTokenSource(c.Options.QueryTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ctx.RequestAborted);
        try
        {
            // The engine evaluates, journals and applies in one transaction; cancellation only reaches the evaluation.
            c.Gate.Write(ds => c.Engine.Update(req.Update!, ds, req.Options, linked.Token).Count);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ctx.RequestAborted.IsCancellationRequested)
        {
            throw new SparqlRequestException(SparqlErrorKind.TooCostly, $"the update did not finish within {c.Options.QueryTimeout.TotalSeconds:0.###} s, this server's limit; nothing was changed");
        }
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}

/// <summary>Sends a materialised answer in the negotiated format, buffered so a writer failure still yields a clean error.</summary>
internal static class AnswerWriter
{
    public static async Task Write(HttpContext ctx, Answer answer)
    {
        await using var buffer = new FileBufferingWriteStream();
        string contentType;
        switch (answer)
        {
            case Answer.Graph g:
            {
                var syntax = Negotiation.ChooseRdf(ctx.Request, RdfSyntaxes.GraphWriters)
                    ?? throw new HttpErrorException(Negotiation.NotAcceptable(RdfSyntaxes.GraphWriters.Select(s => s.MediaType)));
                RdfSyntaxes.WriteTriples(syntax, buffer, g.Triples, g.Namespaces);
                contentType = syntax.MediaType;
                break;
            }
            default:
            {
                var format = Negotiation.ChooseResults(ctx.Request)
                    ?? throw new HttpErrorException(Negotiation.NotAcceptable(Negotiation.ResultFormats.Select(f => f.MediaType)));
                var writer = Graph.Sparql.Results.ResultsFormats.Get(format.Name);
                if (answer is Answer.Table t) writer.WriteSolutions(buffer, t.Variables, t.Rows);
                else writer.WriteBoolean(buffer, ((Answer.Bool)answer).Value);
                contentType = format.MediaType;
                break;
            }
        }
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = contentType + "; charset=utf-8";
        ctx.Response.Headers.Vary = "Accept";
        ctx.Response.ContentLength = buffer.Length;
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await buffer.DrainBufferAsync(ctx.Response.Body, ctx.RequestAborted).ConfigureAwait(false);
    }
}
