namespace Graph.Formats;

/// <summary>The RDF syntaxes kg reads and writes. JSON-LD and RDF/XML register themselves in <see cref="RdfFormats"/> when added.</summary>
public enum RdfFormat
{
    NTriples,
    NQuads,
    Turtle,
    TriG,
    JsonLd,
    RdfXml,
}
