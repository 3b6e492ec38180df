using System.Text;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Server.Formats;

/// <summary>An RDF syntax the server reads or writes: Graph.Formats' entry plus the media-type aliases clients send.</summary>
public sealed record RdfSyntax(RdfFormatInfo Info, string[] Aliases)
{
    public string Name => Info.Name;
    public string MediaType => Info.MediaType;
    public bool HoldsQuads => Info.HasNamedGraphs;
}

/// <summary>
/// The RDF syntaxes of the server, taken from Graph.Formats' registry (so JSON-LD and RDF/XML appear here as soon as
/// they register), with the server's preference order for content negotiation.
/// </summary>
public static class RdfSyntaxes
{
    private static readonly Dictionary<RdfFormat, string[]> s_aliases = new()
    {
        [RdfFormat.Turtle] = ["application/x-turtle"],
        [RdfFormat.NTriples] = ["text/plain"],
        [RdfFormat.TriG] = ["application/x-trig"],
        [RdfFormat.NQuads] = ["text/x-nquads"],
        [RdfFormat.JsonLd] = ["application/json"],
        [RdfFormat.RdfXml] = ["application/xml", "text/xml"],
    };

    /// <summary>Turtle first when the client accepts anything, then the other triple syntaxes, then the quad ones.</summary>
    private static readonly RdfFormat[] s_graphOrder = [RdfFormat.Turtle, RdfFormat.NTriples, RdfFormat.JsonLd, RdfFormat.RdfXml, RdfFormat.TriG, RdfFormat.NQuads];

    private static readonly RdfFormat[] s_datasetOrder = [RdfFormat.TriG, RdfFormat.NQuads, RdfFormat.JsonLd];

    private static IEnumerable<RdfSyntax> Registered(IEnumerable<RdfFormat> order, Func<RdfFormatInfo, bool> usable)
    {
        var all = RdfFormats.All.ToDictionary(f => f.Format);
        foreach (var f in order)
            if (all.TryGetValue(f, out var info) && usable(info))
                yield return new RdfSyntax(info, s_aliases.GetValueOrDefault(f, []));
    }

    /// <summary>Syntaxes a graph (GSP GET, CONSTRUCT, DESCRIBE) can be sent in.</summary>
    public static IReadOnlyList<RdfSyntax> GraphWriters => Registered(s_graphOrder, i => i.Writer is not null).ToList();

    /// <summary>Syntaxes the whole dataset can be sent in.</summary>
    public static IReadOnlyList<RdfSyntax> DatasetWriters => Registered(s_datasetOrder, i => i.Writer is not null && i.HasNamedGraphs).ToList();

    /// <summary>
    /// Syntaxes a request body may be in. Not JSON-LD: its reader resolves remote and local @context documents,
    /// which a client could point at the server's own files or network (request forgery).
    /// </summary>
    public static IReadOnlyList<RdfSyntax> Readers => Registered(s_graphOrder, i => i.Reader is not null && i.Format != RdfFormat.JsonLd).ToList();

    public static RdfSyntax? ReaderFor(string? contentType)
    {
        var mt = MediaTypes.Essence(contentType);
        return Readers.FirstOrDefault(s => s.MediaType == mt || s.Aliases.Contains(mt));
    }

    /// <summary>Parses a body into <paramref name="sink"/>. Bad data raises <see cref="RdfParseException"/> with its position.</summary>
    public static void Read(RdfSyntax syntax, Stream body, string baseIri, IRdfSink sink, string sourceName) =>
        syntax.Info.Reader!(body, new RdfReadOptions(sourceName, baseIri), sink);

    public static void WriteTriples(RdfSyntax syntax, Stream output, IEnumerable<Triple> triples, NamespaceMap namespaces) =>
        WriteQuads(syntax, output, triples.Select(t => new Quad(t)), namespaces);

    public static void WriteQuads(RdfSyntax syntax, Stream output, IEnumerable<Quad> quads, NamespaceMap namespaces)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        syntax.Info.Writer!(quads, namespaces.Prefixes, w);
    }

    /// <summary>Loads a file by its extension (for `kg serve --data`).</summary>
    public static void ReadFile(string path, IRdfSink sink)
    {
        var info = RdfFormats.FromPath(path);
        if (info?.Reader is null)
            throw new RdfParseException($"cannot tell the RDF syntax of '{Path.GetFileName(path)}' from its extension (expected one of {string.Join(", ", Readers.SelectMany(r => r.Info.Extensions))})", path, 0, 0);
        using var fs = File.OpenRead(path);
        info.Reader(fs, new RdfReadOptions(path, new Uri(Path.GetFullPath(path)).AbsoluteUri), sink);
    }
}
