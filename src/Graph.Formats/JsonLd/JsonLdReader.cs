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
            var target = preserveBlankNodeLabels ? sink : new RelabellingSink(sink, "j" + Interlocked.Increment(ref s_documents).ToString(CultureInfo.InvariantCulture) + ".");
            JsonLdProcessor.ToRdf(doc, target, options, documentUrl);
        }
        catch (JsonLdException ex) when (ex.SourceName is null && sourceName is not null)
        {
            throw new JsonLdException(ex.Code, ex.Message[(ex.Code.Length + 2)..], sourceName, ex.Line, ex.Column, ex);
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
