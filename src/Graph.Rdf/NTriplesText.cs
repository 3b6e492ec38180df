using System.Text;

namespace Graph.Rdf;

/// <summary>Canonical N-Triples spelling of IRIs and string literals (RDF 1.1 N-Triples §4 canonical form).</summary>
public static class NTriplesText
{
    public static string Iri(string iri)
    {
        var sb = new StringBuilder(iri.Length + 2);
        AppendIri(sb, iri);
        return sb.ToString();
    }

    public static void AppendIri(StringBuilder sb, string iri)
    {
        sb.Append('<');
        foreach (var c in iri)
        {
            // Characters that may not appear raw inside <> are written as UCHARs.
            if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\')
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        sb.Append('>');
    }

    public static string Quoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    /// <summary>Writes "value" escaping only what canonical N-Triples escapes: \" \\ \n \r, and other controls as UCHAR.</summary>
    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
