using System.Xml;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>Reads the SPARQL Query Results XML Format (.srx). DTDs are refused, so no entity can expand or fetch anything.</summary>
public static class XmlResultsReader
{
    private const string Ns = XmlResultsWriter.Ns;

    public static SparqlResultSet Read(Stream input, string? source = null)
    {
        // Whitespace is kept: a literal may be nothing but spaces, tabs or line breaks.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = false };
        var doc = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        // The document is held in memory anyway (XmlDocument), and the text lets a position-less error be located.
        string text;
        using (var sr = new StreamReader(input, leaveOpen: true)) text = sr.ReadToEnd();
        try
        {
            using var xr = XmlReader.Create(new StringReader(text), settings);
            doc.Load(xr);
        }
        catch (XmlException e)
        {
            var (line, col) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : Locate(text, "<!DOCTYPE");
            throw new RdfParseException("Invalid XML: " + e.Message, source, line, col, e);
        }
        catch (ArgumentException e)
        {
            // XmlDocument reports a bad XML declaration (version="2.0") this way, not as an XmlException.
            var (line, col) = Locate(text, "<?xml");
            throw new RdfParseException("Invalid XML declaration: " + e.Message, source, line, col, e);
        }
        var root = doc.DocumentElement;
        if (root is null || root.LocalName != "sparql" || root.NamespaceURI != Ns)
            throw new RdfParseException("The root element must be <sparql xmlns=\"" + Ns + "\">.", source, 1, 1);
        var vars = new List<string>();
        bool? boolean = null;
        var rows = new List<INode?[]>();
        foreach (var child in Elements(root))
        {
            switch (child.LocalName)
            {
                case "head":
                    foreach (var v in Elements(child))
                        if (v.LocalName == "variable") vars.Add(v.GetAttribute("name"));
                    break;
                case "boolean":
                    boolean = child.InnerText.Trim() switch
                    {
                        "true" => true,
                        "false" => false,
                        var other => throw new RdfParseException("<boolean> must be true or false, got \"" + other + "\".", source, 0, 0),
                    };
                    break;
                case "results":
                    var index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < vars.Count; i++) index[vars[i]] = i;
                    foreach (var result in Elements(child))
                    {
                        if (result.LocalName != "result") continue;
                        var row = new INode?[vars.Count];
                        foreach (var binding in Elements(result))
                        {
                            var name = binding.GetAttribute("name");
                            if (!index.TryGetValue(name, out var col))
                                throw new RdfParseException("The binding \"" + name + "\" names no variable of <head>.", source, 0, 0);
                            var term = Elements(binding).FirstOrDefault() ?? throw new RdfParseException("The binding \"" + name + "\" holds no term.", source, 0, 0);
                            row[col] = Term(term, source);
                        }
                        rows.Add(row);
                    }
                    break;
            }
        }
        return boolean is bool b ? new SparqlResultSet(b) : new SparqlResultSet(vars, rows);
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="what"/>, or 1:1 when absent.</summary>
    private static (int Line, int Column) Locate(string text, string what)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        if (at < 0) return (1, 1);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < at; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, at - lineStart + 1);
    }

    public static SparqlResultSet ReadFile(string path)
    {
        using var f = File.OpenRead(path);
        return Read(f, path);
    }

    private static IEnumerable<XmlElement> Elements(XmlNode n) => n.ChildNodes.OfType<XmlElement>().Where(e => e.NamespaceURI == Ns);

    // The term constructors reject what RDF forbids (an empty blank node label, a base direction other than
    // ltr/rtl, rdf:langString without a tag) with ArgumentException: that is bad input here.
    private static INode Term(XmlElement e, string? source, int depth = 0)
    {
        try
        {
            return TermOf(e, source, depth);
        }
        catch (ArgumentException x)
        {
            throw new RdfParseException("Bad <" + e.LocalName + ">: " + x.Message, source, 0, 0);
        }
    }

    private static INode TermOf(XmlElement e, string? source, int depth)
    {
        if (depth > 64) throw new RdfParseException("Triple terms nested too deeply.", source, 0, 0);
        switch (e.LocalName)
        {
            case "uri": return new IriNode(e.InnerText);
            case "bnode": return new BlankNode(e.InnerText);
            case "literal":
                var lang = e.GetAttribute("lang", "http://www.w3.org/XML/1998/namespace");
                if (lang.Length > 0)
                {
                    var dir = e.GetAttribute("dir", XmlResultsWriter.ItsNs);
                    return LiteralNode.LangString(e.InnerText, lang, dir.Length > 0 ? dir : null);
                }
                var dt = e.GetAttribute("datatype");
                return dt.Length > 0 ? LiteralNode.Typed(e.InnerText, dt) : new LiteralNode(e.InnerText);
            case "triple":
                INode? s = null, p = null, o = null;
                foreach (var part in Elements(e))
                {
                    var inner = Elements(part).FirstOrDefault() ?? throw new RdfParseException("<" + part.LocalName + "> holds no term.", source, 0, 0);
                    switch (part.LocalName)
                    {
                        case "subject": s = Term(inner, source, depth + 1); break;
                        case "predicate": p = Term(inner, source, depth + 1); break;
                        case "object": o = Term(inner, source, depth + 1); break;
                    }
                }
                if (s is null || p is not IriNode pi || o is null)
                    throw new RdfParseException("<triple> needs a subject, an IRI predicate and an object.", source, 0, 0);
                return new TripleNode(new Triple(s, pi, o));
            default:
                throw new RdfParseException("Unknown term element <" + e.LocalName + ">.", source, 0, 0);
        }
    }
}
