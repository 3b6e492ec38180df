using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>
/// The JSON-LD 1.1 API (expand, compact, flatten, toRdf, fromRdf) on Newtonsoft.Json tokens.
/// <paramref name="documentUrl"/> arguments are the document's location: the default base IRI and the IRI
/// relative context references resolve against.
/// </summary>
public static class JsonLdProcessor
{
    /// <exception cref="JsonLdException">The document is not valid JSON-LD; <see cref="JsonLdException.Code"/> says why.</exception>
    public static JArray Expand(JToken input, JsonLdOptions? options = null, string? documentUrl = null)
    {
        options ??= new JsonLdOptions();
        var p = new Processor(options);
        return Located(p, () => p.ExpandDocument(input, documentUrl));
    }

    /// <summary>Expands <paramref name="input"/> and compacts it with <paramref name="context"/> (a context, or a document with @context).</summary>
    public static JObject Compact(JToken input, JToken? context, JsonLdOptions? options = null, string? documentUrl = null)
    {
        options ??= new JsonLdOptions();
        var p = new Processor(options);
        var expanded = Located(p, () => p.ExpandDocument(input, documentUrl));
        return p.CompactDocument(expanded, context, documentUrl);
    }

    /// <summary>Flattens <paramref name="input"/>; compacts the result when <paramref name="context"/> is given.</summary>
    public static JToken Flatten(JToken input, JToken? context = null, JsonLdOptions? options = null, string? documentUrl = null)
    {
        options ??= new JsonLdOptions();
        var p = new Processor(options);
        var expanded = Located(p, () => p.ExpandDocument(input, documentUrl));
        var flattened = p.FlattenExpanded(expanded);
        if (context is null || context.Type == JTokenType.Null) return flattened;
        return p.CompactDocument(flattened, context, documentUrl, forceGraph: true);
    }

    /// <summary>Converts <paramref name="input"/> to RDF and pushes the quads into <paramref name="sink"/>.</summary>
    public static void ToRdf(JToken input, IRdfSink sink, JsonLdOptions? options = null, string? documentUrl = null)
    {
        options ??= new JsonLdOptions();
        var p = new Processor(options);
        var expanded = Located(p, () => p.ExpandDocument(input, documentUrl));
        p.ToRdf(expanded, sink);
    }

    /// <summary>Converts quads to expanded JSON-LD.</summary>
    public static JArray FromRdf(IEnumerable<Quad> quads, JsonLdOptions? options = null)
    {
        options ??= new JsonLdOptions();
        return new Processor(options).FromRdf(quads);
    }

    /// <summary>Adds the position of the token being expanded to an error that has none.</summary>
    private static T Located<T>(Processor p, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (JsonLdException ex) when (ex.Line == 0 && p.At is Newtonsoft.Json.IJsonLineInfo info && info.HasLineInfo())
        {
            throw new JsonLdException(ex.Code, ex.Message[(ex.Code.Length + 2)..], ex.SourceName, info.LineNumber, info.LinePosition, ex);
        }
    }

    /// <summary>The JSON Canonicalization Scheme (RFC 8785) form of a JSON value.</summary>
    public static string Canonicalize(JToken value) => Jcs.Serialize(value);
}
