using System.Globalization;
using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>Serialize RDF as JSON-LD (API §8.4–8.5).</summary>
internal sealed partial class Processor
{
    private sealed record Usage(JObject Node, string Property, JObject Value);

    private static string Id(INode n) => n switch
    {
        IriNode i => i.Value,
        BlankNode b => "_:" + b.Label,
        _ => throw Err("invalid RDF", "Triple terms have no JSON-LD form: " + n),
    };

    public JArray FromRdf(IEnumerable<Quad> quads)
    {
        var defaultGraph = new Dictionary<string, JObject>(StringComparer.Ordinal);
        var graphMap = new Dictionary<string, Dictionary<string, JObject>>(StringComparer.Ordinal) { ["@default"] = defaultGraph };
        var referencedOnce = new Dictionary<string, Usage?>(StringComparer.Ordinal);
        var nilUsages = new Dictionary<string, List<Usage>>(StringComparer.Ordinal);
        var compoundSubjects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var graphOrder = new List<string> { "@default" };
        var seen = new HashSet<Quad>();
        foreach (var quad in quads)
        {
            // A dataset is a set: a repeated quad must not count as a second reference to its blank nodes.
            if (!seen.Add(quad)) continue;
            var name = quad.Graph is null ? "@default" : Id(quad.Graph);
            if (!graphMap.TryGetValue(name, out var nodeMap))
            {
                graphMap[name] = nodeMap = new Dictionary<string, JObject>(StringComparer.Ordinal);
                graphOrder.Add(name);
            }
            if (name != "@default" && !defaultGraph.ContainsKey(name)) defaultGraph[name] = new JObject { ["@id"] = name };
            if (!compoundSubjects.TryGetValue(name, out var compound)) compoundSubjects[name] = compound = new HashSet<string>(StringComparer.Ordinal);
            var subject = Id(quad.Subject);
            if (!nodeMap.TryGetValue(subject, out var node)) nodeMap[subject] = node = new JObject { ["@id"] = subject };
            var predicate = quad.Predicate.Value;
            if (_options.RdfDirection == "compound-literal" && predicate == Vocab.Rdf.Ns + "direction") compound.Add(subject);
            if (quad.Object is IriNode or BlankNode)
            {
                var objectId = Id(quad.Object);
                if (!nodeMap.ContainsKey(objectId)) nodeMap[objectId] = new JObject { ["@id"] = objectId };
                if (predicate == Vocab.Rdf.Type && !_options.UseRdfType)
                {
                    if (node["@type"] is not JArray types) node["@type"] = types = new JArray();
                    if (!types.Any(t => (string)t! == objectId)) types.Add(objectId);
                    continue;
                }
            }
            var value = RdfToObject(quad.Object);
            if (node[predicate] is not JArray values) node[predicate] = values = new JArray();
            if (!values.Any(v => JToken.DeepEquals(v, value))) values.Add(value);
            else value = (JObject)values.First(v => JToken.DeepEquals(v, value));
            if (quad.Object is IriNode { Value: Vocab.Rdf.Nil })
            {
                if (!nilUsages.TryGetValue(name, out var usages)) nilUsages[name] = usages = [];
                usages.Add(new Usage(node, predicate, value));
            }
            else if (quad.Object is BlankNode)
            {
                var objectId = Id(quad.Object);
                referencedOnce[objectId] = referencedOnce.ContainsKey(objectId) ? null : new Usage(node, predicate, value);
            }
        }
        foreach (var name in graphOrder)
        {
            var graph = graphMap[name];
            if (compoundSubjects.TryGetValue(name, out var compound))
            {
                foreach (var cl in compound)
                {
                    if (!referencedOnce.TryGetValue(cl, out var usage) || usage is null) continue;
                    if (!graph.Remove(cl, out var clNode)) continue;
                    foreach (var item in Keywords.AsArray(usage.Node[usage.Property]).OfType<JObject>())
                    {
                        if (Keywords.Str(item["@id"]) != cl) continue;
                        item.Remove("@id");
                        item["@value"] = clNode[Vocab.Rdf.Ns + "value"]?[0]?["@value"]?.DeepClone();
                        if (clNode[Vocab.Rdf.Ns + "language"]?[0]?["@value"] is { } lang)
                        {
                            if (lang.Type != JTokenType.String || !s_langTag.IsMatch((string)lang!))
                                throw Err("invalid language-tagged string", "rdf:language is not a language tag.");
                            item["@language"] = lang.DeepClone();
                        }
                        if (clNode[Vocab.Rdf.Ns + "direction"]?[0]?["@value"] is { } dir)
                        {
                            if (dir.Type != JTokenType.String || ((string)dir! is not "ltr" and not "rtl"))
                                throw Err("invalid base direction", "rdf:direction must be ltr or rtl.");
                            item["@direction"] = dir.DeepClone();
                        }
                    }
                }
            }
            if (!nilUsages.TryGetValue(name, out var nils)) continue;
            foreach (var usage0 in nils)
            {
                var node = usage0.Node;
                var property = usage0.Property;
                var head = usage0.Value;
                var list = new List<JToken>();
                var listNodes = new List<string>();
                while (property == Vocab.Rdf.Rest && IsWellFormedListNode(node, referencedOnce))
                {
                    // Detach rather than copy: inner lists converted later must update the very object held here.
                    var first = node[Vocab.Rdf.First]![0]!;
                    first.Remove();
                    list.Add(first);
                    var nodeId = (string)node["@id"]!;
                    listNodes.Add(nodeId);
                    var usage = referencedOnce[nodeId]!;
                    node = usage.Node;
                    property = usage.Property;
                    head = usage.Value;
                    if (!Keywords.IsBlankNodeId(Keywords.Str(node["@id"]))) break;
                }
                head.Remove("@id");
                list.Reverse();
                head["@list"] = new JArray(list);
                foreach (var id in listNodes) graph.Remove(id);
            }
        }
        var result = new JArray();
        foreach (var (subject, node) in _options.Ordered ? defaultGraph.OrderBy(kv => kv.Key, StringComparer.Ordinal) : defaultGraph.AsEnumerable())
        {
            if (graphMap.TryGetValue(subject, out var g) && subject != "@default")
            {
                var arr = new JArray();
                foreach (var (_, n) in _options.Ordered ? g.OrderBy(kv => kv.Key, StringComparer.Ordinal) : g.AsEnumerable())
                    if (!(n.Count == 1 && n.ContainsKey("@id"))) arr.Add(n.DeepClone());
                node["@graph"] = arr;
            }
            if (!(node.Count == 1 && node.ContainsKey("@id"))) result.Add(node.DeepClone());
        }
        return result;
    }

