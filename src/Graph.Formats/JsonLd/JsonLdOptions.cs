namespace Graph.Formats.JsonLd;

/// <summary>Options of the JSON-LD 1.1 API algorithms (JsonLdOptions in the specification).</summary>
public sealed class JsonLdOptions
{
    /// <summary>The base IRI of the document; when null, the document's own location is used.</summary>
    public string? Base { get; set; }

    /// <summary>Loads remote contexts. Default: local files only, never the network.</summary>
    public IDocumentLoader DocumentLoader { get; set; } = new FileDocumentLoader();

    /// <summary>A context applied before the document's own (the expandContext option).</summary>
    public Newtonsoft.Json.Linq.JToken? ExpandContext { get; set; }

    /// <summary>"json-ld-1.1" (default) or "json-ld-1.0".</summary>
    public string ProcessingMode { get; set; } = "json-ld-1.1";

    public bool CompactArrays { get; set; } = true;

    public bool CompactToRelative { get; set; } = true;

    /// <summary>Process map entries in lexicographic order (output order does not depend on input order).</summary>
    public bool Ordered { get; set; }

    /// <summary>
    /// null (JSON-LD 1.1: @direction is dropped), "i18n-datatype", "compound-literal", or <see cref="DirLangString"/>.
    /// </summary>
    public string? RdfDirection { get; set; }

    /// <summary>
    /// kg's own rdfDirection value: a value with @language and @direction becomes an RDF 1.2 directional
    /// language-tagged string (datatype rdf:dirLangString), the form kg's literals and writers use, so JSON-LD
    /// round-trips base directions. RDF 1.2 gives a direction only to a literal with a language tag: a value with
    /// @direction and no @language becomes a plain string, as with null.
    /// </summary>
    public const string DirLangString = "dirLangString";

    public bool ProduceGeneralizedRdf { get; set; }

    public bool UseNativeTypes { get; set; }

    public bool UseRdfType { get; set; }

    /// <summary>Deepest JSON nesting accepted, both by the JSON reader and by the algorithms.</summary>
    public int MaxDepth { get; set; } = 512;

    /// <summary>Longest literal produced by toRdf (UTF-16 code units); see <see cref="RdfReadOptions.MaxLiteralLength"/>.</summary>
    public int MaxLiteralLength { get; set; } = RdfReadOptions.DefaultMaxLiteralLength;

    /// <summary>Longest IRI produced by toRdf, after expansion; see <see cref="RdfReadOptions.MaxIriLength"/>.</summary>
    public int MaxIriLength { get; set; } = RdfReadOptions.DefaultMaxIriLength;

    /// <summary>Most remote contexts loaded while processing one context (guards against runaway chains).</summary>
    public int MaxRemoteContexts { get; set; } = 64;

    internal bool Is10 => ProcessingMode == "json-ld-1.0";

    public JsonLdOptions Clone() => (JsonLdOptions)MemberwiseClone();
}
