using System.Globalization;
using Graph.Rdf;

namespace Graph.Formats.JsonLd;

/// <summary>Reads a JSON-LD document as RDF (expansion then toRdf) into an <see cref="IRdfSink"/>.</summary>
public static class JsonLdReader
{
    private static long s_documents;

    /// <summary>
    /// Parses <paramref name="json"/>. <paramref name="documentUrl"/> is where relative context references are
    /// looked up and the default base IRI; <paramref name="options"/> carries the loader, base and RDF options.
    /// </summary>
    /// <exception cref="JsonLdException">Invalid JSON or JSON-LD, a context that cannot be loaded, nesting too deep.</exception>
    public static void Parse(string json, IRdfSink sink, string? sourceName = null, string? documentUrl = null,
        JsonLdOptions? options = null, bool preserveBlankNodeLabels = false)
    {
        options ??= new JsonLdOptions();
        try
        {
            var doc = JsonLdJson.Parse(json, sourceName, options.MaxDepth);
            ReportPrefixes(doc, sink);
            var target = preserveBlankNodeLabels ? sink : new RelabellingSink(sink, "j" + Interlocked.Increment(ref s_documents).ToString(CultureInfo.InvariantCulture) + ".");
            target = new LengthLimitSink(target, doc, sourceName, options.MaxLiteralLength, options.MaxIriLength);
            JsonLdProcessor.ToRdf(doc, target, options, documentUrl);
        }
        catch (JsonLdException ex) when (ex.SourceName is null && sourceName is not null)
        {
            throw new JsonLdException(ex.Code, ex.Message[(ex.Code.Length + 2)..], sourceName, ex.Line, ex.Column, ex);
        }
    }

    /// <summary>Passes the top-level context's namespace-like terms to the sink, so writers can reuse them as prefixes.</summary>
    private static void ReportPrefixes(Newtonsoft.Json.Linq.JToken doc, IRdfSink sink)
    {
        var contexts = doc is Newtonsoft.Json.Linq.JObject o && o["@context"] is { } c ? c : null;
        foreach (var ctx in contexts is Newtonsoft.Json.Linq.JArray a ? a.ToList() : contexts is null ? [] : [contexts])
        {
            if (ctx is not Newtonsoft.Json.Linq.JObject map) continue;
            foreach (var p in map.Properties())
            {
                if (p.Name.StartsWith('@') || p.Name.Contains(':') || p.Value.Type != Newtonsoft.Json.Linq.JTokenType.String) continue;
                var ns = (string)p.Value!;
                if (Iri.IsAbsolute(ns) && (ns.EndsWith('/') || ns.EndsWith('#'))) sink.Prefix(p.Name, ns);
            }
        }
    }

    /// <summary>Parses a file; its file: URL is the document URL (for relative contexts and the default base).</summary>
    public static void ParseFile(string path, IRdfSink sink, JsonLdOptions? options = null, bool preserveBlankNodeLabels = false)
    {
        var url = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        Parse(File.ReadAllText(path), sink, path, url, options, preserveBlankNodeLabels);
    }

    /// <summary>Prefixes blank node labels so that documents loaded together never share a blank node.</summary>
    private sealed class RelabellingSink(IRdfSink inner, string prefix) : IRdfSink
    {
        public void Quad(in Quad quad)
        {
            var q = quad;
            if (q.Subject is BlankNode || q.Object is BlankNode || q.Graph is BlankNode)
                q = new Quad(Relabel(q.Subject), q.Predicate, Relabel(q.Object), q.Graph is null ? null : Relabel(q.Graph));
            inner.Quad(q);
        }

        private INode Relabel(INode n) => n is BlankNode b ? new BlankNode(prefix + b.Label) : n;
    }
}
