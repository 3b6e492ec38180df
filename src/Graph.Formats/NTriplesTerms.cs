using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Canonical N-Triples spelling of whole terms (RDF 1.2 N-Triples §canonical form): IRIs and strings escaped by
/// <see cref="NTriplesText"/>, lower-case language tags, xsd:string left implicit, triple terms as &lt;&lt;( s p o )&gt;&gt;.
/// </summary>
internal static class NTriplesTerms
{
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AppendIri(StringBuilder sb, string iri) => NTriplesText.AppendIri(sb, iri);

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AppendString(StringBuilder sb, string value) => NTriplesText.AppendQuoted(sb, value);

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
