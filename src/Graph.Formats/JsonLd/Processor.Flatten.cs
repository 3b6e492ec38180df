using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>Node map generation and flattening (API §7).</summary>
internal sealed partial class Processor
{
    private readonly Dictionary<string, string> _blankNodeIds = new(StringComparer.Ordinal);
    private int _blankCounter;

    /// <summary>Graph name → node id → node, with the default graph under "@default".</summary>
    internal sealed class NodeMap : Dictionary<string, Dictionary<string, JObject>>
    {
        public NodeMap() : base(StringComparer.Ordinal) => this["@default"] = new Dictionary<string, JObject>(StringComparer.Ordinal);

        public Dictionary<string, JObject> Graph(string name)
        {
            if (!TryGetValue(name, out var g)) this[name] = g = new Dictionary<string, JObject>(StringComparer.Ordinal);
            return g;
        }
    }

    private string GenerateBlankNodeId(string? id)
    {
        if (id is not null && _blankNodeIds.TryGetValue(id, out var existing)) return existing;
        var fresh = "_:b" + (_blankCounter++).ToString(CultureInfo.InvariantCulture);
        if (id is not null) _blankNodeIds[id] = fresh;
        return fresh;
    }

    public NodeMap BuildNodeMap(JArray expanded)
    {
        var map = new NodeMap();
        GenerateNodeMap(expanded, map, "@default", null, null, null);
        return map;
    }

    private static bool ContainsEqual(JArray arr, JToken value) => arr.Any(v => JToken.DeepEquals(v, value));

    private void GenerateNodeMap(JToken element, NodeMap nodeMap, string activeGraph, JToken? activeSubject, string? activeProperty, JObject? list)
    {
        using var _ = Deeper();
        if (element is JArray arr)
        {
            foreach (var item in arr) GenerateNodeMap(item, nodeMap, activeGraph, activeSubject, activeProperty, list);
            return;
        }
        // Expansion leaves only objects here; anything else means an expansion path let a bare value through.
        if (element is not JObject el) throw Err("invalid JSON-LD syntax", $"Expected a node, value or list object in expanded form, found {element.Type}.");
        var graph = nodeMap.Graph(activeGraph);
        JObject? subjectNode = activeSubject?.Type == JTokenType.String && graph.TryGetValue((string)activeSubject!, out var sn) ? sn : null;
        if (el.TryGetValue("@type", out var typesToken))
        {
            var types = new JArray();
            foreach (var t in Keywords.AsArray(typesToken))
            {
                var s = (string)t!;
                types.Add(Keywords.IsBlankNodeId(s) ? GenerateBlankNodeId(s) : s);
            }
            el = (JObject)el.DeepClone();
            el["@type"] = el["@type"] is JArray ? types : types[0];
        }
        if (el.ContainsKey("@value"))
        {
            if (list is null)
            {
                // A free-floating value (no subject to hang it on, e.g. inside a graph container) makes no triple.
                if (subjectNode is null || activeProperty is null) return;
                var values = subjectNode[activeProperty] as JArray;
                if (values is null) subjectNode[activeProperty!] = new JArray(el);
                else if (!ContainsEqual(values, el)) values.Add(el);
            }
            else
            {
                ((JArray)list["@list"]!).Add(el);
            }
            return;
        }
        if (el.ContainsKey("@list"))
        {
            var result = new JObject { ["@list"] = new JArray() };
            GenerateNodeMap(el["@list"]!, nodeMap, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                if (subjectNode![activeProperty!] is not JArray values) subjectNode[activeProperty!] = values = new JArray();
                values.Add(result);
            }
            else
            {
                ((JArray)list["@list"]!).Add(result);
            }
            return;
        }
        string id;
        // An @id that expanded to null (a keyword-like string) names nothing: the node and the reference to it are dropped.
        // An @id whose IRI expansion failed (e.g. against an unusable base) names nothing: like a null @id.
        if (el.TryGetValue("@id", out var idToken) && (idToken.Type == JTokenType.Null || idToken is JValue { Value: null })) return;
        if (idToken is not null)
        {
            id = (string)idToken!;
            if (Keywords.IsBlankNodeId(id)) id = GenerateBlankNodeId(id);
        }
        else
        {
            id = GenerateBlankNodeId(null);
        }
        if (!graph.TryGetValue(id, out var node)) graph[id] = node = new JObject { ["@id"] = id };
        if (activeSubject is JObject reverseSubject)
        {
            if (node[activeProperty!] is not JArray values) node[activeProperty!] = new JArray(reverseSubject.DeepClone());
            else if (!ContainsEqual(values, reverseSubject)) values.Add(reverseSubject.DeepClone());
        }
        else if (activeProperty is not null)
        {
            var reference = new JObject { ["@id"] = id };
            if (list is null)
            {
                if (subjectNode![activeProperty] is not JArray values) subjectNode[activeProperty] = new JArray(reference);
                else if (!ContainsEqual(values, reference)) values.Add(reference);
            }
            else
            {
                ((JArray)list["@list"]!).Add(reference);
            }
        }
        if (el.TryGetValue("@type", out var nodeTypes))
        {
            if (node["@type"] is not JArray existing) node["@type"] = existing = new JArray();
            foreach (var t in Keywords.AsArray(nodeTypes))
                if (!ContainsEqual(existing, t)) existing.Add(t.DeepClone());
        }
        if (el.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var existingIndex) && !JToken.DeepEquals(existingIndex, index))
                throw Err("conflicting indexes", $"The node {id} has two different @index values.");
            node["@index"] = index.DeepClone();
        }
        if (el.TryGetValue("@reverse", out var reverse))
        {
            var referenced = new JObject { ["@id"] = id };
            foreach (var p in ((JObject)reverse).Properties())
                foreach (var value in Keywords.AsArray(p.Value))
                    GenerateNodeMap(value, nodeMap, activeGraph, referenced, p.Name, null);
        }
        if (el.TryGetValue("@graph", out var innerGraph))
            GenerateNodeMap(innerGraph, nodeMap, id, null, null, null);
        if (el.TryGetValue("@included", out var included))
            GenerateNodeMap(included, nodeMap, activeGraph, null, null, null);
        foreach (var p in el.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            // Other keywords (@language or @direction beside @id, which expansion keeps) are no properties of the node.
            if (Keywords.IsKeyword(p.Name)) continue;
            var property = Keywords.IsBlankNodeId(p.Name) ? GenerateBlankNodeId(p.Name) : p.Name;
            if (!node.ContainsKey(property)) node[property] = new JArray();
            GenerateNodeMap(p.Value, nodeMap, activeGraph, id, property, null);
        }
    }

    public JArray FlattenExpanded(JArray expanded)
    {
        var nodeMap = BuildNodeMap(expanded);
        var defaultGraph = nodeMap["@default"];
        foreach (var (graphName, graph) in nodeMap.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (graphName == "@default") continue;
            if (!defaultGraph.TryGetValue(graphName, out var entry)) defaultGraph[graphName] = entry = new JObject { ["@id"] = graphName };
            var g = new JArray();
            foreach (var (_, node) in graph.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (!(node.Count == 1 && node.ContainsKey("@id"))) g.Add(node.DeepClone());
            entry["@graph"] = g;
        }
        var flattened = new JArray();
        foreach (var (_, node) in defaultGraph.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (!(node.Count == 1 && node.ContainsKey("@id"))) flattened.Add(node.DeepClone());
        return flattened;
    }
}
