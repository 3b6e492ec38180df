using Graph.Sparql.Algebra;

namespace Graph.Sparql.Evaluation;

/// <summary>Index nested-loop (bind) join: the right side runs once per left solution, with its bindings.</summary>
public sealed class BindJoinPlan(EvalContext ctx, Plan left, Plan right) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right];
    public override string Label => "join (bind)";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var l in left.Run(input, graphs))
            foreach (var r in right.Run(l, graphs))
            {
                Ctx.Check();
                yield return r;
            }
    }
}

/// <summary>
/// A materialised right side, evaluated on its own once per graph scope (its meaning must not see the left's
/// bindings), indexed on the variables both sides always bind.
/// </summary>
public sealed class MaterialisedSide(EvalContext ctx, Plan plan, int[] keySlots)
{
    private int[]? _graphs;
    private List<int[]>? _rows;
    private Dictionary<long, List<int[]>>? _index;

    public Plan Plan => plan;

    public int[] KeySlots => keySlots;

    public List<int[]> Rows(int[] graphs)
    {
        if (_rows is not null && ReferenceEquals(_graphs, graphs)) return _rows;
        if (_rows is not null) ctx.Release((long)_rows.Count * ctx.Width);
        var rows = new List<int[]>();
        foreach (var r in plan.Run(new int[ctx.Width], graphs))
        {
            ctx.Check();
            ctx.Charge(ctx.Width);
            rows.Add(r);
        }
        _rows = rows;
        _graphs = graphs;
        _index = null;
        return rows;
    }

    /// <summary>Rows that may be compatible with <paramref name="row"/>: those with the same key, or all when there is no usable key.</summary>
    public List<int[]> Candidates(int[] row, int[] graphs)
    {
        var rows = Rows(graphs);
        if (keySlots.Length == 0) return rows;
        foreach (var k in keySlots)
            if (row[k] == 0) return rows;
        if (_index is null)
        {
            _index = [];
            foreach (var r in rows)
            {
                var key = Key(r);
                if (!_index.TryGetValue(key, out var list)) _index[key] = list = [];
                list.Add(r);
            }
        }
        return _index.TryGetValue(Key(row), out var found) ? found : [];
    }

    private long Key(int[] row)
    {
        long h = 17;
        foreach (var k in keySlots) h = h * 1_000_003 + row[k];
        return h;
    }
}

/// <summary>Hash join: the right side is materialised once and probed per left solution.</summary>
public sealed class HashJoinPlan(EvalContext ctx, Plan left, MaterialisedSide right) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right.Plan];
    public override string Label => "join (hash on " + right.KeySlots.Length + " vars)";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var l in left.Run(input, graphs))
            foreach (var r in right.Candidates(l, graphs))
            {
                Ctx.Check();
                if (Merge(l, r) is { } m) yield return m;
            }
    }
}

/// <summary>OPTIONAL as a bind join: the right side runs with each left solution; the filter sees both.</summary>
public sealed class BindLeftJoinPlan(EvalContext ctx, ExprEvaluator eval, Plan left, Plan right, Expr? filter) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right];
    public override string Label => "leftjoin (bind)" + (filter is null ? "" : " " + Sse.Expr(filter));

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var l in left.Run(input, graphs))
        {
            var any = false;
            foreach (var r in right.Run(l, graphs))
            {
                Ctx.Check();
                if (filter is not null && !eval.Test(filter, r, graphs)) continue;
                any = true;
                yield return r;
            }
            if (!any) yield return l;
        }
    }
}

/// <summary>OPTIONAL whose right side must be evaluated on its own: materialised and probed.</summary>
public sealed class HashLeftJoinPlan(EvalContext ctx, ExprEvaluator eval, Plan left, MaterialisedSide right, Expr? filter) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right.Plan];
    public override string Label => "leftjoin (hash)" + (filter is null ? "" : " " + Sse.Expr(filter));

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var l in left.Run(input, graphs))
        {
            var any = false;
            foreach (var r in right.Candidates(l, graphs))
            {
                Ctx.Check();
                if (Merge(l, r) is not { } m) continue;
                if (filter is not null && !eval.Test(filter, m, graphs)) continue;
                any = true;
                yield return m;
            }
            if (!any) yield return l;
        }
    }
}

public sealed class UnionPlan(EvalContext ctx, Plan left, Plan right) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right];
    public override string Label => "union";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs) => left.Run(input, graphs).Concat(right.Run(input, graphs));
}

/// <summary>MINUS: drops left solutions compatible with some right solution that shares a bound variable.</summary>
public sealed class MinusPlan(EvalContext ctx, Plan left, MaterialisedSide right) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [left, right.Plan];
    public override string Label => "minus";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var l in left.Run(input, graphs))
        {
            var excluded = false;
            foreach (var r in right.Candidates(l, graphs))
            {
                Ctx.Check();
                if (SharesVariable(l, r) && Compatible(l, r)) { excluded = true; break; }
            }
            if (!excluded) yield return l;
        }
    }

    private static bool SharesVariable(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] != 0 && b[i] != 0) return true;
        return false;
    }
}

/// <summary>Runs an operator on its own (it must not see outer bindings) and keeps the results compatible with the input.</summary>
public sealed class IsolatedPlan(EvalContext ctx, Plan inner) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "isolated";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var r in inner.Run(new int[Ctx.Width], graphs))
        {
            Ctx.Check();
            if (Merge(input, r) is { } m) yield return m;
        }
    }
}
