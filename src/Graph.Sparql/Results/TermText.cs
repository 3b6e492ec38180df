using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>How terms are spelled in the TSV and CSV results formats.</summary>
public static class TermText
{
    /// <summary>
    /// The TSV form (SPARQL 1.1 CSV/TSV §3): N-Triples/Turtle syntax, with integers, decimals, doubles and booleans
    /// in Turtle's short form when their lexical form allows it.
    /// </summary>
    public static string Tsv(INode term)
    {
        switch (term)
        {
            case IriNode iri: return NTriplesText.Iri(iri.Value);
            case BlankNode b: return "_:" + b.Label;
            case TripleNode t: return "<<( " + Tsv(t.Triple.Subject) + " " + Tsv(t.Triple.Predicate) + " " + Tsv(t.Triple.Object) + " )>>";
            case LiteralNode l:
                if (l.Language is null && IsTurtleShortForm(l.Value, l.Datatype.Value)) return l.Value;
                return l.ToString();
            default: throw new ArgumentException("Unknown kind of term: " + term.GetType().Name);
        }
    }

    /// <summary>The CSV form (§2): IRIs and literals as their plain string, blank nodes as _:label.</summary>
    public static string Csv(INode term) => term switch
    {
        IriNode iri => iri.Value,
        BlankNode b => "_:" + b.Label,
        LiteralNode l => l.Value,
        TripleNode t => Tsv(t),
        _ => throw new ArgumentException("Unknown kind of term: " + term.GetType().Name),
    };

    /// <summary>True when <paramref name="lex"/> is Turtle's INTEGER, DECIMAL, DOUBLE or boolean syntax for that datatype.</summary>
    internal static bool IsTurtleShortForm(string lex, string datatype)
    {
        switch (datatype)
        {
            case Vocab.Xsd.Boolean: return lex is "true" or "false";
            case Vocab.Xsd.Integer:
            {
                var i = Sign(lex);
                return i < lex.Length && Digits(lex, ref i) > 0 && i == lex.Length;
            }
            case Vocab.Xsd.Decimal:
            {
                var i = Sign(lex);
                Digits(lex, ref i);
                if (i >= lex.Length || lex[i] != '.') return false;
                i++;
                return Digits(lex, ref i) > 0 && i == lex.Length;
            }
            case Vocab.Xsd.Double:
            {
                var i = Sign(lex);
                var n = Digits(lex, ref i);
                if (i < lex.Length && lex[i] == '.') { i++; n += Digits(lex, ref i); }
                if (n == 0 || i >= lex.Length || lex[i] is not ('e' or 'E')) return false;
                i++;
                if (i < lex.Length && lex[i] is '+' or '-') i++;
                return Digits(lex, ref i) > 0 && i == lex.Length;
            }
            default: return false;
        }
    }

    private static int Sign(string s) => s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;

    private static int Digits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i - start;
    }

    /// <summary>A CSV field, quoted when it holds a quote, comma, CR or LF (RFC 4180).</summary>
    public static void AppendCsvField(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
