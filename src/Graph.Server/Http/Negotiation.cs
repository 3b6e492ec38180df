using Graph.Server.Formats;
using Microsoft.AspNetCore.Http;

namespace Graph.Server.Http;

/// <summary>Picks the response format from `?format=` (for links and downloads) or else the Accept header.</summary>
internal static class Negotiation
{
    public sealed record ResultFormat(string Name, string MediaType, string[] Aliases, string Extension);

    public static readonly ResultFormat Json = new("json", "application/sparql-results+json", ["application/json"], "srj");
    public static readonly ResultFormat Xml = new("xml", "application/sparql-results+xml", ["application/xml", "text/xml"], "srx");
    public static readonly ResultFormat Csv = new("csv", "text/csv", [], "csv");
    public static readonly ResultFormat Tsv = new("tsv", "text/tab-separated-values", [], "tsv");

    public static IReadOnlyList<ResultFormat> ResultFormats { get; } = [Json, Xml, Csv, Tsv];

    private static readonly Dictionary<string, string> s_shortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = Json.MediaType, ["srj"] = Json.MediaType, ["xml"] = Xml.MediaType, ["srx"] = Xml.MediaType,
        ["csv"] = Csv.MediaType, ["tsv"] = Tsv.MediaType,
        ["ttl"] = "text/turtle", ["turtle"] = "text/turtle",
        ["nt"] = "application/n-triples", ["ntriples"] = "application/n-triples",
        ["trig"] = "application/trig", ["nq"] = "application/n-quads", ["nquads"] = "application/n-quads",
        ["jsonld"] = "application/ld+json", ["rdfxml"] = "application/rdf+xml", ["rdf"] = "application/rdf+xml",
    };

    /// <summary>The effective Accept value: `format=csv` stands for `Accept: text/csv`.</summary>
    public static string? AcceptOf(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        if (format.Length == 0) return request.Headers.Accept.ToString();
        if (s_shortNames.TryGetValue(format, out var mt)) return mt;
        return format.Contains('/') ? format : throw new HttpErrorException(new HttpError(StatusCodes.Status400BadRequest, $"unknown format '{format}'"));
    }

    public static ResultFormat? ChooseResults(HttpRequest request)
    {
        var i = MediaTypes.Choose(AcceptOf(request), ResultFormats.Select(f => (IReadOnlyList<string>)[f.MediaType, .. f.Aliases]).ToList());
        return i < 0 ? null : ResultFormats[i];
    }

    public static RdfSyntax? ChooseRdf(HttpRequest request, IReadOnlyList<RdfSyntax> offers)
    {
        var i = MediaTypes.Choose(AcceptOf(request), offers.Select(s => (IReadOnlyList<string>)[s.MediaType, .. s.Aliases]).ToList());
        return i < 0 ? null : offers[i];
    }

    public static HttpError NotAcceptable(IEnumerable<string> offered) =>
        new(StatusCodes.Status406NotAcceptable, "none of the accepted media types can be produced; available: " + string.Join(", ", offered));
}
