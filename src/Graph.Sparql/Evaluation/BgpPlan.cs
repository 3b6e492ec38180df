using Graph.Sparql.Algebra;
using Graph.Store;

namespace Graph.Sparql.Evaluation;

/// <summary>One position of an encoded triple pattern: a constant id (Slot &lt; 0) or a variable slot.</summary>
public readonly record struct Position(int Slot, int Constant)
{
    public bool IsVar => Slot >= 0;

    public int Resolve(int[] row) => Slot >= 0 ? row[Slot] : Constant;
}

public sealed record EncodedPattern(Position S, Position P, Position O, TriplePattern Pattern);

/// <summary>
/// A basic graph pattern as index nested loops over the store, in the planned order, with filters applied at the
/// first level where their variables are bound. Iterative (an explicit stack), so long patterns cannot overflow.
/// </summary>
public sealed class BgpPlan : Plan
{
    private readonly EncodedPattern[] _patterns;
    private readonly List<(int Level, Expr Expr)> _filters;
    private readonly ExprEvaluator _eval;

    public BgpPlan(EvalContext ctx, ExprEvaluator eval, IReadOnlyList<EncodedPattern> patterns, List<(int Level, Expr Expr)> filters) : base(ctx)
    {
        _patterns = [.. patterns];
        _filters = filters;
        _eval = eval;
    }

    public override IEnumerable<Plan> Children => [];

    public override string Label => "bgp " + string.Join(" ", _patterns.Select(p => p.Pattern.ToString()))
        + (_filters.Count > 0 ? " filters " + string.Join(" ", _filters.Select(f => Sse.Expr(f.Expr))) : "");

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var n = _patterns.Length;
        if (n == 0)
        {
            if (PassesFilters(-1, input, graphs)) yield return input;
            yield break;
        }
        if (!PassesFilters(-1, input, graphs)) yield break;
        var rows = new int[n + 1][];
        rows[0] = input;
        var its = new IEnumerator<EncodedQuad>[n];
        var level = 0;
        its[0] = Open(0, input, graphs);
        try
        {
            while (level >= 0)
            {
                Ctx.Check();
                if (!its[level].MoveNext())
                {
                    its[level].Dispose();
                    level--;
                    continue;
                }
                var r = Bind(_patterns[level], rows[level], its[level].Current);
                if (r is null || !PassesFilters(level, r, graphs)) continue;
                if (level == n - 1)
                {
                    yield return r;
                    continue;
                }
                rows[++level] = r;
                its[level] = Open(level, r, graphs);
            }
        }
        finally
        {
            for (var i = 0; i <= level && i < n; i++) its[i]?.Dispose();
        }
    }

    private bool PassesFilters(int level, int[] row, int[] graphs)
    {
        foreach (var (l, e) in _filters)
            if (l == level && !_eval.Test(e, row, graphs)) return false;
        return true;
    }

    private IEnumerator<EncodedQuad> Open(int level, int[] row, int[] graphs)
    {
        var p = _patterns[level];
        var s = p.S.Resolve(row);
        var pr = p.P.Resolve(row);
        var o = p.O.Resolve(row);
        if (s == int.MinValue || pr == int.MinValue || o == int.MinValue) return Enumerable.Empty<EncodedQuad>().GetEnumerator();
        // A fully bound pattern is an existence test: a count answers it without opening a cursor.
        if (s != 0 && pr != 0 && o != 0)
        {
            IEnumerable<EncodedQuad> one = Ctx.Count(s, pr, o, graphs) > 0 ? [new EncodedQuad(s, pr, o, 0)] : [];
            return one.GetEnumerator();
        }
        return Ctx.Match(s, pr, o, graphs).GetEnumerator();
    }

    private static int[]? Bind(EncodedPattern p, int[] row, EncodedQuad q)
    {
        var r = row;
        var copied = false;
        if (!Set(p.S, q.S, ref r, ref copied, row)) return null;
        if (!Set(p.P, q.P, ref r, ref copied, row)) return null;
        if (!Set(p.O, q.O, ref r, ref copied, row)) return null;
        return copied ? r : (int[])row.Clone();
    }

    private static bool Set(Position pos, int id, ref int[] r, ref bool copied, int[] row)
    {
        if (!pos.IsVar) return true;
        var cur = r[pos.Slot];
        if (cur == 0)
        {
            if (!copied) { r = (int[])row.Clone(); copied = true; }
            r[pos.Slot] = id;
            return true;
        }
        return cur == id;
    }
}
