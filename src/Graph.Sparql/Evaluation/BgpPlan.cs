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
    private readonly bool _hasFilters;

    public BgpPlan(EvalContext ctx, ExprEvaluator eval, IReadOnlyList<EncodedPattern> patterns, List<(int Level, Expr Expr)> filters) : base(ctx)
    {
        _patterns = [.. patterns];
        _filters = filters;
        _hasFilters = filters.Count > 0;
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
        var cursors = new LevelCursor[n];
        var level = 0;
        Open(ref cursors[0], 0, input, graphs);
        try
        {
            while (level >= 0)
            {
                Ctx.Check();
                ref var cursor = ref cursors[level];
                if (!cursor.MoveNext())
                {
                    cursor.Dispose();
                    level--;
                    continue;
                }
                var r = Bind(_patterns[level], rows[level], cursor.Current);
                if (r is null || (_hasFilters && !PassesFilters(level, r, graphs))) continue;
                if (level == n - 1)
                {
                    yield return r;
                    continue;
                }
                rows[++level] = r;
                Open(ref cursors[level], level, r, graphs);
            }
        }
        finally
        {
            for (var i = 0; i <= level && i < n; i++) cursors[i].Dispose();
        }
    }

    /// <summary>
    /// The matches of one level: a store cursor read in place (no enumerator objects or interface calls per match)
    /// when the source is a snapshot and one graph is in scope, otherwise the source's enumerable.
    /// </summary>
    private struct LevelCursor
    {
        public QuadCursor Store;
        public IEnumerator<EncodedQuad>? Other;
        public EncodedQuad Current;
        public byte Mode; // 0 store cursor, 1 enumerator, 2 one quad (an existence test), 3 nothing

        public bool MoveNext()
        {
            switch (Mode)
            {
                case 0:
                    if (!Store.MoveNext()) return false;
                    Current = Store.Current;
                    return true;
                case 1:
                    if (!Other!.MoveNext()) return false;
                    Current = Other.Current;
                    return true;
                case 2:
                    Mode = 3;
                    return true;
                default:
                    return false;
            }
        }

        public void Dispose()
        {
            Other?.Dispose();
            Other = null;
            Mode = 3;
        }
    }

    private bool PassesFilters(int level, int[] row, int[] graphs)
    {
        foreach (var (l, e) in _filters)
            if (l == level && !_eval.Test(e, row, graphs)) return false;
        return true;
    }

    private void Open(ref LevelCursor cursor, int level, int[] row, int[] graphs)
    {
        var p = _patterns[level];
        var s = p.S.Resolve(row);
        var pr = p.P.Resolve(row);
        var o = p.O.Resolve(row);
        cursor.Other = null;
        if (s == int.MinValue || pr == int.MinValue || o == int.MinValue || s < 0 || pr < 0 || o < 0)
        {
            cursor.Mode = 3;
            return;
        }
        // A fully bound pattern is an existence test: a count answers it without opening a cursor.
        if (s != 0 && pr != 0 && o != 0)
        {
            cursor.Current = new EncodedQuad(s, pr, o, 0);
            cursor.Mode = Ctx.Count(s, pr, o, graphs) > 0 ? (byte)2 : (byte)3;
            return;
        }
        if (graphs.Length == 1 && Ctx.Snapshot is { } snapshot)
        {
            cursor.Store = snapshot.Cursor(s, pr, o, graphs[0]);
            cursor.Mode = 0;
            return;
        }
        cursor.Other = Ctx.Match(s, pr, o, graphs).GetEnumerator();
        cursor.Mode = 1;
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
