using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats.RdfXml;

/// <summary>Puts RDF/XML into the format registry (extensions .rdf, .owl, .xml; application/rdf+xml).</summary>
internal static class RdfXmlFormat
{
#pragma warning disable CA2255 // The registry is filled when the assembly loads, so every reader of RdfFormats sees RDF/XML without a setup call.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => RdfFormats.Register(new RdfFormatInfo(
        RdfFormat.RdfXml, "rdfxml", [".rdf", ".owl", ".xml"], "application/rdf+xml", false, Read, Write));

    private static void Read(Stream input, RdfReadOptions options, IRdfSink sink)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        RdfXmlReader.Parse(reader, sink, new RdfXmlReaderOptions
        {
            BaseIri = options.BaseIri,
            SourceName = options.SourceName,
            PreserveBlankNodeLabels = options.PreserveBlankNodeLabels,
            MaxLiteralLength = options.MaxLiteralLength,
            MaxIriLength = options.MaxIriLength,
        });
    }

    private static void Write(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, TextWriter output)
    {
        var triples = new List<Triple>();
        foreach (var q in quads)
        {
            if (q.Graph is not null)
                throw new RdfXmlWriteException("RDF/XML holds one graph: the quad in named graph " + q.Graph + " cannot be written.");
            triples.Add(q.Triple);
        }
        RdfXmlWriter.Write(output, triples, prefixes);
    }
}
