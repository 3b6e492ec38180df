using Graph.Rdf;
using Graph.Server.Engine;
using Graph.Server.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Graph.Server.Http;

/// <summary>
/// SPARQL 1.1 Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/), indirect graph
/// identification: /store?default or /store?graph=IRI. Without either, GET returns and POST adds to the whole dataset.
/// </summary>
internal static class GraphStoreEndpoints
{
    public static void Map(WebApplication app, EndpointContext c)
    {
        app.MapMethods("/store", [HttpMethods.Get, HttpMethods.Head], ctx => Get(ctx, c));
        app.MapMethods("/store", [HttpMethods.Put, HttpMethods.Post], ctx => Put(ctx, c, replace: HttpMethods.IsPut(ctx.Request.Method)));
        app.MapMethods("/store", [HttpMethods.Delete], ctx => Delete(ctx, c));
    }

    /// <summary>Which graph the request names: (false, _) for the whole dataset, (true, null) for the default graph.</summary>
    private static (bool Named, INode? Graph) Target(HttpRequest request)
    {
        var hasDefault = request.Query.ContainsKey("default");
        var graphs = request.Query["graph"];
        if (hasDefault && graphs.Count > 0) throw Bad("give either ?default or ?graph=IRI, not both");
        if (graphs.Count > 1) throw Bad("give ?graph once");
        if (hasDefault) return (true, null);
        if (graphs.Count == 0) return (false, null);
        var iri = graphs[0] ?? "";
        if (iri.Length == 0) throw Bad("?graph needs an IRI");
        var requestUri = request.Scheme + "://" + request.Host + request.PathBase + request.Path;
        return (true, new IriNode(Iri.IsAbsolute(iri) ? iri : Iri.Resolve(requestUri, iri)));
    }

    private static HttpErrorException Bad(string message) => new(new HttpError(StatusCodes.Status400BadRequest, message));

    private static HttpErrorException NotFound(INode? graph) => new(new HttpError(StatusCodes.Status404NotFound, $"there is no graph {graph}"));

    private static async Task Get(HttpContext ctx, EndpointContext c)
    {
        var (named, graph) = Target(ctx.Request);
        await using var buffer = new FileBufferingWriteStream();
        RdfSyntax syntax;
        if (!named)
        {
            syntax = Negotiation.ChooseRdf(ctx.Request, RdfSyntaxes.DatasetWriters)
                ?? throw new HttpErrorException(Negotiation.NotAcceptable(RdfSyntaxes.DatasetWriters.Select(s => s.MediaType)));
            c.Gate.Read(ds => { RdfSyntaxes.WriteQuads(syntax, buffer, ds.AllQuads(), new NamespaceMap()); return 0; });
        }
        else
        {
            syntax = Negotiation.ChooseRdf(ctx.Request, RdfSyntaxes.GraphWriters)
                ?? throw new HttpErrorException(Negotiation.NotAcceptable(RdfSyntaxes.GraphWriters.Select(s => s.MediaType)));
            var found = c.Gate.Read(ds =>
            {
                // An existing empty graph is an empty document; only a graph that does not exist is 404.
                if (!ds.GraphExists(graph)) return false;
                RdfSyntaxes.WriteTriples(syntax, buffer, ds.GraphQuads(graph).Select(q => q.Triple), new NamespaceMap());
                return true;
            });
            if (!found) throw NotFound(graph);
        }
        ctx.Response.ContentType = syntax.MediaType + "; charset=utf-8";
        ctx.Response.Headers.Vary = "Accept";
        ctx.Response.ContentLength = buffer.Length;
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await buffer.DrainBufferAsync(ctx.Response.Body, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Put(HttpContext ctx, EndpointContext c, bool replace)
    {
        if (c.Auth.Check(ctx.Request) is { } denied) throw new HttpErrorException(denied);
        var (named, graph) = Target(ctx.Request);
        if (!named && replace) throw Bad("PUT needs ?default or ?graph=IRI");
        var syntax = RdfSyntaxes.ReaderFor(ctx.Request.ContentType)
            ?? throw new HttpErrorException(new HttpError(StatusCodes.Status415UnsupportedMediaType,
                $"cannot read '{MediaTypes.Essence(ctx.Request.ContentType)}'; send one of {string.Join(", ", RdfSyntaxes.Readers.Select(s => s.MediaType))}"));

        // Read the whole body before taking the lock: a slow client must not hold up everybody else.
        var sink = new RelabellingSink();
        await using (var body = new FileBufferingReadStream(ctx.Request.Body, 1 << 20))
        {
            await body.DrainAsync(ctx.RequestAborted).ConfigureAwait(false);
            body.Seek(0, SeekOrigin.Begin);
            var baseIri = graph is IriNode g ? g.Value : ctx.Request.Scheme + "://" + ctx.Request.Host + ctx.Request.PathBase + ctx.Request.Path;
            RdfSyntaxes.Read(syntax, body, baseIri, sink, "request body");
        }

        if (named && sink.Quads.Any(q => q.Graph is not null))
            throw Bad("the body names graphs of its own; send a single graph's triples to ?default or ?graph=IRI, or POST a dataset to /store");
        var changes = new ChangeSet();
        if (replace) changes.Add(Change.Clear(graph));
        foreach (var q in sink.Quads) changes.Add(Change.Add(named ? new Quad(q.Triple, graph) : q));
        // PUT or POST of an empty body to a new graph still creates it (an empty graph that then exists).
        if (named && graph is not null && (replace || sink.Quads.Count == 0)) changes.Add(Change.CreateGraph(graph));
        var created = c.Gate.Write(ds =>
        {
            var existed = !named || ds.GraphExists(graph);
            ds.Apply(changes);
            return !existed;
        });
        ctx.Response.StatusCode = created ? StatusCodes.Status201Created : StatusCodes.Status204NoContent;
    }

    private static Task Delete(HttpContext ctx, EndpointContext c)
    {
        if (c.Auth.Check(ctx.Request) is { } denied) throw new HttpErrorException(denied);
        var (named, graph) = Target(ctx.Request);
        if (!named) throw Bad("DELETE needs ?default or ?graph=IRI");
        var found = c.Gate.Write(ds =>
        {
            if (!ds.GraphExists(graph)) return false;
            // DELETE removes a named graph (a later GET is 404); the default graph always exists, so it is emptied.
            ds.Apply(new ChangeSet().Add(graph is null ? Change.Clear(null) : Change.DropGraph(graph)));
            return true;
        });
        if (!found) throw NotFound(graph);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Collects uploaded quads giving their blank nodes labels no other upload (in this or any later process) shares,
/// so `_:b1` of two uploads are two nodes, as RDF requires, even after a restart from the journal.
/// </summary>
internal sealed class RelabellingSink : IRdfSink
{
    private readonly string _prefix = "u" + Guid.NewGuid().ToString("N")[..16] + "x";
    private readonly Dictionary<string, BlankNode> _map = new(StringComparer.Ordinal);

    public List<Quad> Quads { get; } = [];

    public void Quad(in Quad quad) =>
        Quads.Add(new Quad(Map(quad.Subject), quad.Predicate, Map(quad.Object), quad.Graph is null ? null : Map(quad.Graph)));

    private INode Map(INode n) => n switch
    {
        BlankNode b => _map.TryGetValue(b.Label, out var m) ? m : _map[b.Label] = new BlankNode(_prefix + b.Label),
        TripleNode t => new TripleNode(new Triple(Map(t.Triple.Subject), t.Triple.Predicate, Map(t.Triple.Object))),
        _ => n,
    };
}
