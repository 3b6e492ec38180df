using Graph.Rdf;
using Graph.Server.Formats;
using Microsoft.AspNetCore.Http;

namespace Graph.Server.Http;

/// <summary>
/// The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) sent for a GET of
/// the endpoint without a query: what the endpoint speaks, whether it takes updates, and the dataset it serves
/// (its default graph and every named graph, empty ones included: the store records empty graphs, sd:EmptyGraphs).
/// </summary>
internal static class ServiceDescription
{
    private const string Sd = "http://www.w3.org/ns/sparql-service-description#";
    private const string Formats = "http://www.w3.org/ns/formats/";

    public static List<Triple> Build(string endpoint, bool updates, IEnumerable<INode> namedGraphs)
    {
        var service = new BlankNode("service");
        var dataset = new BlankNode("dataset");
        var defaultGraph = new BlankNode("defaultGraph");
        IriNode P(string local) => new(Sd + local);
        var type = Vocab.Rdf.TypeNode;
        var list = new List<Triple>
        {
            new(service, type, new IriNode(Sd + "Service")),
            new(service, P("endpoint"), new IriNode(endpoint)),
            new(service, P("supportedLanguage"), new IriNode(Sd + "SPARQL11Query")),
        };
        if (updates) list.Add(new(service, P("supportedLanguage"), new IriNode(Sd + "SPARQL11Update")));
        list.Add(new(service, P("feature"), new IriNode(Sd + "EmptyGraphs")));
        var rdf = new Dictionary<string, string>
        {
            ["text/turtle"] = "Turtle", ["application/n-triples"] = "N-Triples", ["application/trig"] = "TriG",
            ["application/n-quads"] = "N-Quads", ["application/ld+json"] = "JSON-LD", ["application/rdf+xml"] = "RDF_XML",
        };
        var names = new[] { "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV" }
            .Concat(RdfSyntaxes.GraphWriters.Select(s => rdf.GetValueOrDefault(s.MediaType)).OfType<string>());
        foreach (var f in names)
            list.Add(new(service, P("resultFormat"), new IriNode(Formats + f)));
        list.Add(new(service, P("defaultDataset"), dataset));
        list.Add(new(dataset, type, new IriNode(Sd + "Dataset")));
        list.Add(new(dataset, P("defaultGraph"), defaultGraph));
        list.Add(new(defaultGraph, type, new IriNode(Sd + "Graph")));
        var n = 0;
        foreach (var g in namedGraphs)
        {
            var entry = new BlankNode("named" + n++);
            list.Add(new(dataset, P("namedGraph"), entry));
            list.Add(new(entry, type, new IriNode(Sd + "NamedGraph")));
            list.Add(new(entry, P("name"), g));
        }
        return list;
    }

    public static async Task Write(HttpContext ctx, EndpointContext c)
    {
        var endpoint = new Uri(new Uri(ctx.Request.Scheme + "://" + ctx.Request.Host), ctx.Request.PathBase + ctx.Request.Path).AbsoluteUri;
        var triples = Build(endpoint, c.Options.UpdateToken is not null && c.Engine.SupportsUpdate, c.Gate.Read(ds => ds.GraphNames().ToList()));
        var ns = new NamespaceMap();
        ns.Add("sd", Sd);
        await AnswerWriter.Write(ctx, new Answer.Graph(triples, ns)).ConfigureAwait(false);
    }
}
