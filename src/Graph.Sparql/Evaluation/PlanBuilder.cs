using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Remote;
using Graph.Store;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// Turns algebra into physical operators. The central decision is substitution: an operator may run with the
/// bindings of the solutions before it (an index nested-loop / bind join) only when that cannot change its
/// meaning (filter scope, OPTIONAL, MINUS, sub-queries); otherwise it runs on its own and is hash-joined.
/// With optimisation on, triple patterns and join operands are ordered from the store's exact counts.
/// </summary>
public sealed class PlanBuilder
{
    private readonly EvalContext _ctx;
    private readonly Dictionary<string, int> _slots;
    private readonly bool _optimise;

    public PlanBuilder(EvalContext ctx, Dictionary<string, int> slots, bool optimise)
    {
        _ctx = ctx;
        _slots = slots;
        _optimise = optimise;
        Eval = new ExprEvaluator(ctx, slots);
    }

    public ExprEvaluator Eval { get; }

    private static readonly HashSet<string> Empty = [];

    public int Slot(string var) => _slots[var];

    public Plan Build(Op op, HashSet<string> outer, bool inGraph = false)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (outer.Count > 0 && !Safe(op, outer))
            return new IsolatedPlan(_ctx, Core(op, Empty, inGraph)) { Source = op };
        return Core(op, outer, inGraph);
    }

    private Plan Core(Op op, HashSet<string> outer, bool inGraph)
    {
        Plan plan;
        switch (op)
        {
            case BgpOp b: plan = Bgp(b.Patterns, [], outer, inGraph); break;
            case FilterOp f when _optimise && f.Inner is BgpOp fb && !f.Exprs.Any(HasExists):
                plan = Bgp(fb.Patterns, f.Exprs, outer, inGraph);
                break;
            case FilterOp f: plan = new FilterPlan(_ctx, Eval, Build(f.Inner, outer, inGraph), f.Exprs); break;
            case PathOp p: plan = new PathPlan(_ctx, PathPosition(p.Subject), p.Path, PathPosition(p.Object)) { EstimatedRows = PathEstimate(p, outer) }; break;
            case JoinOp j: plan = Join(j, outer, inGraph); break;
            case LeftJoinOp l:
            {
                var left = Build(l.Left, outer, inGraph);
                var bound = Union(outer, l.Left.MaybeVars());
                if (Safe(l.Right, bound))
                    plan = new BindLeftJoinPlan(_ctx, Eval, left, Build(l.Right, bound, inGraph), l.Filter);
                else
                    plan = new HashLeftJoinPlan(_ctx, Eval, left, Materialise(l.Right, l.Left.CertainVars(), inGraph), l.Filter);
                break;
            }
            case UnionOp u: plan = new UnionPlan(_ctx, Build(u.Left, outer, inGraph), Build(u.Right, outer, inGraph)); break;
            case MinusOp m: plan = new MinusPlan(_ctx, Build(m.Left, outer, inGraph), Materialise(m.Right, m.Left.CertainVars(), inGraph)); break;
            case GraphOp g:
            {
                var inner = Build(g.Inner, g.Name.IsVar ? Union(outer, [g.Name.Var!]) : outer, inGraph: true);
                plan = g.Name.IsVar
                    ? new GraphPlan(_ctx, inner, Slot(g.Name.Var!), 0)
                    : new GraphPlan(_ctx, inner, -1, _ctx.Terms.StoreId(g.Name.Node!) is var id && id > 0 ? id : int.MinValue);
                break;
            }
            case ServiceOp s when _ctx.Options.Services is { } services: plan = new RemoteServicePlan(_ctx, s, services, null, _slots); break;
            case ServiceOp s: plan = new ServicePlan(_ctx, s.Silent, s.Endpoint.ToString()); break;
            case ExtendOp e: plan = new ExtendPlan(_ctx, Eval, Build(e.Inner, outer, inGraph), Slot(e.Var), e.Expr, e.Var); break;
            case TableOp t:
            {
                var rows = new List<int[]>();
                foreach (var r in t.Rows)
                {
                    var row = new int[_ctx.Width];
                    for (var i = 0; i < r.Length; i++)
                        if (r[i] is { } n) row[Slot(t.Vars[i])] = _ctx.Terms.Intern(n);
                    rows.Add(row);
                }
                plan = new TablePlan(_ctx, rows, t.IsUnit ? "table unit" : "table " + rows.Count + " rows") { EstimatedRows = rows.Count };
                break;
            }
            case GroupOp g:
                plan = new GroupPlan(_ctx, Eval, Build(g.Inner, Empty, inGraph),
                    g.Keys.Select(k => (k.Expr, Slot(k.Var ?? ((VarExpr)k.Expr).Name))).ToList(),
                    g.Aggregates.Select(a => (a.Aggregate, Slot(a.Var))).ToList(), _slots);
                break;
            case OrderByOp o: plan = new OrderPlan(_ctx, Eval, Build(o.Inner, Empty, inGraph), o.Conditions, null); break;
            case ProjectOp p: plan = new ProjectPlan(_ctx, Build(p.Inner, Empty, inGraph), p.Vars.Select(Slot).ToArray()); break;
            // REDUCED may drop any duplicates, including none: it costs nothing to keep them all.
            case DistinctOp { Reduced: true } d: plan = Build(d.Inner, Empty, inGraph); break;
            case DistinctOp d: plan = new DistinctPlan(_ctx, Build(d.Inner, Empty, inGraph)); break;
            case SliceOp s:
            {
                Plan inner;
                var keep = s.Limit is { } lim ? s.Offset + lim : (long?)null;
                if (keep is not null && s.Inner is OrderByOp so)
                    inner = new OrderPlan(_ctx, Eval, Build(so.Inner, Empty, inGraph), so.Conditions, keep) { Source = so };
                else if (keep is not null && s.Inner is ProjectOp { Inner: OrderByOp po } sp)
                    inner = new ProjectPlan(_ctx, new OrderPlan(_ctx, Eval, Build(po.Inner, Empty, inGraph), po.Conditions, keep) { Source = po },
                        sp.Vars.Select(Slot).ToArray()) { Source = sp };
                else inner = Build(s.Inner, Empty, inGraph);
                plan = new SlicePlan(_ctx, inner, s.Offset, s.Limit);
                break;
            }
            default: throw new NotSupportedException("operator " + op.GetType().Name);
        }
        plan.Source ??= op;
        return plan;
    }

    private MaterialisedSide Materialise(Op right, IEnumerable<string> leftCertain, bool inGraph)
    {
        var keys = right.CertainVars().Intersect(leftCertain).Select(Slot).OrderBy(x => x).ToArray();
        return new MaterialisedSide(_ctx, Build(right, Empty, inGraph), keys);
    }

    private Plan Join(JoinOp j, HashSet<string> outer, bool inGraph)
    {
        var parts = new List<Op>();
        var stack = new Stack<Op>();
        stack.Push(j);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (o is JoinOp jj && _optimise) { stack.Push(jj.Right); stack.Push(jj.Left); }
            else parts.Add(o);
        }
        if (!_optimise) parts = [j.Left, j.Right];
        else parts = OrderOperands(parts, outer, inGraph);
        var bound = new HashSet<string>(outer);
        var certain = new HashSet<string>();
        Plan? plan = null;
        foreach (var part in parts)
        {
            if (plan is null) plan = Build(part, bound, inGraph);
            else if (part is ServiceOp so && _ctx.Options.Services is { } services) plan = new RemoteServicePlan(_ctx, so, services, plan, _slots);
            else if (Safe(part, bound)) plan = new BindJoinPlan(_ctx, plan, Build(part, bound, inGraph));
            else plan = new HashJoinPlan(_ctx, plan, Materialise(part, certain, inGraph));
            bound.UnionWith(part.MaybeVars());
            certain.UnionWith(part.CertainVars());
        }
        return plan!;
    }

    private List<Op> OrderOperands(List<Op> parts, HashSet<string> outer, bool inGraph)
    {
        var remaining = new List<Op>(parts);
        var result = new List<Op>();
        var bound = new HashSet<string>(outer);
        while (remaining.Count > 0)
        {
            Op? best = null;
            var bestCost = double.MaxValue;
            var bestConnected = false;
            foreach (var p in remaining)
            {
                var connected = bound.Count == 0 || p.MaybeVars().Any(bound.Contains);
                var cost = OperandCost(p, bound, inGraph);
                if ((connected && !bestConnected) || (connected == bestConnected && cost < bestCost))
                {
                    best = p;
                    bestCost = cost;
                    bestConnected = connected;
                }
            }
            remaining.Remove(best!);
            result.Add(best!);
            bound.UnionWith(best!.MaybeVars());
        }
        return result;
    }

    private double OperandCost(Op op, HashSet<string> bound, bool inGraph) => op switch
    {
        BgpOp b => b.Patterns.Count == 0 ? 1 : b.Patterns.Min(p => PatternCost(p, bound, inGraph)),
        FilterOp { Inner: BgpOp fb } => fb.Patterns.Count == 0 ? 1 : fb.Patterns.Min(p => PatternCost(p, bound, inGraph)) / 2,
        TableOp t => t.Rows.Count,
        PathOp p => PathEstimate(p, bound),
        _ => 1e7,
    };

    private static double PathEstimate(PathOp p, HashSet<string> bound) =>
        !p.Subject.IsVar || !p.Object.IsVar || bound.Contains(p.Subject.Var!) || bound.Contains(p.Object.Var!) ? 100 : 1e6;

    private Position PathPosition(Term t) => t.IsVar ? new Position(Slot(t.Var!), 0) : new Position(-1, _ctx.Terms.Intern(t.Node!));

    private Position PatternPosition(Term t) =>
        t.IsVar ? new Position(Slot(t.Var!), 0) : new Position(-1, _ctx.Terms.StoreId(t.Node!) is var id && id > 0 ? id : int.MinValue);

    /// <summary>The estimated number of matches of a pattern when the variables in <paramref name="bound"/> have values.</summary>
    public double PatternCost(TriplePattern tp, HashSet<string> bound, bool inGraph)
    {
        int Const(Term t) => t.IsVar ? 0 : (_ctx.Terms.StoreId(t.Node!) is var id && id > 0 ? id : -1);
        int s = Const(tp.S), p = Const(tp.P), o = Const(tp.O);
        if (s < 0 || p < 0 || o < 0) return 0;
        double c = inGraph ? _ctx.Source.Count(s, p, o, IQuadSource.Wildcard) : _ctx.Count(s, p, o, _ctx.DefaultGraphs);
        var sb = tp.S.IsVar && bound.Contains(tp.S.Var!);
        var ob = tp.O.IsVar && bound.Contains(tp.O.Var!);
        // Without per-predicate distinct counts, a bound subject is taken to leave about the cube root of the
        // matches and a bound object the square root: the ranking, not the value, is what matters.
        if (sb && ob) c = Math.Min(c, 1);
        else if (sb) c = Math.Cbrt(c);
        else if (ob) c = Math.Sqrt(c);
        if (tp.P.IsVar && bound.Contains(tp.P.Var!)) c = Math.Sqrt(c);
        return c;
    }

    private Plan Bgp(IReadOnlyList<TriplePattern> patterns, IReadOnlyList<Expr> filters, HashSet<string> outer, bool inGraph)
    {
        var ordered = new List<TriplePattern>();
        var bound = new HashSet<string>(outer);
        double estimate = 1;
        // Patterns that bind a filtered variable go early, so the filter drops rows before the other patterns run.
        var filtered = filters.SelectMany(f => f.Vars()).ToHashSet();
        if (_optimise)
        {
            var remaining = patterns.ToList();
            while (remaining.Count > 0)
            {
                TriplePattern? best = null;
                var bestCost = double.MaxValue;
                var bestConnected = false;
                foreach (var p in remaining)
                {
                    var connected = bound.Count == 0 || p.Vars().Any(bound.Contains) || !p.Vars().Any();
                    var cost = PatternCost(p, bound, inGraph);
                    if (p.Vars().Any(v => filtered.Contains(v) && !bound.Contains(v))) cost *= 0.25;
                    if ((connected && !bestConnected) || (connected == bestConnected && cost < bestCost))
                    {
                        best = p;
                        bestCost = cost;
                        bestConnected = connected;
                    }
                }
                remaining.Remove(best!);
                ordered.Add(best!);
                estimate *= Fanout(best!, bound, inGraph, ordered.Count == 1);
                bound.UnionWith(best!.Vars());
            }
        }
        else
        {
            foreach (var p in patterns)
            {
                estimate *= Fanout(p, bound, inGraph, ordered.Count == 0);
                ordered.Add(p);
                bound.UnionWith(p.Vars());
            }
        }
        // Each filter runs at the first level where every variable it reads from the pattern is bound.
        var levels = new List<(int, Expr)>();
        foreach (var f in filters)
        {
            var level = -1;
            foreach (var v in f.Vars())
            {
                if (outer.Contains(v)) continue;
                var idx = ordered.FindIndex(p => p.Vars().Contains(v));
                level = idx < 0 ? ordered.Count - 1 : Math.Max(level, idx);
            }
            levels.Add((level, f));
        }
        var encoded = ordered.Select(p => new EncodedPattern(PatternPosition(p.S), PatternPosition(p.P), PatternPosition(p.O), p)).ToList();
        return new BgpPlan(_ctx, Eval, encoded, levels) { EstimatedRows = estimate };
    }

    /// <summary>Rows per input row for explain: a pattern whose subject is already bound is taken as functional.</summary>
    private double Fanout(TriplePattern p, HashSet<string> bound, bool inGraph, bool first)
    {
        var sBound = !p.S.IsVar || bound.Contains(p.S.Var!);
        if (first) return PatternCost(p, bound, inGraph);
        if (sBound && p.Vars().Any(bound.Contains)) return Math.Min(1, Math.Max(PatternCost(p, bound, inGraph), 0));
        return Math.Max(PatternCost(p, bound, inGraph), 1);
    }

    public static HashSet<string> Union(HashSet<string> a, IEnumerable<string> b)
    {
        var r = new HashSet<string>(a);
        r.UnionWith(b);
        return r;
    }

    public static bool HasExists(Expr e) => e switch
    {
        ExistsExpr => true,
        CallExpr c => c.Args.Any(HasExists),
        InExpr i => HasExists(i.Value) || i.List.Any(HasExists),
        _ => false,
    };

    private static bool Disjoint(IEnumerable<string> vars, HashSet<string> outer) => !vars.Any(outer.Contains);

    /// <summary>Whether running <paramref name="op"/> with outer bindings substituted gives the same solutions as joining afterwards.</summary>
    public static bool Safe(Op op, HashSet<string> outer)
    {
        if (outer.Count == 0) return true;
        switch (op)
        {
            case BgpOp or PathOp or TableOp or ServiceOp: return true;
            case JoinOp j: return Safe(j.Left, outer) && Safe(j.Right, Union(outer, j.Left.MaybeVars()));
            case UnionOp u: return Safe(u.Left, outer) && Safe(u.Right, outer);
            case GraphOp g: return Safe(g.Inner, g.Name.IsVar ? Union(outer, [g.Name.Var!]) : outer);
            case LeftJoinOp l:
            {
                var certainL = l.Left.CertainVars().ToHashSet();
                if (!Safe(l.Left, outer)) return false;
                if (!Disjoint(l.Right.MaybeVars().Where(v => !certainL.Contains(v)), outer)) return false;
                if (l.Filter is null) return true;
                if (HasExists(l.Filter)) return false;
                var certain = Union(certainL, l.Right.CertainVars());
                return Disjoint(l.Filter.Vars().Where(v => !certain.Contains(v)), outer);
            }
            case MinusOp m:
            {
                var certainL = m.Left.CertainVars().ToHashSet();
                return Safe(m.Left, outer) && Disjoint(m.Right.MaybeVars().Where(v => !certainL.Contains(v)), outer);
            }
            case FilterOp f:
            {
                if (!Safe(f.Inner, outer) || f.Exprs.Any(HasExists)) return false;
                var certain = f.Inner.CertainVars().ToHashSet();
                return Disjoint(f.Exprs.SelectMany(e => e.Vars()).Where(v => !certain.Contains(v)), outer);
            }
            case ExtendOp e:
            {
                if (!Safe(e.Inner, outer) || outer.Contains(e.Var) || HasExists(e.Expr)) return false;
                var certain = e.Inner.CertainVars().ToHashSet();
                return Disjoint(e.Expr.Vars().Where(v => !certain.Contains(v)), outer);
            }
            default: return false;
        }
    }
}
