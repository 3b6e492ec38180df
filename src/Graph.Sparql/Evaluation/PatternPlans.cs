using Graph.Sparql.Algebra;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Evaluation;

public sealed class FilterPlan(EvalContext ctx, ExprEvaluator eval, Plan inner, IReadOnlyList<Expr> exprs) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "filter " + string.Join(" ", exprs.Select(Sse.Expr));

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var r in inner.Run(input, graphs))
        {
            Ctx.Check();
            var ok = true;
            foreach (var e in exprs)
                if (!eval.Test(e, r, graphs)) { ok = false; break; }
            if (ok) yield return r;
        }
    }
}

/// <summary>BIND / SELECT expression: an error leaves the variable unbound.</summary>
public sealed class ExtendPlan(EvalContext ctx, ExprEvaluator eval, Plan inner, int slot, Expr expr, string var) : Plan(ctx)
{
    private long _solution;

    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "extend ?" + var + " = " + Sse.Expr(expr);

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var r in inner.Run(input, graphs))
        {
            Ctx.Check();
            Ctx.Functions.SolutionId = ++_solution;
            var id = eval.EvalId(expr, r, graphs);
            if (id == 0) { yield return r; continue; }
            if (r[slot] != 0)
            {
                if (r[slot] == id) yield return r;
                continue;
            }
            var copy = (int[])r.Clone();
            copy[slot] = id;
            yield return copy;
        }
    }
}

/// <summary>VALUES and the unit table.</summary>
public sealed class TablePlan(EvalContext ctx, List<int[]> rows, string label) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [];
    public override string Label => label;

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var r in rows)
            if (Merge(input, r) is { } m) yield return m;
    }
}

/// <summary>GRAPH g { P }: P runs with one named graph as its active graph, for each named graph when g is a variable.</summary>
public sealed class GraphPlan(EvalContext ctx, Plan inner, int slot, int constant) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => slot >= 0 ? "graph ?" : "graph " + (constant == int.MinValue ? "(absent)" : Ctx.Terms.Get(constant).ToString());

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var fixedGraph = slot >= 0 ? input[slot] : constant;
        if (fixedGraph != 0)
        {
            if (Array.IndexOf(Ctx.NamedGraphs, fixedGraph) < 0) yield break;
            foreach (var r in inner.Run(input, Ctx.GraphArray(fixedGraph))) yield return r;
            yield break;
        }
        foreach (var g in Ctx.NamedGraphs)
        {
            Ctx.Check();
            var row = (int[])input.Clone();
            row[slot] = g;
            foreach (var r in inner.Run(row, Ctx.GraphArray(g))) yield return r;
        }
    }
}

/// <summary>SERVICE: kg does not federate. SILENT gives the unit solution, as the spec allows for a failed call.</summary>
public sealed class ServicePlan(EvalContext ctx, bool silent, string endpoint) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [];
    public override string Label => "service " + endpoint;

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        if (!silent) throw new QueryLimitException($"SERVICE {endpoint}: federated queries are not supported");
        yield return input;
    }
}

public sealed class ProjectPlan(EvalContext ctx, Plan inner, int[] slots) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "project " + slots.Length + " vars";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        foreach (var r in inner.Run(input, graphs))
        {
            var p = new int[r.Length];
            foreach (var s in slots) p[s] = r[s];
            yield return p;
        }
    }
}

public sealed class DistinctPlan(EvalContext ctx, Plan inner) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "distinct";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var seen = new HashSet<int[]>(RowComparer.Instance);
        try
        {
            foreach (var r in inner.Run(input, graphs))
            {
                Ctx.Check();
                if (seen.Add(r))
                {
                    Ctx.Charge(r.Length);
                    yield return r;
                }
            }
        }
        finally { Ctx.Release((long)seen.Count * Ctx.Width); }
    }
}

public sealed class SlicePlan(EvalContext ctx, Plan inner, long offset, long? limit) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "slice " + offset + " " + (limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_");

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        if (limit == 0) yield break;
        long skipped = 0, taken = 0;
        foreach (var r in inner.Run(input, graphs))
        {
            if (skipped < offset) { skipped++; continue; }
            yield return r;
            if (limit is { } l && ++taken >= l) yield break;
        }
    }
}

/// <summary>ORDER BY; with a limit it keeps only the best offset+limit rows (top-k) instead of sorting everything.</summary>
public sealed class OrderPlan(EvalContext ctx, ExprEvaluator eval, Plan inner, IReadOnlyList<OrderCondition> conditions, long? keep) : Plan(ctx)
{
    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "order " + string.Join(" ", conditions.Select(c => (c.Descending ? "desc " : "") + Sse.Expr(c.Expr))) + (keep is { } k ? " top " + k : "");

    private sealed record Keyed(int[] Row, Graph.Rdf.INode?[] Keys, long Seq);

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var cmp = Comparer<Keyed>.Create(Compare);
        long seq = 0;
        List<Keyed> sorted;
        if (keep is { } k && k < 100_000)
        {
            // A max-heap of the k best: the worst kept row is dropped when a better one arrives.
            var heap = new PriorityQueue<Keyed, Keyed>(Comparer<Keyed>.Create((a, b) => Compare(b, a)));
            if (k == 0) yield break;
            foreach (var r in inner.Run(input, graphs))
            {
                Ctx.Check();
                var item = new Keyed(r, Keys(r, graphs), seq++);
                if (heap.Count < k) heap.Enqueue(item, item);
                else if (Compare(item, heap.Peek()) < 0) heap.EnqueueDequeue(item, item);
            }
            sorted = new List<Keyed>(heap.Count);
            while (heap.Count > 0) sorted.Add(heap.Dequeue());
            sorted.Reverse();
        }
        else
        {
            sorted = [];
            foreach (var r in inner.Run(input, graphs))
            {
                Ctx.Check();
                Ctx.Charge(r.Length + conditions.Count);
                sorted.Add(new Keyed(r, Keys(r, graphs), seq++));
            }
            sorted.Sort(cmp);
            Ctx.Release((long)sorted.Count * (Ctx.Width + conditions.Count));
        }
        foreach (var s in sorted) yield return s.Row;
    }

    private Graph.Rdf.INode?[] Keys(int[] row, int[] graphs)
    {
        var keys = new Graph.Rdf.INode?[conditions.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = eval.EvalOrNull(conditions[i].Expr, row, graphs);
        return keys;
    }

    private int Compare(Keyed a, Keyed b)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = Operators.OrderCompare(a.Keys[i], b.Keys[i]);
            if (c != 0) return conditions[i].Descending ? -c : c;
        }
        return a.Seq.CompareTo(b.Seq);
    }
}
