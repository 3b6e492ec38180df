using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Evaluation;

/// <summary>GROUP BY with aggregates, accumulated in one pass; groups come out in first-seen order.</summary>
public sealed class GroupPlan(EvalContext ctx, ExprEvaluator eval, Plan inner, IReadOnlyList<(Expr Expr, int Slot)> keys,
    IReadOnlyList<(AggregateExpr Agg, int Slot)> aggregates, IReadOnlyDictionary<string, int> slots) : Plan(ctx)
{
    // COUNT(?v) and COUNT(DISTINCT ?v) only need ids: no term is materialised for them.
    private readonly int[] _countSlots = aggregates.Select(a => a.Agg.Name == "COUNT" && a.Agg.Arg is VarExpr v && slots.TryGetValue(v.Name, out var s) ? s : -1).ToArray();

    public override IEnumerable<Plan> Children => [inner];
    public override string Label => "group by " + keys.Count + " keys, " + aggregates.Count + " aggregates";

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var groups = new Dictionary<int[], Accumulator[]>(RowComparer.Instance);
        var order = new List<int[]>();
        foreach (var r in inner.Run(input, graphs))
        {
            Ctx.Check();
            var key = new int[keys.Count];
            for (var i = 0; i < key.Length; i++) key[i] = eval.EvalId(keys[i].Expr, r, graphs);
            if (!groups.TryGetValue(key, out var accs))
            {
                Ctx.Charge(key.Length + aggregates.Count);
                groups[key] = accs = aggregates.Select(a => Accumulator.For(a.Agg)).ToArray();
                order.Add(key);
            }
            for (var i = 0; i < accs.Length; i++)
            {
                var agg = aggregates[i].Agg;
                if (agg.Arg is null) accs[i].AddRow(r);
                else if (_countSlots[i] >= 0) accs[i].AddId(r[_countSlots[i]]);
                else
                {
                    INode? v;
                    try { v = eval.Eval(agg.Arg, r, graphs); }
                    catch (ExpressionError) { v = null; }
                    accs[i].Add(v);
                }
            }
        }
        if (keys.Count == 0 && order.Count == 0)
        {
            order.Add([]);
            groups[[]] = aggregates.Select(a => Accumulator.For(a.Agg)).ToArray();
        }
        foreach (var key in order)
        {
            var row = (int[])input.Clone();
            for (var i = 0; i < key.Length; i++)
                if (key[i] != 0) row[keys[i].Slot] = key[i];
            var accs = groups[key];
            for (var i = 0; i < accs.Length; i++)
            {
                INode? v;
                try { v = accs[i].Result(); }
                catch (ExpressionError) { v = null; }
                if (v is not null) row[aggregates[i].Slot] = Ctx.Terms.Intern(v);
            }
            yield return row;
        }
        Ctx.Release((long)order.Count * (keys.Count + aggregates.Count));
    }
}

/// <summary>The running state of one aggregate in one group.</summary>
internal abstract class Accumulator
{
    private HashSet<INode>? _distinct;
    private HashSet<int[]>? _distinctRows;
    protected bool Error { get; set; }

    public static Accumulator For(AggregateExpr a)
    {
        Accumulator acc = a.Name switch
        {
            "COUNT" => new CountAcc(),
            "SUM" => new SumAcc(),
            "AVG" => new AvgAcc(),
            "MIN" => new ExtremeAcc(-1),
            "MAX" => new ExtremeAcc(1),
            "SAMPLE" => new SampleAcc(),
            "GROUP_CONCAT" => new ConcatAcc(a.Separator ?? " "),
            _ => new UnknownAcc(a.Iri ?? a.Name),
        };
        if (a.Distinct) { acc._distinct = []; acc._distinctRows = new HashSet<int[]>(RowComparer.Instance); }
        return acc;
    }

    private HashSet<int>? _distinctIds;

    public void AddId(int id)
    {
        if (id == 0) { OnError(); return; }
        if (_distinct is not null && !(_distinctIds ??= []).Add(id)) return;
        Accept(ExprEvaluator.True);
    }

    public void AddRow(int[] row)
    {
        if (_distinctRows is not null && !_distinctRows.Add(row)) return;
        Accept(ExprEvaluator.True);
    }

    public void Add(INode? value)
    {
        if (value is null)
        {
            OnError();
            return;
        }
        if (_distinct is not null && !_distinct.Add(value)) return;
        Accept(value);
    }

    protected virtual void OnError() => Error = true;

    protected abstract void Accept(INode value);

    public abstract INode? Result();

    protected static readonly LiteralNode Zero = LiteralNode.Typed("0", Vocab.Xsd.IntegerNode);

    private sealed class CountAcc : Accumulator
    {
        private long _n;
        protected override void OnError() { }
        protected override void Accept(INode value) => _n++;
        public override INode? Result() => LiteralNode.Typed(_n.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.IntegerNode);
    }

    private sealed class SumAcc : Accumulator
    {
        private INode _sum = Zero;
        protected override void Accept(INode value)
        {
            if (Error) return;
            try { _sum = Operators.Add(_sum, value); }
            catch (ExpressionError) { Error = true; }
        }
        public override INode? Result() => Error ? null : _sum;
    }

    private sealed class AvgAcc : Accumulator
    {
        private INode _sum = Zero;
        private long _n;
        protected override void Accept(INode value)
        {
            if (Error) return;
            try { _sum = Operators.Add(_sum, value); _n++; }
            catch (ExpressionError) { Error = true; }
        }
        public override INode? Result() => Error ? null : _n == 0 ? Zero
            : Operators.Divide(_sum, LiteralNode.Typed(_n.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.IntegerNode));
    }

    private sealed class ExtremeAcc(int sign) : Accumulator
    {
        private INode? _best;
        protected override void OnError() { }
        protected override void Accept(INode value)
        {
            if (_best is null || Operators.OrderCompare(value, _best) * sign > 0) _best = value;
        }
        public override INode? Result() => _best;
    }

    private sealed class SampleAcc : Accumulator
    {
        private INode? _value;
        protected override void OnError() { }
        protected override void Accept(INode value) => _value ??= value;
        public override INode? Result() => _value;
    }

    private sealed class ConcatAcc(string separator) : Accumulator
    {
        private readonly System.Text.StringBuilder _sb = new();
        private bool _first = true;
        protected override void Accept(INode value)
        {
            if (Error) return;
            string s;
            if (value is LiteralNode l) s = l.Value;
            else if (value is IriNode i) s = i.Value;
            else { Error = true; return; }
            if (!_first) _sb.Append(separator);
            _first = false;
            _sb.Append(s);
        }
        public override INode? Result() => Error ? null : new LiteralNode(_sb.ToString());
    }

    private sealed class UnknownAcc(string name) : Accumulator
    {
        protected override void Accept(INode value) { }
        public override INode? Result() => throw new ExpressionError("unknown aggregate " + name);
    }
}
