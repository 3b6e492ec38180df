using Graph.Sparql.Algebra;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// A physical operator. <see cref="Run"/> pulls solutions lazily: each one extends (is compatible with and
/// includes) the input row. A row holds one id per variable slot; 0 is unbound.
/// </summary>
public abstract class Plan(EvalContext ctx)
{
    protected EvalContext Ctx { get; } = ctx;

    /// <summary>The algebra this operator came from (for explain).</summary>
    public Op? Source { get; set; }

    public double EstimatedRows { get; set; } = double.NaN;

    public long ActualRows { get; private set; }

    public abstract IEnumerable<Plan> Children { get; }

    /// <summary>One line naming the operator for explain.</summary>
    public abstract string Label { get; }

    public IEnumerable<int[]> Run(int[] input, int[] graphs) => Ctx.Options.CountRows ? Counted(Execute(input, graphs)) : Execute(input, graphs);

    protected abstract IEnumerable<int[]> Execute(int[] input, int[] graphs);

    private IEnumerable<int[]> Counted(IEnumerable<int[]> rows)
    {
        foreach (var r in rows)
        {
            ActualRows++;
            yield return r;
        }
    }

    /// <summary>The union of two compatible rows, or null when they bind a variable differently.</summary>
    public static int[]? Merge(int[] a, int[] b)
    {
        int[]? r = null;
        for (var i = 0; i < a.Length; i++)
        {
            var y = b[i];
            if (y == 0) continue;
            var x = a[i];
            if (x == 0) (r ??= (int[])a.Clone())[i] = y;
            else if (x != y) return null;
        }
        return r ?? a;
    }

    public static bool Compatible(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] != 0 && b[i] != 0 && a[i] != b[i]) return false;
        return true;
    }
}

/// <summary>Structural equality of rows, for DISTINCT and hash tables.</summary>
public sealed class RowComparer : IEqualityComparer<int[]>
{
    public static readonly RowComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] row)
    {
        var h = new HashCode();
        foreach (var v in row) h.Add(v);
        return h.ToHashCode();
    }
}
