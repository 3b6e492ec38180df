using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// Evaluates expressions on a row. The special forms (&amp;&amp;, ||, !, IF, COALESCE, BOUND, IN, EXISTS) live here;
/// operators and functions come from <see cref="Operators"/> and <see cref="Builtins"/>.
/// Errors are <see cref="ExpressionError"/>s: FILTER turns them into false, BIND into unbound.
/// </summary>
public sealed class ExprEvaluator(EvalContext ctx, IReadOnlyDictionary<string, int> slots)
{
    public static readonly LiteralNode True = LiteralNode.Typed("true", Vocab.Xsd.BooleanNode);
    public static readonly LiteralNode False = LiteralNode.Typed("false", Vocab.Xsd.BooleanNode);

    /// <summary>The plans of EXISTS patterns, filled in by the plan builder.</summary>
    public Dictionary<ExistsExpr, Plan> Exists { get; } = new(ReferenceEqualityComparer.Instance);

    public bool Test(Expr e, int[] row, int[] graphs)
    {
        try { return Operators.EffectiveBooleanValue(Eval(e, row, graphs)); }
        catch (ExpressionError) { return false; }
    }

    public INode? EvalOrNull(Expr e, int[] row, int[] graphs)
    {
        try { return Eval(e, row, graphs); }
        catch (ExpressionError) { return null; }
    }

    /// <summary>The id of the value, 0 on error; variables are read without materialising their term.</summary>
    public int EvalId(Expr e, int[] row, int[] graphs)
    {
        if (e is VarExpr v) return slots.TryGetValue(v.Name, out var s) ? row[s] : 0;
        var n = EvalOrNull(e, row, graphs);
        return n is null ? 0 : ctx.Terms.Intern(n);
    }

    private static LiteralNode Bool(bool b) => b ? True : False;

    public INode Eval(Expr e, int[] row, int[] graphs)
    {
        switch (e)
        {
            case ConstExpr c: return c.Value;
            case VarExpr v:
                if (slots.TryGetValue(v.Name, out var slot) && row[slot] != 0) return ctx.Terms.Get(row[slot]);
                throw new ExpressionError("?" + v.Name + " is unbound");
            case InExpr i: return Bool(In(i, row, graphs));
            case ExistsExpr x:
            {
                var plan = Exists[x];
                bool any;
                using (var it = plan.Run(row, graphs).GetEnumerator()) any = it.MoveNext();
                return Bool(any != x.Negated);
            }
            case CallExpr c: return Call(c, row, graphs);
            case AggregateExpr: throw new ExpressionError("aggregate outside of a group");
        }
        throw new ExpressionError("unknown expression");
    }

    private bool In(InExpr i, int[] row, int[] graphs)
    {
        var v = Eval(i.Value, row, graphs);
        ExpressionError? error = null;
        foreach (var item in i.List)
        {
            try
            {
                if (Operators.ValueEquals(v, Eval(item, row, graphs))) return !i.Negated;
            }
            catch (ExpressionError err) { error = err; }
        }
        if (error is not null) throw error;
        return i.Negated;
    }

    private INode Call(CallExpr c, int[] row, int[] graphs)
    {
        var a = c.Args;
        if (!c.IsIri)
        {
            switch (c.Op)
            {
                case "||":
                {
                    ExpressionError? err = null;
                    try { if (Ebv(a[0], row, graphs)) return True; } catch (ExpressionError x) { err = x; }
                    if (Ebv(a[1], row, graphs)) return True;
                    if (err is not null) throw err;
                    return False;
                }
                case "&&":
                {
                    ExpressionError? err = null;
                    try { if (!Ebv(a[0], row, graphs)) return False; } catch (ExpressionError x) { err = x; }
                    if (!Ebv(a[1], row, graphs)) return False;
                    if (err is not null) throw err;
                    return True;
                }
                case "!": return Bool(!Ebv(a[0], row, graphs));
                case "=": return Bool(Operators.ValueEquals(Eval(a[0], row, graphs), Eval(a[1], row, graphs)));
                case "!=": return Bool(!Operators.ValueEquals(Eval(a[0], row, graphs), Eval(a[1], row, graphs)));
                case "<": return Bool(Operators.Compare(Eval(a[0], row, graphs), Eval(a[1], row, graphs)) < 0);
                case ">": return Bool(Operators.Compare(Eval(a[0], row, graphs), Eval(a[1], row, graphs)) > 0);
                case "<=": return Bool(Operators.Compare(Eval(a[0], row, graphs), Eval(a[1], row, graphs)) <= 0);
                case ">=": return Bool(Operators.Compare(Eval(a[0], row, graphs), Eval(a[1], row, graphs)) >= 0);
                case "+": return Operators.Add(Eval(a[0], row, graphs), Eval(a[1], row, graphs));
                case "-": return Operators.Subtract(Eval(a[0], row, graphs), Eval(a[1], row, graphs));
                case "*": return Operators.Multiply(Eval(a[0], row, graphs), Eval(a[1], row, graphs));
                case "/": return Operators.Divide(Eval(a[0], row, graphs), Eval(a[1], row, graphs));
                case "u-": return Operators.Negate(Eval(a[0], row, graphs));
                case "u+": return Operators.Plus(Eval(a[0], row, graphs));
                case "IF": return Ebv(a[0], row, graphs) ? Eval(a[1], row, graphs) : Eval(a[2], row, graphs);
                case "COALESCE":
                    foreach (var x in a)
                    {
                        try { return Eval(x, row, graphs); }
                        catch (ExpressionError) { }
                    }
                    throw new ExpressionError("COALESCE: no argument has a value");
                case "BOUND":
                    return Bool(a[0] is VarExpr bv && slots.TryGetValue(bv.Name, out var bs) && row[bs] != 0);
            }
        }
        var args = new INode[a.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Eval(a[i], row, graphs);
        return Builtins.Call(c.Op, args, ctx.Functions);
    }

    private bool Ebv(Expr e, int[] row, int[] graphs) => Operators.EffectiveBooleanValue(Eval(e, row, graphs));
}
