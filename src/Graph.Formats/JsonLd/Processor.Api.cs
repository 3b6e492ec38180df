using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>The API-level steps around the algorithms (API §9).</summary>
internal sealed partial class Processor
{
    public JArray ExpandDocument(JToken input, string? documentUrl)
    {
        var active = new ActiveContext(_options.Base ?? documentUrl);
        if (_options.ExpandContext is { } expandContext)
        {
            var ctx = expandContext is JObject eo && eo.TryGetValue("@context", out var inner) ? inner : expandContext;
            active = ProcessContext(active, ctx, active.OriginalBaseUrl);
        }
        var expanded = Expand(active, null, input, documentUrl ?? _options.Base);
        if (expanded is JObject o && o.Count == 1 && o.TryGetValue("@graph", out var graph)) expanded = graph;
        return expanded switch
        {
            null => [],
            JArray a => a,
            _ => [expanded],
        };
    }
}
