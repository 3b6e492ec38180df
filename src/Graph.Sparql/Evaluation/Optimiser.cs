using Graph.Sparql.Algebra;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// Algebra rewrites that never change answers: constant folding of variable-free expressions, and pushing
/// filters into the join operand that binds all their variables (so they run inside the index loops).
/// Join order is chosen later, by the plan builder, from the store's counts.
/// </summary>
public static class Optimiser
{
    private static readonly HashSet<string> s_volatile = new(StringComparer.Ordinal) { "RAND", "BNODE", "UUID", "STRUUID", "NOW" };

    public static Op Rewrite(Op op, EvalContext functions)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Expr Fold(Expr e) => FoldConstants(e, functions);
        switch (op)
        {
            case FilterOp f:
            {
                var inner = Rewrite(f.Inner, functions);
                var exprs = f.Exprs.Select(Fold).ToList();
                return Push(exprs, inner);
            }
            case JoinOp j: return new JoinOp(Rewrite(j.Left, functions), Rewrite(j.Right, functions));
            case LeftJoinOp l: return new LeftJoinOp(Rewrite(l.Left, functions), Rewrite(l.Right, functions), l.Filter is null ? null : Fold(l.Filter));
            case UnionOp u: return new UnionOp(Rewrite(u.Left, functions), Rewrite(u.Right, functions));
            case MinusOp m: return new MinusOp(Rewrite(m.Left, functions), Rewrite(m.Right, functions));
            case GraphOp g: return new GraphOp(g.Name, Rewrite(g.Inner, functions));
            case ExtendOp e: return new ExtendOp(Rewrite(e.Inner, functions), e.Var, Fold(e.Expr));
            case GroupOp g: return new GroupOp(Rewrite(g.Inner, functions), g.Keys, g.Aggregates);
            case OrderByOp o: return new OrderByOp(Rewrite(o.Inner, functions), o.Conditions);
            case ProjectOp p: return new ProjectOp(Rewrite(p.Inner, functions), p.Vars);
            case DistinctOp d: return new DistinctOp(Rewrite(d.Inner, functions), d.Reduced);
            case SliceOp s: return new SliceOp(Rewrite(s.Inner, functions), s.Offset, s.Limit);
            default: return op;
        }
    }

    private static Op Push(List<Expr> exprs, Op inner)
    {
        var keep = new List<Expr>();
        foreach (var e in exprs)
        {
            if (PlanBuilder.HasExists(e)) { keep.Add(e); continue; }
            var vars = e.Vars().ToHashSet();
            if (vars.Count > 0 && inner is JoinOp j && TryPushJoin(e, vars, j, out var pushed))
            {
                inner = pushed;
                continue;
            }
            if (vars.Count > 0 && inner is LeftJoinOp l && vars.IsSubsetOf(l.Left.CertainVars().ToHashSet()))
            {
                inner = new LeftJoinOp(Push([e], l.Left), l.Right, l.Filter);
                continue;
            }
            keep.Add(e);
        }
        if (keep.Count == 0) return inner;
        if (inner is FilterOp f) return new FilterOp([.. f.Exprs, .. keep], f.Inner);
        return new FilterOp(keep, inner);
    }

    private static bool TryPushJoin(Expr e, HashSet<string> vars, JoinOp j, out Op result)
    {
        if (vars.IsSubsetOf(j.Left.CertainVars().ToHashSet()))
        {
            result = new JoinOp(Push([e], j.Left), j.Right);
            return true;
        }
        if (vars.IsSubsetOf(j.Right.CertainVars().ToHashSet()))
        {
            result = new JoinOp(j.Left, Push([e], j.Right));
            return true;
        }
        result = j;
        return false;
    }

    public static Expr FoldConstants(Expr e, EvalContext functions)
    {
        if (e is not CallExpr c) return e;
        var args = c.Args.Select(a => FoldConstants(a, functions)).ToList();
        var folded = new CallExpr(c.Op, args, c.IsIri);
        if (c.IsIri || s_volatile.Contains(c.Op) || c.Op == "BOUND" || !args.All(a => a is ConstExpr)) return folded;
        try
        {
            // Constant sub-expressions are evaluated once here instead of once per solution.
            return new ConstExpr(new ExprEvaluator(functions, new Dictionary<string, int>()).Eval(folded, [], []));
        }
        catch (ExpressionError) { return folded; }
    }
}
