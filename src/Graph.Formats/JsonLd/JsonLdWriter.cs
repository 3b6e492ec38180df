using Graph.Rdf;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>
/// Writes quads as JSON-LD: fromRdf, then compaction with the given context (or, without one, a context built from
/// the document's prefixes). Subjects are sorted, so the same quads always give the same bytes.
/// </summary>
public static class JsonLdWriter
{
    /// <param name="context">A context (or a document holding @context, such as ontology/context.jsonld); null to use <paramref name="prefixes"/>.</param>
    public static void Write(IEnumerable<Quad> quads, TextWriter output, IReadOnlyDictionary<string, string>? prefixes = null,
        JToken? context = null, JsonLdOptions? options = null)
    {
        var document = ToJsonLd(quads, prefixes, context, options);
        using var sw = new StringWriter { NewLine = "\n" };
        using (var jw = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2 })
            document.WriteTo(jw);
        output.Write(sw.ToString());
        output.Write('\n');
    }

    /// <summary>The JSON-LD document for <paramref name="quads"/>: compacted when a context or prefixes are given, else expanded.</summary>
    public static JToken ToJsonLd(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string>? prefixes = null,
        JToken? context = null, JsonLdOptions? options = null)
    {
        options = (options ?? new JsonLdOptions()).Clone();
        options.Ordered = true;
        // Sorted so that the output does not depend on the order the quads arrive in.
        var distinct = quads.Distinct().OrderBy(q => q.ToString(), StringComparer.Ordinal).ToList();
        var expanded = JsonLdProcessor.FromRdf(distinct, options);
        if (context is null && prefixes is { Count: > 0 })
        {
            var ctx = new JObject();
            foreach (var (p, ns) in prefixes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (p.Length > 0 && !p.Contains(':') && !p.StartsWith('@')) ctx[p] = ns;
            context = ctx;
        }
        if (context is null) return expanded;
        return JsonLdProcessor.Compact(expanded, context, options);
    }

    /// <summary>Reads a context file (a document with @context, or a bare context object).</summary>
    public static JToken LoadContext(string path) => JsonLdJson.Parse(File.ReadAllText(path), path, 512);
}
