namespace Graph.Sparql.Results;

/// <summary>The results writers by short name, as the CLI's --results option and the server's content negotiation use them.</summary>
public static class ResultsFormats
{
    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "xml", "csv", "tsv", "table"];

    /// <summary>A writer for "json", "xml", "csv", "tsv" or "table" (case-insensitive).</summary>
    public static ISparqlResultsWriter Get(string name) => TryGet(name, out var w)
        ? w
        : throw new ArgumentException("Unknown results format '" + name + "' (expected one of: " + string.Join(", ", Names) + ").", nameof(name));

    public static bool TryGet(string name, out ISparqlResultsWriter writer)
    {
        writer = name.ToLowerInvariant() switch
        {
            "json" or "srj" => new JsonResultsWriter(),
            "xml" or "srx" => new XmlResultsWriter(),
            "csv" => new CsvResultsWriter(),
            "tsv" => new TsvResultsWriter(),
            "table" => new TableResultsWriter(),
            _ => null!,
        };
        return writer is not null;
    }

    /// <summary>A writer for a media type (the SPARQL Protocol's content negotiation); false when none matches.</summary>
    public static bool TryGetByMediaType(string mediaType, out ISparqlResultsWriter writer)
    {
        var mt = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        writer = mt switch
        {
            "application/sparql-results+json" or "application/json" => new JsonResultsWriter(),
            "application/sparql-results+xml" or "application/xml" or "text/xml" => new XmlResultsWriter(),
            "text/csv" => new CsvResultsWriter(),
            "text/tab-separated-values" => new TsvResultsWriter(),
            "text/plain" => new TableResultsWriter(),
            _ => null!,
        };
        return writer is not null;
    }
}
