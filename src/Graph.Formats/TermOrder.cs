using Graph.Rdf;

namespace Graph.Formats;

/// <summary>A total order on terms for deterministic output: IRIs, then blank nodes, then literals, then triple terms.</summary>
public sealed class TermOrder : IComparer<INode>
{
    public static readonly TermOrder Instance = new();

    private static int Rank(INode n) => n switch
    {
        IriNode => 0,
        BlankNode => 1,
        LiteralNode => 2,
        _ => 3,
    };

    public int Compare(INode? a, INode? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb) return ra.CompareTo(rb);
        switch (a)
        {
            case IriNode ia: return string.CompareOrdinal(ia.Value, ((IriNode)b).Value);
            case BlankNode ba: return string.CompareOrdinal(ba.Label, ((BlankNode)b).Label);
            case LiteralNode la:
            {
                var lb = (LiteralNode)b;
                var c = string.CompareOrdinal(la.Value, lb.Value);
                if (c != 0) return c;
                c = string.CompareOrdinal(la.Datatype.Value, lb.Datatype.Value);
                if (c != 0) return c;
                c = string.CompareOrdinal(la.Language?.ToLowerInvariant(), lb.Language?.ToLowerInvariant());
                return c != 0 ? c : string.CompareOrdinal(la.Direction, lb.Direction);
            }
            case TripleNode ta:
            {
                var tb = (TripleNode)b;
                var c = Compare(ta.Triple.Subject, tb.Triple.Subject);
                if (c != 0) return c;
                c = Compare(ta.Triple.Predicate, tb.Triple.Predicate);
                return c != 0 ? c : Compare(ta.Triple.Object, tb.Triple.Object);
            }
        }
        return 0;
    }
}
