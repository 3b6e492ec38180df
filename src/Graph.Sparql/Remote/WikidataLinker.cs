using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>What <see cref="WikidataLinker.Link"/> found and fetched.</summary>
public sealed record LinkResult(
    IReadOnlyList<Quad> Added,
    int Entities,
    int Items,
    int ItemsWithFacts,
    int Requests,
    int FromCache,
    DateTimeOffset? Retrieved);

/// <summary>
/// Enrichment from Wikidata: for the local entities that are owl:sameAs a Wikidata item, fetches the item's labels
/// (Arabic, English), coordinates (P625), country (P17), population (P1082) and inception (P571) from a SPARQL
/// endpoint, and returns them as quads in a named graph whose provenance (endpoint, retrieval time) is stated in
/// the default graph. Terms are copied as the endpoint gives them; nothing is converted or guessed.
/// </summary>
public sealed class WikidataLinker(SparqlHttpClient client)
{
    public const string EntityNs = "http://www.wikidata.org/entity/";
    public const string DirectNs = "http://www.wikidata.org/prop/direct/";
    public const string ProvNs = "http://www.w3.org/ns/prov#";
    public const string DctermsNs = "http://purl.org/dc/terms/";

    /// <summary>The facts fetched: P625 coordinates, P17 country, P1082 population, P571 inception.</summary>
    public static readonly IReadOnlyList<string> Properties = [DirectNs + "P625", DirectNs + "P17", DirectNs + "P1082", DirectNs + "P571"];

    public static readonly IReadOnlyList<string> LabelLanguages = ["ar", "en"];

    /// <summary>Items per request: the VALUES list stays well inside a GET URL and the endpoint's limits.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>The named graph the fetched facts go into, one per endpoint so the provenance is per source.</summary>
    public static string GraphFor(string endpoint) =>
        "urn:kg:link:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)))[..16];

    /// <summary>The Wikidata item IRIs the graph links to with owl:sameAs, in sorted order, and how many local entities link.</summary>
    public static (List<string> Items, int Entities) LinkedItems(IEnumerable<Quad> quads)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        var entities = new HashSet<INode>();
        foreach (var q in quads)
        {
            if (q.Predicate.Value != Vocab.Owl.SameAs) continue;
            foreach (var (local, other) in new[] { (q.Subject, q.Object), (q.Object, q.Subject) })
                if (other is IriNode i && Normalise(i.Value) is string item && !(local is IriNode li && Normalise(li.Value) is not null))
                {
                    items.Add(item);
                    entities.Add(local);
                }
        }
        return ([.. items], entities.Count);
    }

    /// <summary>http(s)://www.wikidata.org/entity/Q123 or /wiki/Q123 → the canonical http://www.wikidata.org/entity/Q123.</summary>
    public static string? Normalise(string iri)
    {
        foreach (var prefix in new[] { "http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/", "http://www.wikidata.org/wiki/", "https://www.wikidata.org/wiki/" })
        {
            if (!iri.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var id = iri[prefix.Length..];
            if (id.Length >= 2 && id[0] == 'Q' && id.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0) return EntityNs + id;
        }
        return null;
    }

    public static string BuildQuery(IReadOnlyList<string> items)
    {
        var sb = new StringBuilder();
        sb.Append("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n");
        sb.Append("SELECT ?item ?p ?value WHERE {\n  VALUES ?item {");
        foreach (var i in items) sb.Append(' ').Append(NTriplesText.Iri(i));
        sb.Append(" }\n  {\n    ?item rdfs:label ?value . BIND(rdfs:label AS ?p)\n    FILTER(");
        sb.Append(string.Join(" || ", LabelLanguages.Select(l => "langMatches(lang(?value), \"" + l + "\")")));
        sb.Append(")\n  } UNION {\n    VALUES ?p {");
        foreach (var p in Properties) sb.Append(' ').Append(NTriplesText.Iri(p));
        sb.Append(" }\n    ?item ?p ?value .\n  }\n}");
        return sb.ToString();
    }

    public LinkResult Link(IEnumerable<Quad> quads, string endpoint, CancellationToken cancellation = default)
    {
        var (items, entities) = LinkedItems(quads);
        var graph = new IriNode(GraphFor(endpoint));
        var facts = new HashSet<Quad>();
        var withFacts = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;
        var cached = 0;
        DateTimeOffset? latest = null;
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            var batch = items.GetRange(start, Math.Min(BatchSize, items.Count - start));
            var answer = client.Query(endpoint, BuildQuery(batch), cancellation);
            requests++;
            if (answer.FromCache) cached++;
            if (latest is null || answer.Retrieved > latest) latest = answer.Retrieved;
            var rs = answer.Results ?? throw new RemoteEndpointException(endpoint, "expected SPARQL results for the link query, got a graph");
            int iItem = Index(rs.Variables, "item", endpoint), iP = Index(rs.Variables, "p", endpoint), iV = Index(rs.Variables, "value", endpoint);
            var asked = new HashSet<string>(batch, StringComparer.Ordinal);
            foreach (var row in rs.Rows)
            {
                if (row[iItem] is not IriNode item || row[iP] is not IriNode p || row[iV] is not INode v) continue;
                // Only what was asked: an endpoint that answers more (or other items) must not inject triples.
                if (!asked.Contains(item.Value) || !(p.Value == Vocab.Rdfs.Label || Properties.Contains(p.Value))) continue;
                if (v is BlankNode or TripleNode) continue;
                facts.Add(new Quad(item, p, v, graph));
                withFacts.Add(item.Value);
            }
        }
        var added = new List<Quad>(facts);
        if (latest is DateTimeOffset when)
        {
            added.Add(new Quad(graph, new IriNode(Vocab.Rdf.Type), new IriNode(ProvNs + "Entity")));
            added.Add(new Quad(graph, new IriNode(ProvNs + "wasDerivedFrom"), new IriNode(endpoint)));
            added.Add(new Quad(graph, new IriNode(ProvNs + "generatedAtTime"),
                LiteralNode.Typed(when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Vocab.Xsd.DateTime)));
            added.Add(new Quad(graph, new IriNode(DctermsNs + "source"), new IriNode(endpoint)));
        }
        return new LinkResult(added, entities, items.Count, withFacts.Count, requests, cached, latest);
    }

    private static int Index(IReadOnlyList<string> vars, string name, string endpoint)
    {
        for (var i = 0; i < vars.Count; i++) if (vars[i] == name) return i;
        throw new RemoteEndpointException(endpoint, "the link query's answer has no ?" + name + " column");
    }
}
