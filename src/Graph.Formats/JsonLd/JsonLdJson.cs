using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>JSON reading with the settings JSON-LD needs: no date conversion, bounded depth, positions in errors.</summary>
public static class JsonLdJson
{
    public static JToken Parse(string text, string? sourceName, int maxDepth)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = maxDepth,
        };
        try
        {
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
                throw new JsonLdException("loading document failed", "Unexpected content after the JSON value.", sourceName, reader.LineNumber, reader.LinePosition);
            return token;
        }
        catch (JsonReaderException ex)
        {
            var message = ex.Message.Contains("MaxDepth", StringComparison.Ordinal)
                ? $"JSON is nested more than {maxDepth} levels deep."
                : "Invalid JSON: " + ex.Message;
            throw new JsonLdException("loading document failed", message, sourceName, ex.LineNumber, ex.LinePosition, ex);
        }
    }
}
