using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>Parses documents of any registered syntax into a sink.</summary>
public static class RdfReader
{
    /// <summary>Parses <paramref name="input"/> (UTF-8). Bad input throws <see cref="RdfParseException"/> naming the source.</summary>
    public static void Parse(Stream input, RdfFormat format, RdfReadOptions options, IRdfSink sink)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        if (options.BaseIri is not null && !Iri.IsAbsolute(options.BaseIri))
            throw new ArgumentException($"the base IRI must be absolute: {options.BaseIri}", nameof(options));
        var reader = RdfFormats.Get(format).Reader ?? throw new NotSupportedException($"{format} has no reader");
        reader(input, options, sink);
    }

    public static void Parse(Stream input, RdfFormat format, string? baseIri, IRdfSink sink, string? sourceName = null)
        => Parse(input, format, new RdfReadOptions(sourceName, baseIri), sink);

    /// <summary>Parses a file; the format comes from its extension when not given.</summary>
    public static void Parse(string path, RdfFormat? format, string? baseIri, IRdfSink sink)
    {
        var f = format ?? RdfFormats.FromPath(path)?.Format
            ?? throw new ArgumentException($"cannot tell the syntax of {path} from its extension; give the format");
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Parse(fs, f, new RdfReadOptions(path, baseIri), sink);
    }

    /// <summary>Parses text held in memory (tests, small documents).</summary>
    public static void ParseString(string text, RdfFormat format, string? baseIri, IRdfSink sink, string? sourceName = null)
    {
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        Parse(ms, format, new RdfReadOptions(sourceName ?? "<string>", baseIri), sink);
    }

    /// <summary>Parses already decoded text.</summary>
    public static void Parse(TextReader input, RdfFormat format, RdfReadOptions options, IRdfSink sink)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (format)
        {
            case RdfFormat.NTriples: new NQuadsParser(input, options, false, sink).Parse(); break;
            case RdfFormat.NQuads: new NQuadsParser(input, options, true, sink).Parse(); break;
            case RdfFormat.Turtle: new TurtleParser(input, options, false, sink).Parse(); break;
            case RdfFormat.TriG: new TurtleParser(input, options, true, sink).Parse(); break;
            default:
                // Registered readers take bytes: re-encode the text.
                using (var ms = new MemoryStream(Encoding.UTF8.GetBytes(input.ReadToEnd()), writable: false))
                    Parse(ms, format, options, sink);
                break;
        }
    }

    /// <summary>Reads a whole document into a list of quads (small documents and tests).</summary>
    public static List<Quad> ReadQuads(string path, RdfFormat? format = null, string? baseIri = null)
    {
        var sink = new ListSink();
        Parse(path, format, baseIri, sink);
        return sink.Quads;
    }
}
