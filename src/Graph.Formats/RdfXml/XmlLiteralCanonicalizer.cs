using System.Text;

namespace Graph.Formats.RdfXml;

/// <summary>
/// Serialises the content of an rdf:parseType="Literal" property element as Exclusive XML Canonicalization
/// (with comments), which is the lexical form RDF/XML prescribes for rdf:XMLLiteral values.
/// </summary>
internal static class XmlLiteralCanonicalizer
{
    public static string Canonicalize(IReadOnlyList<XNodeItem> nodes)
    {
        var sb = new StringBuilder();
        // Explicit stack of (node, rendered-namespaces-of-output-ancestors, closing tag) so that deep literals cannot overflow.
        var stack = new Stack<(XNodeItem? Node, Dictionary<string, string> Rendered, string? Close)>();
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = nodes.Count - 1; i >= 0; i--) stack.Push((nodes[i], empty, null));
        while (stack.Count > 0)
        {
            var (node, rendered, close) = stack.Pop();
            if (close is not null)
            {
                sb.Append(close);
                continue;
            }
            switch (node)
            {
                case XTextItem t:
                    AppendText(sb, t.Text.ToString());
                    break;
                case XCommentItem c:
                    sb.Append("<!--").Append(c.Text).Append("-->");
                    break;
                case XPiItem p:
                    sb.Append("<?").Append(p.Target);
                    if (p.Data.Length > 0) sb.Append(' ').Append(p.Data);
                    sb.Append("?>");
                    break;
                case XElementItem e:
                {
                    var qname = e.Prefix.Length == 0 ? e.LocalName : e.Prefix + ":" + e.LocalName;
                    sb.Append('<').Append(qname);
                    var used = new SortedSet<string>(StringComparer.Ordinal) { e.Prefix };
                    foreach (var a in e.Attributes)
                        if (!a.IsNamespaceDeclaration && a.Prefix.Length > 0 && a.Prefix != "xml")
                            used.Add(a.Prefix);
                    var mine = new Dictionary<string, string>(rendered, StringComparer.Ordinal);
                    foreach (var prefix in used)
                    {
                        var ns = e.LookupNamespace(prefix) ?? "";
                        var already = rendered.TryGetValue(prefix, out var prev) ? prev : "";
                        if (prefix.Length == 0 ? ns == already : rendered.TryGetValue(prefix, out var p2) && p2 == ns) continue;
                        sb.Append(prefix.Length == 0 ? " xmlns=\"" : " xmlns:" + prefix + "=\"");
                        AppendAttributeValue(sb, ns);
                        sb.Append('"');
                        mine[prefix] = ns;
                    }
                    var attrs = e.Attributes.Where(a => !a.IsNamespaceDeclaration)
                        .OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.LocalName, StringComparer.Ordinal);
                    foreach (var a in attrs)
                    {
                        sb.Append(' ').Append(a.Prefix.Length == 0 ? a.LocalName : a.Prefix + ":" + a.LocalName).Append("=\"");
                        AppendAttributeValue(sb, a.Value);
                        sb.Append('"');
                    }
                    sb.Append('>');
                    stack.Push((null, mine, "</" + qname + ">"));
                    for (var i = e.Children.Count - 1; i >= 0; i--) stack.Push((e.Children[i], mine, null));
                    break;
                }
            }
        }
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static void AppendAttributeValue(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t': sb.Append("&#x9;"); break;
                case '\n': sb.Append("&#xA;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