    private static bool IsWellFormedListNode(JObject node, Dictionary<string, Usage?> referencedOnce)
    {
        var id = Keywords.Str(node["@id"]);
        if (!Keywords.IsBlankNodeId(id) || !referencedOnce.TryGetValue(id!, out var u) || u is null) return false;
        if (node[Vocab.Rdf.First] is not JArray { Count: 1 } || node[Vocab.Rdf.Rest] is not JArray { Count: 1 }) return false;
        foreach (var p in node.Properties())
        {
            if (p.Name is "@id" or Vocab.Rdf.First or Vocab.Rdf.Rest) continue;
            if (p.Name == "@type" && p.Value is JArray { Count: 1 } t && (string)t[0]! == Vocab.Rdf.Ns + "List") continue;
            return false;
        }
        return true;
    }

    private JObject RdfToObject(INode o)
    {
        if (o is IriNode or BlankNode) return new JObject { ["@id"] = Id(o) };
        if (o is not LiteralNode lit) throw Err("invalid RDF", "Triple terms have no JSON-LD form: " + o);
        var result = new JObject();
        JToken converted = lit.Value;
        string? type = null;
        var dt = lit.Datatype.Value;
        if (_options.UseNativeTypes && lit.Language is null && dt is Vocab.Xsd.String or Vocab.Xsd.Boolean or Vocab.Xsd.Integer or Vocab.Xsd.Double)
        {
            if (dt == Vocab.Xsd.Boolean)
            {
                if (lit.Value is "true" or "1") converted = true;
                else if (lit.Value is "false" or "0") converted = false;
                else type = dt;
            }
            else if (dt == Vocab.Xsd.Integer)
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(lit.Value, "^[+-]?[0-9]+$") && long.TryParse(lit.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    converted = l;
                else type = dt;
            }
            else if (dt == Vocab.Xsd.Double)
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(lit.Value, @"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
                    && double.TryParse(lit.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
                    converted = d;
                else type = dt;
            }
        }
        else if (_options.RdfDirection == "i18n-datatype" && dt.StartsWith(I18nNs, StringComparison.Ordinal))
        {
            var langDir = dt[I18nNs.Length..];
            var u = langDir.IndexOf('_');
            if (u > 0) result["@language"] = langDir[..u];
            if (u >= 0 && u + 1 < langDir.Length) result["@direction"] = langDir[(u + 1)..];
        }
        else if (lit.Language is not null)
        {
            result["@language"] = lit.Language.ToLowerInvariant();
            if (lit.Direction is not null) result["@direction"] = lit.Direction;
        }
        else if (dt == Vocab.Rdf.JsonLiteral && !_options.Is10)
        {
            try
            {
                converted = JsonLdJson.Parse(lit.Value, null, _options.MaxDepth);
            }
            catch (JsonLdException)
            {
                throw Err("invalid JSON literal", $"The rdf:JSON literal is not JSON: {lit.Value}");
            }
            type = "@json";
        }
        else if (dt != Vocab.Xsd.String)
        {
            type = dt;
        }
        result["@value"] = converted;
        if (type is not null) result["@type"] = type;
        return result;
    }
}
