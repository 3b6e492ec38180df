using Graph.Rdf;

namespace Graph.Server.Formats;

/// <summary>An RDF syntax the server reads or writes, by media type.</summary>
public sealed record RdfSyntax(string Name, string MediaType, string Extension, bool HoldsQuads, string[] Aliases);

/// <summary>
/// The RDF syntaxes the server speaks. Readers and writers are looked up here, so the fuller ones of
/// Graph.Formats plug in at one place.
/// </summary>
public static class RdfSyntaxes
{
    public static readonly RdfSyntax Turtle = new("turtle", "text/turtle", "ttl", false, ["application/x-turtle"]);
    public static readonly RdfSyntax NTriples = new("ntriples", "application/n-triples", "nt", false, ["text/plain"]);
    public static readonly RdfSyntax TriG = new("trig", "application/trig", "trig", true, ["application/x-trig"]);
    public static readonly RdfSyntax NQuads = new("nquads", "application/n-quads", "nq", true, ["text/x-nquads"]);

    /// <summary>Preference order when the client accepts anything: Turtle first for graphs, TriG first for datasets.</summary>
    public static IReadOnlyList<RdfSyntax> GraphWriters { get; } = [Turtle, NTriples, TriG, NQuads];

    public static IReadOnlyList<RdfSyntax> DatasetWriters { get; } = [TriG, NQuads];

    /// <summary>Syntaxes a request body may be in.</summary>
    public static IReadOnlyList<RdfSyntax> Readers { get; } = [NTriples, NQuads];

    public static RdfSyntax? ReaderFor(string? contentType)
    {
        var mt = MediaTypes.Essence(contentType);
        return Readers.FirstOrDefault(s => s.MediaType == mt || s.Aliases.Contains(mt));
    }

    /// <summary>Parses a body into <paramref name="sink"/>. Bad data raises <see cref="RdfParseException"/> with its position.</summary>
    public static void Read(RdfSyntax syntax, Stream body, string baseIri, IRdfSink sink, string sourceName)
    {
        using var reader = new StreamReader(body, new System.Text.UTF8Encoding(false, true), false, 1 << 16, leaveOpen: true);
        new NQuadsLineReader(sourceName, syntax.HoldsQuads).Read(reader, sink);
    }

    public static void WriteTriples(RdfSyntax syntax, Stream output, IEnumerable<Triple> triples, NamespaceMap namespaces)
    {
        // N-Triples lines are valid Turtle, TriG (default graph) and N-Quads alike.
        RdfWriters.NTriples(output, triples);
    }

    public static void WriteQuads(RdfSyntax syntax, Stream output, IEnumerable<Quad> quads, NamespaceMap namespaces)
    {
        if (syntax == TriG) RdfWriters.TriG(output, quads);
        else if (syntax.HoldsQuads) RdfWriters.NQuads(output, quads);
        else throw new InvalidOperationException(syntax.Name + " cannot hold named graphs");
    }

    /// <summary>Loads a file by its extension (for `kg serve --data`).</summary>
    public static void ReadFile(string path, IRdfSink sink)
    {
        var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var syntax = new[] { NTriples, NQuads, Turtle, TriG }.FirstOrDefault(s => s.Extension == ext)
            ?? throw new RdfParseException($"unknown RDF file extension '.{ext}' (expected .nt or .nq)", path, 0, 0);
        if (!Readers.Contains(syntax)) throw new RdfParseException($"reading {syntax.Name} is not available in this build (use .nt or .nq)", path, 0, 0);
        using var fs = File.OpenRead(path);
        var baseIri = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        Read(syntax, fs, baseIri, sink, path);
    }
}
