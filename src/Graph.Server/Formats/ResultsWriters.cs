using System.Text;
using System.Xml;
using Graph.Rdf;
using Newtonsoft.Json;

namespace Graph.Server.Formats;

/// <summary>SPARQL 1.1 query results in JSON, XML, CSV and TSV, for a table already materialised.</summary>
internal static class ResultsWriters
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    public static void Json(Stream output, IReadOnlyList<string> vars, IReadOnlyList<INode?[]>? rows, bool? boolean)
    {
        using var sw = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true);
        using var w = new JsonTextWriter(sw) { Formatting = Newtonsoft.Json.Formatting.None, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("head");
        w.WriteStartObject();
        if (rows is not null)
        {
            w.WritePropertyName("vars");
            w.WriteStartArray();
            foreach (var v in vars) w.WriteValue(v);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        if (boolean is { } b)
        {
            w.WritePropertyName("boolean");
            w.WriteValue(b);
        }
        else
        {
            w.WritePropertyName("results");
            w.WriteStartObject();
            w.WritePropertyName("bindings");
            w.WriteStartArray();
            foreach (var row in rows!)
            {
                w.WriteStartObject();
                for (var i = 0; i < vars.Count; i++)
                {
                    if (row[i] is not { } node) continue;
                    w.WritePropertyName(vars[i]);
                    JsonTerm(w, node);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.Flush();
        sw.Write('\n');
    }

    private static void JsonTerm(JsonWriter w, INode node)
    {
        w.WriteStartObject();
        switch (node)
        {
            case IriNode i:
                w.WritePropertyName("type"); w.WriteValue("uri");
                w.WritePropertyName("value"); w.WriteValue(i.Value);
                break;
            case BlankNode b:
                w.WritePropertyName("type"); w.WriteValue("bnode");
                w.WritePropertyName("value"); w.WriteValue(b.Label);
                break;
            case LiteralNode l:
                w.WritePropertyName("type"); w.WriteValue("literal");
                w.WritePropertyName("value"); w.WriteValue(l.Value);
                if (l.Language is not null)
                {
                    w.WritePropertyName("xml:lang"); w.WriteValue(l.Language);
                    if (l.Direction is not null) { w.WritePropertyName("its:dir"); w.WriteValue(l.Direction); }
                }
                else if (!l.IsSimple)
                {
                    w.WritePropertyName("datatype"); w.WriteValue(l.Datatype.Value);
                }
                break;
            case TripleNode t:
                w.WritePropertyName("type"); w.WriteValue("triple");
                w.WritePropertyName("value");
                w.WriteStartObject();
                w.WritePropertyName("subject"); JsonTerm(w, t.Triple.Subject);
                w.WritePropertyName("predicate"); JsonTerm(w, t.Triple.Predicate);
                w.WritePropertyName("object"); JsonTerm(w, t.Triple.Object);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }

    public static void Xml(Stream output, IReadOnlyList<string> vars, IReadOnlyList<INode?[]>? rows, bool? boolean)
    {
        const string ns = "http://www.w3.org/2005/sparql-results#";
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = s_utf8, Indent = true, CloseOutput = false, NewLineChars = "\n" });
        w.WriteStartDocument();
        w.WriteStartElement("sparql", ns);
        w.WriteStartElement("head", ns);
        if (rows is not null)
            foreach (var v in vars)
            {
                w.WriteStartElement("variable", ns);
                w.WriteAttributeString("name", v);
                w.WriteEndElement();
            }
        w.WriteEndElement();
        if (boolean is { } b)
        {
            w.WriteElementString("boolean", ns, b ? "true" : "false");
        }
        else
        {
            w.WriteStartElement("results", ns);
            foreach (var row in rows!)
            {
                w.WriteStartElement("result", ns);
                for (var i = 0; i < vars.Count; i++)
                {
                    if (row[i] is not { } node) continue;
                    w.WriteStartElement("binding", ns);
                    w.WriteAttributeString("name", vars[i]);
                    XmlTerm(w, node, ns);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void XmlTerm(XmlWriter w, INode node, string ns)
    {
        switch (node)
        {
            case IriNode i: w.WriteElementString("uri", ns, XmlSafe(i.Value)); break;
            case BlankNode b: w.WriteElementString("bnode", ns, XmlSafe(b.Label)); break;
            case LiteralNode l:
                w.WriteStartElement("literal", ns);
                if (l.Language is not null) w.WriteAttributeString("xml", "lang", null, l.Language);
                else if (!l.IsSimple) w.WriteAttributeString("datatype", l.Datatype.Value);
                w.WriteString(XmlSafe(l.Value));
                w.WriteEndElement();
                break;
            case TripleNode t:
                w.WriteStartElement("triple", ns);
                w.WriteStartElement("subject", ns); XmlTerm(w, t.Triple.Subject, ns); w.WriteEndElement();
                w.WriteStartElement("predicate", ns); XmlTerm(w, t.Triple.Predicate, ns); w.WriteEndElement();
                w.WriteStartElement("object", ns); XmlTerm(w, t.Triple.Object, ns); w.WriteEndElement();
                w.WriteEndElement();
                break;
        }
    }

    /// <summary>XML 1.0 cannot carry most control characters; they are written as U+FFFD rather than failing mid-response.</summary>
    private static string XmlSafe(string s)
    {
        foreach (var c in s)
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r' || c is '\uFFFE' or '\uFFFF')
                return string.Concat(s.Select(ch => ch < 0x20 && ch is not '\t' and not '\n' and not '\r' || ch is '\uFFFE' or '\uFFFF' ? '\uFFFD' : ch));
        return s;
    }

    public static void Csv(Stream output, IReadOnlyList<string> vars, IReadOnlyList<INode?[]>? rows, bool? boolean)
    {
        using var w = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        if (boolean is { } b)
        {
            // SPARQL CSV has no boolean form; this is what common endpoints send.
            w.WriteLine("_askResult");
            w.WriteLine(b ? "true" : "false");
            return;
        }
        w.WriteLine(string.Join(",", vars.Select(CsvField)));
        foreach (var row in rows!)
            w.WriteLine(string.Join(",", row.Select(n => n is null ? "" : CsvField(TermText.Csv(n)))));
    }

    private static string CsvField(string s) =>
        s.IndexOfAny(['"', ',', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    public static void Tsv(Stream output, IReadOnlyList<string> vars, IReadOnlyList<INode?[]>? rows, bool? boolean)
    {
        using var w = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (boolean is { } b)
        {
            w.WriteLine("?_askResult");
            w.WriteLine(b ? "true" : "false");
            return;
        }
        w.WriteLine(string.Join("\t", vars.Select(v => "?" + v)));
        foreach (var row in rows!)
            w.WriteLine(string.Join("\t", row.Select(n => n is null ? "" : TermText.NTriples(n))));
    }
}
