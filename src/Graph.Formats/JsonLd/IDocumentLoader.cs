using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>A loaded JSON-LD document: its final URL and parsed content.</summary>
public sealed record RemoteDocument(string DocumentUrl, JToken Document);

/// <summary>Loads documents (remote contexts, @import) for the JSON-LD algorithms. Implementations decide what may be reached.</summary>
public interface IDocumentLoader
{
    /// <exception cref="JsonLdException">With code "loading document failed" when the document cannot or may not be loaded.</exception>
    RemoteDocument Load(string url);
}
