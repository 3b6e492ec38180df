using Graph.Rdf;

namespace Graph.Formats;

/// <summary>Reads a document of one syntax into a sink.</summary>
/// <param name="input">UTF-8 bytes; the reader buffers and never loads the whole document.</param>
public delegate void RdfReadFunc(Stream input, RdfReadOptions options, IRdfSink sink);

/// <summary>How to read one document.</summary>
/// <param name="SourceName">File name (or "-") used in error messages.</param>
/// <param name="BaseIri">Base IRI for relative references, or null (then a relative IRI is an error).</param>
/// <param name="PreserveBlankNodeLabels">
/// Keep blank node labels as written (for converting one document, e.g. `kg parse`). By default each document's
/// labels get a prefix of their own, so documents loaded together never share a blank node.
/// </param>
public sealed record RdfReadOptions(string? SourceName = null, string? BaseIri = null, bool PreserveBlankNodeLabels = false)
{
    /// <summary>Default for <see cref="MaxLiteralLength"/>: 16 Mi UTF-16 code units (32 MiB of memory).</summary>
    public const int DefaultMaxLiteralLength = 16 * 1024 * 1024;

    /// <summary>Default for <see cref="MaxIriLength"/>: 1 Mi UTF-16 code units (room for data: IRIs).</summary>
    public const int DefaultMaxIriLength = 1024 * 1024;

    /// <summary>Longest literal lexical form accepted (UTF-16 code units, after unescaping); longer is a parse error.</summary>
    public int MaxLiteralLength { get; init; } = DefaultMaxLiteralLength;

    /// <summary>Longest IRI accepted (UTF-16 code units, after unescaping, prefix expansion and resolution).</summary>
    public int MaxIriLength { get; init; } = DefaultMaxIriLength;
}

/// <summary>Writes quads in one syntax. Writers that cannot hold named graphs reject them.</summary>
public delegate void RdfWriteFunc(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, TextWriter output);

/// <summary>What kg knows about one syntax: names, file extensions, media type, reader and writer.</summary>
public sealed record RdfFormatInfo(
    RdfFormat Format,
    string Name,
    IReadOnlyList<string> Extensions,
    string MediaType,
    bool HasNamedGraphs,
    RdfReadFunc? Reader,
    RdfWriteFunc? Writer);

/// <summary>
/// The registry of syntaxes: the four built in here, and any another project adds with <see cref="Register"/>
/// (JSON-LD, RDF/XML), so the CLI and server find readers and writers by name, extension or media type.
/// </summary>
public static class RdfFormats
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<RdfFormat, RdfFormatInfo> s_formats = new()
    {
        [RdfFormat.NTriples] = new(RdfFormat.NTriples, "ntriples", [".nt"], "application/n-triples", false,
            (s, o, sink) => new NQuadsParser(s, o, quads: false, sink).Parse(),
            (q, p, w) => NQuadsWriter.Write(q, w, quads: false)),
        [RdfFormat.NQuads] = new(RdfFormat.NQuads, "nquads", [".nq"], "application/n-quads", true,
            (s, o, sink) => new NQuadsParser(s, o, quads: true, sink).Parse(),
            (q, p, w) => NQuadsWriter.Write(q, w, quads: true)),
        [RdfFormat.Turtle] = new(RdfFormat.Turtle, "turtle", [".ttl"], "text/turtle", false,
            (s, o, sink) => new TurtleParser(s, o, trig: false, sink).Parse(),
            (q, p, w) => TurtleWriter.Write(q, p, w, trig: false)),
        [RdfFormat.TriG] = new(RdfFormat.TriG, "trig", [".trig"], "application/trig", true,
            (s, o, sink) => new TurtleParser(s, o, trig: true, sink).Parse(),
            (q, p, w) => TurtleWriter.Write(q, p, w, trig: true)),
    };

    /// <summary>Adds or replaces a syntax (JSON-LD and RDF/XML readers call this from their own project).</summary>
    public static void Register(RdfFormatInfo info)
    {
        lock (s_lock) s_formats[info.Format] = info;
    }

    public static IReadOnlyList<RdfFormatInfo> All
    {
        get { lock (s_lock) return [.. s_formats.Values.OrderBy(f => f.Format)]; }
    }

    public static RdfFormatInfo Get(RdfFormat format)
    {
        lock (s_lock)
            return s_formats.TryGetValue(format, out var info) ? info : throw new NotSupportedException($"no reader or writer is registered for {format}");
    }

    /// <summary>The format named <paramref name="name"/> ("turtle", "ntriples", ...; also "ttl", "nt", "nq"), or null.</summary>
    public static RdfFormatInfo? FromName(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        foreach (var f in All)
            if (f.Name == n || f.Extensions.Any(e => e.TrimStart('.') == n)) return f;
        return null;
    }

    /// <summary>The format a file name's extension implies, or null (a trailing ".gz" is not understood).</summary>
    public static RdfFormatInfo? FromPath(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext.Length == 0) return null;
        foreach (var f in All)
            if (f.Extensions.Contains(ext)) return f;
        return null;
    }

    public static RdfFormatInfo? FromMediaType(string mediaType)
    {
        var m = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return All.FirstOrDefault(f => f.MediaType == m);
    }
}
