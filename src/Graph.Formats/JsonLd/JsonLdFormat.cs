using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats.JsonLd;

/// <summary>Puts JSON-LD into the format registry (extension .jsonld; application/ld+json).</summary>
internal static class JsonLdFormat
{
#pragma warning disable CA2255 // The registry is filled when the assembly loads, so every reader of RdfFormats sees JSON-LD without a setup call.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => RdfFormats.Register(new RdfFormatInfo(
        RdfFormat.JsonLd, "jsonld", [".jsonld"], "application/ld+json", true, Read, Write));

    private static void Read(Stream input, RdfReadOptions options, IRdfSink sink)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var text = reader.ReadToEnd();
        string? documentUrl = null;
        if (options.SourceName is { } source && source != "-" && File.Exists(source))
            documentUrl = new Uri(Path.GetFullPath(source)).AbsoluteUri;
        // kg's literals hold RDF 1.2 base directions, and its writer emits @direction: read it back as written.
        var jsonLdOptions = new JsonLdOptions { Base = options.BaseIri, RdfDirection = JsonLdOptions.DirLangString,
            MaxLiteralLength = options.MaxLiteralLength, MaxIriLength = options.MaxIriLength };
        JsonLdReader.Parse(text, sink, options.SourceName, documentUrl ?? options.BaseIri, jsonLdOptions, options.PreserveBlankNodeLabels);
    }

    private static void Write(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, TextWriter output) =>
        JsonLdWriter.Write(quads, output, prefixes);
}
