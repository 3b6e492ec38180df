using Graph.Rdf;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Sparql.Results;

/// <summary>Reads SPARQL 1.1 Query Results JSON (.srj), including RDF 1.2 triple terms and "its:dir".</summary>
public static class JsonResultsReader
{
    public static SparqlResultSet Read(TextReader input, string? source = null)
    {
        JObject root;
        try
        {
            using var jr = new JsonTextReader(input) { CloseInput = false, DateParseHandling = DateParseHandling.None };
            root = JObject.Load(jr);
        }
        catch (JsonReaderException e)
        {
            throw new RdfParseException("Invalid JSON: " + e.Message, source, e.LineNumber, e.LinePosition, e);
        }
        if (root["boolean"] is JToken b)
        {
            if (b.Type != JTokenType.Boolean) throw Error(b, source, "\"boolean\" must be true or false");
            return new SparqlResultSet(b.Value<bool>());
        }
        var vars = new List<string>();
        if (root["head"] is { } h && h is not JObject) throw Error(h, source, "\"head\" must be an object");
        if (root["head"] is JObject head && head["vars"] is JArray va)
            foreach (var v in va) vars.Add(v.Type == JTokenType.String ? v.Value<string>()! : throw Error(v, source, "a variable name must be a string"));
        var rows = new List<INode?[]>();
        if ((root["results"] as JObject)?["bindings"] is not JArray bindings)
            throw Error(root, source, "expected \"results\": { \"bindings\": [...] } or \"boolean\"");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vars.Count; i++) index[vars[i]] = i;
        foreach (var binding in bindings)
        {
            if (binding is not JObject bo) throw Error(binding, source, "a solution must be an object");
            var row = new INode?[vars.Count];
            foreach (var prop in bo.Properties())
            {
                if (!index.TryGetValue(prop.Name, out var col))
                    throw Error(prop, source, "the variable \"" + prop.Name + "\" is not in head.vars");
                row[col] = Term(prop.Value, source);
            }
            rows.Add(row);
        }
        return new SparqlResultSet(vars, rows);
    }

    public static SparqlResultSet ReadFile(string path)
    {
        using var r = new StreamReader(path);
        return Read(r, path);
    }

    // The term constructors reject what RDF forbids (an empty blank node label or language tag, a base direction
    // other than ltr/rtl, rdf:langString without a tag) with ArgumentException: that is bad input here.
    private static INode Term(JToken t, string? source)
    {
        try
        {
            return TermOf(t, source);
        }
        catch (ArgumentException e)
        {
            throw Error(t, source, e.Message);
        }
    }

    private static INode TermOf(JToken t, string? source)
    {
        if (t is not JObject o) throw Error(t, source, "a term must be an object");
        var type = OptionalStr(o, "type", source);
        var value = o["value"];
        switch (type)
        {
            case "uri":
                return new IriNode(Str(value, o, source));
            case "bnode":
                return new BlankNode(Str(value, o, source));
            case "literal":
            case "typed-literal":
                var lex = Str(value, o, source);
                var lang = OptionalStr(o, "xml:lang", source);
                if (lang is not null) return LiteralNode.LangString(lex, lang, OptionalStr(o, "its:dir", source));
                var dt = OptionalStr(o, "datatype", source);
                return dt is null ? new LiteralNode(lex) : LiteralNode.Typed(lex, dt);
            case "triple":
                if (value is not JObject tv) throw Error(o, source, "a triple term's value must be an object");
                var s = Term(tv["subject"] ?? throw Error(tv, source, "missing subject"), source);
                var p = Term(tv["predicate"] ?? throw Error(tv, source, "missing predicate"), source);
                var ob = Term(tv["object"] ?? throw Error(tv, source, "missing object"), source);
                if (p is not IriNode pi) throw Error(tv, source, "a triple term's predicate must be an IRI");
                return new TripleNode(new Triple(s, pi, ob));
            default:
                throw Error(o, source, "unknown term type \"" + type + "\"");
        }
    }

    private static string? OptionalStr(JObject o, string name, string? source) => o[name] switch
    {
        null => null,
        { Type: JTokenType.String } v => v.Value<string>(),
        var v => throw Error(v, source, "\"" + name + "\" must be a string"),
    };

    private static string Str(JToken? v, JToken where, string? source) =>
        v?.Type == JTokenType.String ? v.Value<string>()! : throw Error(where, source, "a term needs a string \"value\"");

    private static RdfParseException Error(JToken t, string? source, string message)
    {
        var li = (IJsonLineInfo)t;
        return new RdfParseException(message, source, li.HasLineInfo() ? li.LineNumber : 0, li.HasLineInfo() ? li.LinePosition : 0);
    }
}
