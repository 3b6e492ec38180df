using Graph.Rdf;

namespace Graph.Formats.JsonLd;

/// <summary>
/// A JSON-LD processing error. <see cref="Code"/> is the error code of the JSON-LD 1.1 API
/// (for example "invalid IRI mapping"), so callers and the W3C suite can tell errors apart.
/// </summary>
public sealed class JsonLdException : RdfParseException
{
    public JsonLdException(string code, string message, string? source = null, long line = 0, long column = 0, Exception? inner = null)
        : base(code + ": " + message, source, line, column, inner)
    {
        Code = code;
    }

    public string Code { get; }
}
