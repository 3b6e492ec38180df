using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Canonical N-Triples spelling of terms (RDF 1.2 N-Triples §canonical form): ECHAR for \b \t \n \f \r \" \\,
/// \uXXXX (upper-case hex) for the other controls, everything else as is; lower-case language tags;
/// xsd:string left implicit; triple terms as &lt;&lt;( s p o )&gt;&gt;. Also used by the Turtle writer for full IRIs and strings.
/// </summary>
internal static class NTriplesTerms
{
    private static readonly SearchValues<char> s_literalSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFFFE\uFFFF\"\\");

    private static readonly SearchValues<char> s_iriSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"{}|^`\\");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendTerm(StringBuilder sb, INode node)
    {
        switch (node)
        {
            case IriNode i: AppendIri(sb, i.Value); break;
            case BlankNode b: AppendBlank(sb, b.Label); break;
            case LiteralNode l: AppendLiteral(sb, l); break;
            case TripleNode t:
                sb.Append("<<( ");
                AppendTerm(sb, t.Triple.Subject);
                sb.Append(' ');
                AppendIri(sb, t.Triple.Predicate.Value);
                sb.Append(' ');
                AppendTerm(sb, t.Triple.Object);
                sb.Append(" )>>");
                break;
            default: throw new ArgumentException("unknown term kind " + node.GetType().Name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendIri(StringBuilder sb, string iri)
    {
        sb.Append('<');
        if (iri.AsSpan().IndexOfAny(s_iriSpecials) < 0) sb.Append(iri);
        else
        {
            foreach (var c in iri)
            {
                if (s_iriSpecials.Contains(c)) sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
        }
        sb.Append('>');
    }

    /// <summary>Writes _:label, replacing characters a label may not hold so the output always parses.</summary>
    public static void AppendBlank(StringBuilder sb, string label)
    {
        sb.Append("_:");
        if (IsValidLabel(label)) { sb.Append(label); return; }
        // A label made elsewhere (SPARQL, JSON-LD) may hold any character: hex-encode the odd ones, reversibly enough to stay distinct.
        sb.Append('x');
        foreach (var c in label)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else sb.Append('_').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static bool IsValidLabel(string label)
    {
        if (label.Length == 0) return false;
        var c0 = label[0];
        if (!(CharClasses.IsPnCharsU(c0) || char.IsAsciiDigit(c0))) return false;
        for (var i = 1; i < label.Length; i++)
        {
            var c = label[i];
            if (c == '.' && i < label.Length - 1) continue;
            if (!CharClasses.IsPnChars(c)) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        var span = value.AsSpan();
        while (true)
        {
            var idx = span.IndexOfAny(s_literalSpecials);
            if (idx < 0) { sb.Append(span); break; }
            sb.Append(span[..idx]);
            var c = span[idx];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
            span = span[(idx + 1)..];
        }
        sb.Append('"');
    }

    public static void AppendLiteral(StringBuilder sb, LiteralNode l)
    {
        AppendString(sb, l.Value);
        AppendLiteralSuffix(sb, l);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendLiteralSuffix(StringBuilder sb, LiteralNode l)
    {
        if (l.Language is not null)
        {
            sb.Append('@');
            foreach (var c in l.Language) sb.Append(char.ToLowerInvariant(c));
            if (l.Direction is not null) sb.Append("--").Append(l.Direction);
        }
        else if (l.Datatype.Value != Vocab.Xsd.String)
        {
            sb.Append("^^");
            AppendIri(sb, l.Datatype.Value);
        }
    }
}
