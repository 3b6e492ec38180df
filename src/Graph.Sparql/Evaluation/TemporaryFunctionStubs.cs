// TEMPORARY: minimal stand-ins for the functions engineer's Graph.Sparql.Functions API so this branch compiles
// and its common path can be tested before their branch is merged. Delete this file after `git merge main`.
using System.Globalization;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

public class ExpressionError : Exception
{
    public ExpressionError(string message) : base(message) { }
}

public sealed class FunctionContext(DateTimeOffset? now = null, string? baseIri = null, int? seed = null)
{
    private readonly Dictionary<(long, string), BlankNode> _bnodes = [];
    private long _n;
    public DateTimeOffset Now { get; } = now ?? DateTimeOffset.UtcNow;
    public string? BaseIri { get; } = baseIri;
    public Random Random { get; } = seed is int s ? new Random(s) : new Random();
    public long SolutionId { get; set; }
    public BlankNode BNodeFor(string label, long solutionId)
    {
        if (!_bnodes.TryGetValue((solutionId, label), out var b)) _bnodes[(solutionId, label)] = b = FreshBNode();
        return b;
    }
    public BlankNode FreshBNode() => new("f" + (++_n).ToString(CultureInfo.InvariantCulture));
}

public static class Builtins
{
    public static INode Call(string name, IReadOnlyList<INode> args, FunctionContext ctx)
    {
        switch (name)
        {
            case "STR": return args[0] switch { LiteralNode l => new LiteralNode(l.Value), IriNode i => new LiteralNode(i.Value), _ => throw new ExpressionError("STR of a blank node") };
            case "LANG": return args[0] is LiteralNode ll ? new LiteralNode(ll.Language ?? "") : throw new ExpressionError("LANG of a non-literal");
            case "DATATYPE": return args[0] is LiteralNode dl ? dl.Datatype : throw new ExpressionError("DATATYPE of a non-literal");
            case "ISIRI": return Bool(args[0] is IriNode);
            case "ISBLANK": return Bool(args[0] is BlankNode);
            case "ISLITERAL": return Bool(args[0] is LiteralNode);
            case "SAMETERM": return Bool(args[0].Equals(args[1]));
            case "IRI": return args[0] is IriNode ? args[0] : new IriNode(((LiteralNode)args[0]).Value);
            case "BNODE": return args.Count == 0 ? ctx.FreshBNode() : ctx.BNodeFor(((LiteralNode)args[0]).Value, ctx.SolutionId);
            case "STRLEN": return LiteralNode.Typed(((LiteralNode)args[0]).Value.Length.ToString(CultureInfo.InvariantCulture), Vocab.Xsd.IntegerNode);
            case "UCASE": return new LiteralNode(((LiteralNode)args[0]).Value.ToUpperInvariant());
            case "CONTAINS": return Bool(((LiteralNode)args[0]).Value.Contains(((LiteralNode)args[1]).Value, StringComparison.Ordinal));
            case "REGEX": return Bool(System.Text.RegularExpressions.Regex.IsMatch(((LiteralNode)args[0]).Value, ((LiteralNode)args[1]).Value));
            case "LANGMATCHES":
                var tag = ((LiteralNode)args[0]).Value; var range = ((LiteralNode)args[1]).Value;
                return Bool(range == "*" ? tag.Length > 0 : tag.Equals(range, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(range + "-", StringComparison.OrdinalIgnoreCase));
            case "CONCAT": return new LiteralNode(string.Concat(args.Select(a => ((LiteralNode)a).Value)));
        }
        throw new ExpressionError("unknown function " + name);
    }

    private static LiteralNode Bool(bool b) => LiteralNode.Typed(b ? "true" : "false", Vocab.Xsd.BooleanNode);
}

public static class Operators
{
    private static bool IsNum(INode n, out decimal d)
    {
        d = 0;
        return n is LiteralNode l && l.Language is null && (l.Datatype.Value is Vocab.Xsd.Integer or Vocab.Xsd.Decimal or Vocab.Xsd.Double or Vocab.Xsd.Int or Vocab.Xsd.Float or Vocab.Xsd.Long)
            && decimal.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }

    private static INode Num(decimal d, INode a, INode b)
    {
        var isInt = a is LiteralNode x && x.Datatype.Value == Vocab.Xsd.Integer && b is LiteralNode y && y.Datatype.Value == Vocab.Xsd.Integer;
        return LiteralNode.Typed(d.ToString(CultureInfo.InvariantCulture), isInt ? Vocab.Xsd.IntegerNode : Vocab.Xsd.DecimalNode);
    }

    private static (decimal, decimal) Both(INode a, INode b) => IsNum(a, out var x) && IsNum(b, out var y) ? (x, y) : throw new ExpressionError("not numeric");
    public static INode Add(INode a, INode b) { var (x, y) = Both(a, b); return Num(x + y, a, b); }
    public static INode Subtract(INode a, INode b) { var (x, y) = Both(a, b); return Num(x - y, a, b); }
    public static INode Multiply(INode a, INode b) { var (x, y) = Both(a, b); return Num(x * y, a, b); }
    public static INode Divide(INode a, INode b) { var (x, y) = Both(a, b); if (y == 0) throw new ExpressionError("division by zero"); return LiteralNode.Typed((x / y).ToString(CultureInfo.InvariantCulture), Vocab.Xsd.DecimalNode); }
    public static INode Negate(INode a) { var (x, _) = Both(a, a); return Num(-x, a, a); }
    public static INode Plus(INode a) { Both(a, a); return a; }
    public static bool ValueEquals(INode a, INode b) => IsNum(a, out var x) && IsNum(b, out var y) ? x == y : a.Equals(b);
    public static int Compare(INode a, INode b)
    {
        if (IsNum(a, out var x) && IsNum(b, out var y)) return x.CompareTo(y);
        if (a is LiteralNode l && b is LiteralNode m && l.Language is null && m.Language is null && l.Datatype.Equals(m.Datatype)) return string.CompareOrdinal(l.Value, m.Value);
        throw new ExpressionError("cannot compare");
    }
    public static bool EffectiveBooleanValue(INode n)
    {
        if (n is not LiteralNode l) throw new ExpressionError("no EBV");
        if (l.Datatype.Value == Vocab.Xsd.Boolean) return l.Value is "true" or "1";
        if (IsNum(n, out var d)) return d != 0;
        if (l.Datatype.Value == Vocab.Xsd.String || l.Language is not null) return l.Value.Length > 0;
        throw new ExpressionError("no EBV");
    }
    public static bool SameTerm(INode a, INode b) => a.Equals(b);
    public static int OrderCompare(INode? a, INode? b)
    {
        if (a is null) return b is null ? 0 : -1;
        if (b is null) return 1;
        if (a.Kind != b.Kind) return a.Kind.CompareTo(b.Kind);
        try { return Compare(a, b); } catch (ExpressionError) { }
        return string.CompareOrdinal(a.ToString(), b.ToString());
    }
}
