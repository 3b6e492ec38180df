using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>The total order ORDER BY uses (§15.1), extended deterministically where SPARQL leaves it open.</summary>
internal static class TermOrder
{
    public static int Compare(INode? a, INode? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        if (a.Kind != b.Kind) return a.Kind.CompareTo(b.Kind);
        switch (a)
        {
            case BlankNode ba: return Math.Sign(string.CompareOrdinal(ba.Label, ((BlankNode)b).Label));
            case IriNode ia: return Math.Sign(string.CompareOrdinal(ia.Value, ((IriNode)b).Value));
            case TripleNode ta:
                var tb = ((TripleNode)b).Triple;
                var c = Compare(ta.Triple.Subject, tb.Subject);
                if (c == 0) c = Compare(ta.Triple.Predicate, tb.Predicate);
                if (c == 0) c = Compare(ta.Triple.Object, tb.Object);
                return c;
            default: return CompareLiterals((LiteralNode)a, (LiteralNode)b);
        }
    }

    // Rank of literal kinds where values of different kinds meet: numbers, then plain strings, language-tagged
    // strings, booleans, dates and times, and last literals we cannot read (by datatype IRI, then lexical form).
    private static int Rank(Operators.ValueCategory c, LiteralNode l) => c switch
    {
        Operators.ValueCategory.Numeric => 0,
        Operators.ValueCategory.String => 1,
        Operators.ValueCategory.Boolean => 3,
        Operators.ValueCategory.DateTime => 4,
        Operators.ValueCategory.Date => 5,
        _ => l.Language is not null ? 2 : 6,
    };

    private static int CompareLiterals(LiteralNode x, LiteralNode y)
    {
        // Fast path for the most common ORDER BY keys: two plain strings, decided by code point order alone.
        if (x.Language is null && y.Language is null && x.Datatype.Value == Vocab.Xsd.String && y.Datatype.Value == Vocab.Xsd.String)
            return Operators.CodePointOrder(x.Value, y.Value);
        var cx = Operators.Category(x);
        var cy = Operators.Category(y);
        var rx = Rank(cx, x);
        var ry = Rank(cy, y);
        if (rx != ry) return rx.CompareTo(ry);
        if (cx != Operators.ValueCategory.None)
        {
            if (cx == Operators.ValueCategory.Numeric)
            {
                var nx = Operators.NumberOf(x);
                var ny = Operators.NumberOf(y);
                // NaN sorts before every number so that the order stays total.
                if (nx.IsNaN || ny.IsNaN)
                {
                    if (nx.IsNaN != ny.IsNaN) return nx.IsNaN ? -1 : 1;
                }
                else
                {
                    var n = Operators.CompareNumeric(nx, ny) ?? 0;
                    if (n != 0) return n;
                }
            }
            else
            {
                try
                {
                    var v = Operators.Compare(x, y);
                    if (v != 0) return v;
                }
                catch (ExpressionError)
                {
                    // Indeterminate date/time order: fall through to the lexical tie-break.
                }
            }
        }
        else if (x.Language is not null)
        {
            var l = string.Compare(x.Language, y.Language, StringComparison.OrdinalIgnoreCase);
            if (l != 0) return Math.Sign(l);
        }
        // Equal values or unreadable literals: datatype IRI, then lexical form, then tag, so distinct terms never tie.
        var d = string.CompareOrdinal(x.Datatype.Value, y.Datatype.Value);
        if (d != 0) return Math.Sign(d);
        var s = Operators.CodePointOrder(x.Value, y.Value);
        if (s != 0) return s;
        var t = string.Compare(x.Language ?? "", y.Language ?? "", StringComparison.OrdinalIgnoreCase);
        if (t != 0) return Math.Sign(t);
        return string.CompareOrdinal(x.Direction ?? "", y.Direction ?? "");
    }
}
