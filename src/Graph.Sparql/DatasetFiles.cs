using Graph.Formats;
using Graph.Rdf;
using Graph.Store;

namespace Graph.Sparql;

/// <summary>
/// Loads RDF files into a store the way `kg query` and the W3C tests need: each file parsed with its own
/// file: URL as base, into the default graph or into a named graph, blank nodes kept apart per file.
/// </summary>
public static class DatasetFiles
{
    public static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The local path of a file: IRI, or null for other schemes.</summary>
    public static string? LocalPath(string iri)
    {
        if (!iri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        try { return new Uri(iri).LocalPath; }
        catch (UriFormatException) { return null; }
    }

    /// <summary>Adds a file's statements as they are: default-graph triples to the default graph, named graphs kept.</summary>
    public static long LoadDefault(QuadStore store, string path, string? baseIri = null) =>
        store.Load(sink => Parse(path, baseIri ?? FileUrl(path), sink));

    /// <summary>
    /// Adds every statement of a file to the named graph <paramref name="graph"/>, which exists afterwards even
    /// when the file holds no statement (a dataset names its graphs whatever they contain).
    /// </summary>
    public static long LoadNamed(QuadStore store, INode graph, string path, string? baseIri = null)
    {
        var added = store.Load(sink => Parse(path, baseIri ?? FileUrl(path), new RenamingSink(sink, graph)));
        store.CreateGraph(graph);
        return added;
    }

    /// <summary>Parses a file of any syntax kg reads, chosen by its extension.</summary>
    public static void Parse(string path, string baseIri, IRdfSink sink)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        var info = RdfFormats.FromPath(path);
        if ((info is null || info.Reader is null) && Path.GetExtension(path).ToLowerInvariant() is ".rdf" or ".owl" or ".xml")
        {
            Graph.Formats.RdfXml.RdfXmlReader.ParseFile(path, sink, baseIri);
            return;
        }
        var format = info?.Format
            ?? throw new RdfParseException($"cannot tell the RDF syntax from the file name (expected one of {string.Join(", ", RdfFormats.All.Where(f => f.Reader is not null).SelectMany(f => f.Extensions))})", path, 0, 0);
        RdfReader.Parse(path, format, baseIri, sink);
    }

    private sealed class RenamingSink(IRdfSink inner, INode graph) : IRdfSink
    {
        public void Quad(in Quad quad) => inner.Quad(new Quad(quad.Triple, graph));
    }
}
