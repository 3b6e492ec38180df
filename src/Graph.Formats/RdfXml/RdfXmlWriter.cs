using System.Globalization;
using System.Text;
using System.Xml;
using Graph.Rdf;

namespace Graph.Formats.RdfXml;

/// <summary>
/// Writes triples as RDF/XML: one rdf:Description per subject in order of first appearance, properties in input
/// order, so the same triples in the same order always give the same bytes. Prefixes come from the given map;
/// predicate namespaces without one get ns1, ns2, … in order of first use.
/// </summary>
public sealed class RdfXmlWriter : IRdfSink
{
    private readonly TextWriter _output;
    private readonly List<Triple> _triples = [];
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);

    /// <summary>A sink that buffers triples and writes them on <see cref="Finish"/>.</summary>
    public RdfXmlWriter(TextWriter output, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        _output = output;
        if (prefixes is not null)
            foreach (var (p, ns) in prefixes) _prefixes[p] = ns;
    }

    public void Quad(in Quad quad)
    {
        if (quad.Graph is not null)
            throw new RdfXmlWriteException("RDF/XML holds one graph: the quad in named graph " + quad.Graph + " cannot be written.");
        _triples.Add(quad.Triple);
    }

    public void Prefix(string prefix, string namespaceIri)
    {
        _prefixes.TryAdd(prefix, namespaceIri);
    }

    /// <summary>Writes everything received.</summary>
    public void Finish() => Write(_output, _triples, _prefixes);

    /// <summary>Writes <paramref name="triples"/> as one RDF/XML document.</summary>
    /// <exception cref="RdfXmlWriteException">A predicate cannot be written as an XML QName, a literal has a base direction, or text holds characters XML cannot carry.</exception>
    public static void Write(TextWriter output, IEnumerable<Triple> triples, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var list = triples.Distinct().ToList();
        var nsToPrefix = new Dictionary<string, string>(StringComparer.Ordinal);
        var declared = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["rdf"] = XmlNames.RdfNs };
        nsToPrefix[XmlNames.RdfNs] = "rdf";
        if (prefixes is not null)
        {
            foreach (var (p, ns) in prefixes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (p.Length == 0 || p == "rdf" || p.StartsWith("xml", StringComparison.OrdinalIgnoreCase) || !XmlNames.IsNcName(p)) continue;
                if (nsToPrefix.ContainsKey(ns)) continue;
                nsToPrefix[ns] = p;
            }
        }
        var qnames = new Dictionary<string, string>(StringComparer.Ordinal);
        var generated = 0;
        foreach (var t in list)
        {
            var iri = t.Predicate.Value;
            if (qnames.ContainsKey(iri)) continue;
            var split = SplitPoint(iri);
            if (split < 0)
                throw new RdfXmlWriteException($"The predicate <{iri}> cannot be written in RDF/XML: it does not end in an XML name.");
            var ns = iri[..split];
            if (!nsToPrefix.TryGetValue(ns, out var prefix))
            {
                do prefix = "ns" + (++generated).ToString(CultureInfo.InvariantCulture);
                while (nsToPrefix.ContainsValue(prefix));
                nsToPrefix[ns] = prefix;
            }
            declared[prefix] = ns;
            qnames[iri] = prefix + ":" + iri[split..];
        }

        var blankIds = new Dictionary<BlankNode, string>();
        string NodeId(BlankNode b)
        {
            if (!blankIds.TryGetValue(b, out var id))
                blankIds[b] = id = XmlNames.IsNcName(b.Label) && !b.Label.StartsWith("xml", StringComparison.OrdinalIgnoreCase) ? b.Label : "b" + blankIds.Count.ToString(CultureInfo.InvariantCulture);
            return id;
        }

        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF");
        foreach (var (p, ns) in declared)
        {
            sb.Append("\n    xmlns:").Append(p).Append("=\"");
            Escape(sb, ns, attribute: true);
            sb.Append('"');
        }
        sb.Append(">\n");
        foreach (var group in list.GroupBy(t => t.Subject))
        {
            sb.Append("  <rdf:Description ");
            switch (group.Key)
            {
                case IriNode i: sb.Append("rdf:about=\""); Escape(sb, i.Value, true); break;
                case BlankNode b: sb.Append("rdf:nodeID=\"").Append(NodeId(b)); break;
                default: throw new RdfXmlWriteException("RDF/XML cannot write the subject " + group.Key);
            }
            sb.Append("\">\n");
            foreach (var t in group)
            {
                var q = qnames[t.Predicate.Value];
                sb.Append("    <").Append(q);
                switch (t.Object)
                {
                    case IriNode i:
                        sb.Append(" rdf:resource=\"");
                        Escape(sb, i.Value, true);
                        sb.Append("\"/>\n");
                        break;
                    case BlankNode b:
                        sb.Append(" rdf:nodeID=\"").Append(NodeId(b)).Append("\"/>\n");
                        break;
                    case LiteralNode l:
                        if (l.Direction is not null)
                            throw new RdfXmlWriteException($"RDF/XML cannot write the base direction of {l}.");
                        if (l.Language is not null)
                        {
                            sb.Append(" xml:lang=\"");
                            Escape(sb, l.Language, true);
                            sb.Append('"');
                        }
                        else if (!l.IsSimple)
                        {
                            sb.Append(" rdf:datatype=\"");
                            Escape(sb, l.Datatype.Value, true);
                            sb.Append('"');
                        }
                        sb.Append('>');
                        Escape(sb, l.Value, false);
                        sb.Append("</").Append(q).Append(">\n");
                        break;
                    default:
                        throw new RdfXmlWriteException("RDF/XML cannot write the object " + t.Object);
                }
            }
            sb.Append("  </rdf:Description>\n");
        }
        sb.Append("</rdf:RDF>\n");
        output.Write(sb.ToString());
    }

    /// <summary>Where the trailing XML NCName of <paramref name="iri"/> starts, or -1 when it has none.</summary>
    private static int SplitPoint(string iri)
    {
        var i = iri.Length;
        while (i > 0 && IsNameChar(iri[i - 1])) i--;
        while (i < iri.Length && !IsNameStart(iri[i])) i++;
        return i < iri.Length && i > 0 ? i : -1;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static void Escape(StringBuilder sb, string s, bool attribute)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
                throw new RdfXmlWriteException($"The character U+{(int)c:X4} cannot be written in XML 1.0.");
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                case '\r': sb.Append("&#xD;"); break;
                case '\n' when attribute: sb.Append("&#xA;"); break;
                case '\t' when attribute: sb.Append("&#x9;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
