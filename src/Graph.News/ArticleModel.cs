namespace Graph.News;

/// <summary>An article to convert.</summary>
public sealed class Article
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required DateOnly Published { get; init; }
    public string? Url { get; init; }
    /// <summary>True when the publication date was not given and a fallback was used.</summary>
    public bool PublishedIsFallback { get; init; }
}

/// <summary>An RDF object: an IRI, or a literal with a datatype IRI (xsd:string when null) or a language tag.</summary>
public readonly record struct Obj(string Value, bool IsIri, string? Datatype = null, string? Language = null)
{
    public static Obj Iri(string v) => new(v, true);
    public static Obj Date(DateOnly d) => new(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), false, Ns.Xsd + "date");
    public static Obj Int(int n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), false, Ns.Xsd + "integer");
    public static Obj Str(string s) => new(s, false);
    public static Obj Lang(string s, string lang) => new(s, false, null, lang);
}

/// <summary>A span of the normalised text that supports a fact.</summary>
public readonly record struct NormSpan(int Start, int End);

/// <summary>One extracted triple with the spans of the article that state it (empty for structural triples).</summary>
public sealed record Fact(string Subject, string Predicate, Obj Object, IReadOnlyList<NormSpan> Evidence);

/// <summary>What the extractor found in one article.</summary>
public sealed class ArticleFacts
{
    public required Article Article { get; init; }
    public required NormalizedText Norm { get; init; }
    public required IReadOnlyList<Sentence> Sentences { get; init; }
    public List<Fact> Facts { get; } = [];
    public List<string> Warnings { get; } = [];
    public int RoundCount { get; set; }
}
