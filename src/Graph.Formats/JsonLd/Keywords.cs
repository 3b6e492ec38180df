using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

internal static class Keywords
{
    public static readonly HashSet<string> All =
    [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
        "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ];

    public static bool IsKeyword(string? s) => s is not null && All.Contains(s);

    /// <summary>"@" followed by one or more ALPHA: reserved for future keywords and ignored with a warning.</summary>
    public static bool HasKeywordForm(string s)
    {
        if (s.Length < 2 || s[0] != '@') return false;
        for (var i = 1; i < s.Length; i++)
            if (!char.IsAsciiLetter(s[i])) return false;
        return true;
    }

    public static bool IsScalar(JToken? t) => t is not null && t.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean;

    public static bool IsNull(JToken? t) => t is null || t.Type == JTokenType.Null;

    public static JArray AsArray(JToken? t) => t is JArray a ? a : t is null ? [] : [t];

    public static bool IsValueObject(JToken? t) => t is JObject o && o.ContainsKey("@value");

    public static bool IsListObject(JToken? t) => t is JObject o && o.ContainsKey("@list");

    public static bool IsGraphObject(JToken? t) =>
        t is JObject o && o.ContainsKey("@graph") && o.Properties().All(p => p.Name is "@graph" or "@id" or "@index" or "@context");

    public static bool IsSimpleGraphObject(JToken? t) => IsGraphObject(t) && !((JObject)t!).ContainsKey("@id");

    public static bool IsNodeObject(JToken? t) =>
        t is JObject o && !o.ContainsKey("@value") && !o.ContainsKey("@list") && !o.ContainsKey("@set");

    public static bool IsBlankNodeId(string? s) => s is not null && s.StartsWith("_:", StringComparison.Ordinal);

    public static string? Str(JToken? t) => t?.Type == JTokenType.String ? (string?)t : null;
}
