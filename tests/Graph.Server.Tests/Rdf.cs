using Graph.Formats;
using Graph.Rdf;

namespace Graph.Server.Tests;

/// <summary>Reads RDF text with Graph.Formats, so tests compare what the server said, not how it spelled it.</summary>
internal static class Rdf
{
    public static List<string> Lines(string text, RdfFormat format)
    {
        var sink = new ListSink();
        using var s = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        RdfReader.Parse(s, format, new RdfReadOptions("response", "http://example.org/", PreserveBlankNodeLabels: true), sink);
        return sink.Quads.Select(q => q.ToString()).ToList();
    }
}
