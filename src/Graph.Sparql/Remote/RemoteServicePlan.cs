using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;

namespace Graph.Sparql.Remote;

/// <summary>
/// SERVICE evaluated by an <see cref="IServiceHandler"/>. When it follows other patterns in a join, the solutions
/// before it are collected in chunks and sent together (a bind join), instead of one request per solution.
/// </summary>
public sealed class RemoteServicePlan : Plan
{
    /// <summary>Solutions handed to the handler at once; it splits them further into VALUES blocks.</summary>
    public const int ChunkSize = 500;

    private readonly ServiceOp _op;
    private readonly IServiceHandler _handler;
    private readonly Plan? _left;
    private readonly Dictionary<string, int> _slots;
    private readonly ServiceCall _call;
    private readonly List<(string Var, int Slot)> _sent;

    public RemoteServicePlan(EvalContext ctx, ServiceOp op, IServiceHandler handler, Plan? left, Dictionary<string, int> slots) : base(ctx)
    {
        _op = op;
        _handler = handler;
        _left = left;
        _slots = slots;
        // Variables standing for blank nodes (".b:…") are local to the pattern and never leave the query.
        var vars = op.Inner.MaybeVars().Where(v => !v.StartsWith('.')).Distinct().OrderBy(v => v, StringComparer.Ordinal).ToList();
        var pattern = op.PatternText ?? throw new InvalidOperationException("a SERVICE pattern without its text cannot be sent");
        _call = op.Endpoint.IsVar
            ? new ServiceCall(null, op.Endpoint.Var, op.Prologue ?? "", pattern, vars, op.Silent)
            : new ServiceCall(((IriNode)op.Endpoint.Node!).Value, null, op.Prologue ?? "", pattern, vars, op.Silent);
        _sent = vars.Concat(op.Endpoint.IsVar ? [op.Endpoint.Var!] : []).Where(slots.ContainsKey).Select(v => (v, slots[v])).ToList();
    }

    public override IEnumerable<Plan> Children => _left is null ? [] : [_left];

    public override string Label => "service " + (_op.Silent ? "silent " : "") + _op.Endpoint + (_left is null ? "" : " (bind join)");

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var source = _left is null ? [input] : _left.Run(input, graphs);
        var chunk = new List<int[]>(ChunkSize);
        foreach (var row in source)
        {
            Ctx.Check();
            chunk.Add(row);
            if (chunk.Count < ChunkSize) continue;
            foreach (var r in Call(chunk)) yield return r;
            chunk.Clear();
        }
        if (chunk.Count > 0)
            foreach (var r in Call(chunk)) yield return r;
    }

    private List<int[]> Call(List<int[]> rows)
    {
        var inputs = new List<IReadOnlyDictionary<string, INode>>(rows.Count);
        foreach (var row in rows)
        {
            var d = new Dictionary<string, INode>(StringComparer.Ordinal);
            foreach (var (v, slot) in _sent)
                if (row[slot] != 0) d[v] = Ctx.Terms.Get(row[slot]);
            inputs.Add(d);
        }
        IEnumerable<ServiceMatch> matches;
        try
        {
            matches = _handler.Execute(_call, inputs, Ctx.Options.Cancellation);
        }
        catch (RemoteEndpointException e)
        {
            throw new QueryLimitException("SERVICE " + e.Message, e);
        }
        var output = new List<int[]>();
        foreach (var m in matches)
        {
            var row = (int[])rows[m.Input].Clone();
            var ok = true;
            foreach (var (v, node) in m.Bindings)
            {
                if (!_slots.TryGetValue(v, out var slot)) continue;
                var id = Ctx.Terms.Intern(node);
                if (row[slot] == 0) row[slot] = id;
                else if (row[slot] != id) { ok = false; break; }
            }
            if (ok) output.Add(row);
        }
        return output;
    }
}
