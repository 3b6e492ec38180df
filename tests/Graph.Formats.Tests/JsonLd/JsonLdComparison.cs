using Newtonsoft.Json.Linq;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>
/// JSON-LD object comparison as the W3C suite README defines it: members regardless of order, arrays regardless of
/// order except values of @list, numbers by value.
/// </summary>
internal static class JsonLdComparison
{
    public static bool Equal(JToken? a, JToken? b, bool ordered = false)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JObject oa && b is JObject ob)
        {
            if (oa.Count != ob.Count) return false;
            foreach (var p in oa.Properties())
            {
                if (!ob.TryGetValue(p.Name, out var other)) return false;
                if (!Equal(p.Value, other, ordered || p.Name == "@list")) return false;
            }
            return true;
        }
        if (a is JArray aa && b is JArray ab)
        {
            if (aa.Count != ab.Count) return false;
            if (ordered)
            {
                for (var i = 0; i < aa.Count; i++)
                    if (!Equal(aa[i], ab[i])) return false;
                return true;
            }
            var used = new bool[ab.Count];
            return Match(0);

            bool Match(int i)
            {
                if (i == aa.Count) return true;
                for (var j = 0; j < ab.Count; j++)
                {
                    if (used[j] || !Equal(aa[i], ab[j])) continue;
                    used[j] = true;
                    if (Match(i + 1)) return true;
                    used[j] = false;
                }
                return false;
            }
        }
        if (a.Type is JTokenType.Integer or JTokenType.Float && b.Type is JTokenType.Integer or JTokenType.Float)
            return (double)a == (double)b;
        return JToken.DeepEquals(a, b);
    }
}
