using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>Deserialize JSON-LD to RDF (API §8.1–8.3).</summary>
internal sealed partial class Processor
{
    private const string I18nNs = "https://www.w3.org/ns/i18n#";
    private static readonly IriNode s_rdfValue = new(Vocab.Rdf.Ns + "value");
    private static readonly IriNode s_rdfLanguage = new(Vocab.Rdf.Ns + "language");
    private static readonly IriNode s_rdfDirection = new(Vocab.Rdf.Ns + "direction");
    private static readonly IriNode s_rdfJson = new(Vocab.Rdf.JsonLiteral);

    private static readonly Regex s_langTag = new("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant);

    public void ToRdf(JArray expanded, IRdfSink sink)
    {
        var nodeMap = BuildNodeMap(expanded);
        foreach (var (graphName, graph) in nodeMap.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            INode? graphNode = null;
            if (graphName != "@default")
            {
                graphNode = Term(graphName);
                if (graphNode is null) continue;
            }
            foreach (var (subjectId, node) in graph.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var subject = Term(subjectId);
                if (subject is null) continue;
                foreach (var p in node.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (p.Name == "@type")
                    {
                        foreach (var t in Keywords.AsArray(p.Value))
                            if (Term((string)t!) is { } type)
                                sink.Quad(new Quad(subject, Vocab.Rdf.TypeNode, type, graphNode));
                        continue;
                    }
                    if (Keywords.IsKeyword(p.Name)) continue;
                    if (Keywords.IsBlankNodeId(p.Name) && !_options.ProduceGeneralizedRdf) continue;
                    if (!IsWellFormedIri(p.Name)) continue;
                    var predicate = new IriNode(p.Name);
                    foreach (var item in Keywords.AsArray(p.Value))
                    {
                        var extra = new List<Triple>();
                        var obj = ObjectToRdf(item, extra);
                        if (obj is not null) sink.Quad(new Quad(subject, predicate, obj, graphNode));
                        foreach (var t in extra) sink.Quad(new Quad(t, graphNode));
                    }
                }
            }
        }
    }

    /// <summary>An IRI or blank node for a node id, or null when it is neither (relative IRIs are dropped).</summary>
    private static INode? Term(string id)
    {
        if (Keywords.IsBlankNodeId(id)) return new BlankNode(id[2..]);
        return IsWellFormedIri(id) ? new IriNode(id) : null;
    }

    private static bool IsWellFormedIri(string s)
    {
        if (!Iri.IsAbsolute(s) || s.IndexOf('#') != s.LastIndexOf('#')) return false;
        foreach (var c in s)
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`') return false;
        return true;
    }

    private INode? ObjectToRdf(JToken item, List<Triple> listTriples)
    {
        using var _ = Deeper();
        var o = (JObject)item;
        if (Keywords.IsNodeObject(o))
            return o.TryGetValue("@id", out var id) ? Term((string)id!) : null;
        if (o.TryGetValue("@list", out var list)) return ListToRdf((JArray)list, listTriples);
        var value = o["@value"]!;
        var datatype = Keywords.Str(o["@type"]);
        if (datatype is not null && datatype != "@json" && !IsWellFormedIri(datatype)) return null;
        var language = Keywords.Str(o["@language"]);
        if (language is not null && !s_langTag.IsMatch(language)) return null;
        string lexical;
        if (datatype == "@json")
        {
            lexical = Jcs.Serialize(value);
            datatype = Vocab.Rdf.JsonLiteral;
        }
        else if (value.Type == JTokenType.Boolean)
        {
            lexical = (bool)value ? "true" : "false";
            datatype ??= Vocab.Xsd.Boolean;
        }
        else if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            var big = ((JValue)value).Value is BigInteger bi ? bi : (BigInteger?)null;
            var d = (double)value;
            var integral = value.Type == JTokenType.Integer || (Math.Floor(d) == d && !double.IsInfinity(d));
            if (!integral || datatype == Vocab.Xsd.Double || Math.Abs(d) >= 1e21)
            {
                lexical = CanonicalDouble(d);
                datatype ??= Vocab.Xsd.Double;
            }
            else
            {
                lexical = big is not null ? big.Value.ToString(CultureInfo.InvariantCulture)
                    : value.Type == JTokenType.Integer ? ((long)value).ToString(CultureInfo.InvariantCulture)
                    : ((long)d).ToString(CultureInfo.InvariantCulture);
                datatype ??= Vocab.Xsd.Integer;
            }
        }
        else
        {
            lexical = (string)value!;
            datatype ??= language is not null ? Vocab.Rdf.LangString : Vocab.Xsd.String;
        }
        if (o.TryGetValue("@direction", out var dirToken) && _options.RdfDirection is not null)
        {
            var dir = (string)dirToken!;
            var lang = (language ?? "").ToLowerInvariant();
            if (_options.RdfDirection == JsonLdOptions.DirLangString)
                return language is null ? LiteralNode.Typed(lexical, datatype) : LiteralNode.LangString(lexical, language, dir);
            if (_options.RdfDirection == "i18n-datatype")
                return LiteralNode.Typed(lexical, I18nNs + lang + "_" + dir);
            if (_options.RdfDirection == "compound-literal")
            {
                var node = new BlankNode(GenerateBlankNodeId(null)[2..]);
                listTriples.Add(new Triple(node, s_rdfValue, new LiteralNode(lexical)));
                if (language is not null) listTriples.Add(new Triple(node, s_rdfLanguage, new LiteralNode(lang)));
                listTriples.Add(new Triple(node, s_rdfDirection, new LiteralNode(dir)));
                return node;
            }
        }
        if (language is not null) return LiteralNode.LangString(lexical, language);
        return LiteralNode.Typed(lexical, datatype);
    }

    private INode ListToRdf(JArray list, List<Triple> listTriples)
    {
        if (list.Count == 0) return Vocab.Rdf.NilNode;
        var nodes = list.Select(_ => new BlankNode(GenerateBlankNodeId(null)[2..])).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var embedded = new List<Triple>();
            var obj = ObjectToRdf(list[i], embedded);
            if (obj is not null) listTriples.Add(new Triple(nodes[i], Vocab.Rdf.FirstNode, obj));
            listTriples.Add(new Triple(nodes[i], Vocab.Rdf.RestNode, i + 1 < nodes.Count ? nodes[i + 1] : Vocab.Rdf.NilNode));
            listTriples.AddRange(embedded);
        }
        return nodes[0];
    }

    /// <summary>The canonical xsd:double form: one digit before the point, at least one after, an exponent ("1.1E0").</summary>
    internal static string CanonicalDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "INF";
        if (double.IsNegativeInfinity(d)) return "-INF";
        if (d == 0) return double.IsNegative(d) ? "-0.0E0" : "0.0E0";
        var r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Use the shortest round-tripping digits rather than 17 significant ones.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative) shortest = shortest[1..];
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var exp = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        var pointPos = (dot < 0 ? mantissa.Length : dot) + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; pointPos--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) return r;
        var e10 = pointPos - 1;
        var frac = digits.Length > 1 ? digits[1..] : "0";
        return (negative ? "-" : "") + digits[0] + "." + frac + "E" + e10.ToString(CultureInfo.InvariantCulture);
    }
}
