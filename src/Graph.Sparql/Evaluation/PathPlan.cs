using Graph.Rdf;
using Graph.Sparql.Algebra;

namespace Graph.Sparql.Evaluation;

/// <summary>
/// A property path pattern (§18.4). Sequences, alternatives and negated sets keep bag semantics;
/// *, + and ? are evaluated breadth-first with a visited set, so cycles end and each node is reached once.
/// </summary>
public sealed class PathPlan : Plan
{
    private readonly Position _s;
    private readonly Position _o;
    private readonly PropertyPath _path;
    private readonly Dictionary<IriNode, int> _ids = [];

    public PathPlan(EvalContext ctx, Position s, PropertyPath path, Position o) : base(ctx)
    {
        _s = s;
        _o = o;
        _path = path;
    }

    public override IEnumerable<Plan> Children => [];
    public override string Label => "path " + Sse.Path(_path);

    protected override IEnumerable<int[]> Execute(int[] input, int[] graphs)
    {
        var s = _s.Resolve(input);
        var o = _o.Resolve(input);
        var sameVar = _s.IsVar && _o.IsVar && _s.Slot == _o.Slot;
        // A variable's value only matches a zero-length path when it is a node of the graph (§18.5 ALP over the
        // graph's nodes); a constant of the query always matches itself.
        if (s != 0 && _s.IsVar && !InGraph(s, graphs)) yield break;
        if (o != 0 && _o.IsVar && !InGraph(o, graphs)) yield break;
        if (s != 0 && o != 0)
        {
            var closure = IsClosure(_path);
            foreach (var n in Eval(_path, s, true, graphs))
            {
                if (n != o) continue;
                yield return input;
                if (closure) yield break;
            }
        }
        else if (s != 0)
        {
            foreach (var n in Eval(_path, s, true, graphs)) yield return With(input, _o.Slot, n);
        }
        else if (o != 0)
        {
            foreach (var n in Eval(_path, o, false, graphs)) yield return With(input, _s.Slot, n);
        }
        else
        {
            foreach (var start in Candidates(_path, true, graphs))
            {
                foreach (var n in Eval(_path, start, true, graphs))
                {
                    if (sameVar)
                    {
                        if (n == start) yield return With(input, _s.Slot, start);
                        continue;
                    }
                    var r = With(input, _s.Slot, start);
                    r[_o.Slot] = n;
                    yield return r;
                }
            }
        }
    }

    private bool InGraph(int node, int[] graphs) =>
        node > 0 && (Ctx.Count(node, 0, 0, graphs) > 0 || Ctx.Count(0, 0, node, graphs) > 0);

    private static bool IsClosure(PropertyPath p) => p is ZeroOrMorePath or OneOrMorePath or ZeroOrOnePath;

    private static int[] With(int[] row, int slot, int value)
    {
        var r = (int[])row.Clone();
        r[slot] = value;
        return r;
    }

    private int Id(IriNode iri)
    {
        if (!_ids.TryGetValue(iri, out var id)) _ids[iri] = id = Ctx.Terms.StoreId(iri) is var x && x > 0 ? x : int.MinValue;
        return id;
    }

    /// <summary>The nodes reached from <paramref name="node"/> along the path (backwards when not forward).</summary>
    private IEnumerable<int> Eval(PropertyPath path, int node, bool forward, int[] graphs)
    {
        switch (path)
        {
            case LinkPath l:
            {
                var p = Id(l.Iri);
                if (p == int.MinValue || node < 0) yield break;
                foreach (var q in forward ? Ctx.Match(node, p, 0, graphs) : Ctx.Match(0, p, node, graphs))
                {
                    Ctx.Check();
                    yield return forward ? q.O : q.S;
                }
                break;
            }
            case InversePath i:
                foreach (var n in Eval(i.Inner, node, !forward, graphs)) yield return n;
                break;
            case SequencePath q:
            {
                var (first, second) = forward ? (q.Left, q.Right) : (q.Right, q.Left);
                foreach (var m in Eval(first, node, forward, graphs))
                    foreach (var n in Eval(second, m, forward, graphs))
                        yield return n;
                break;
            }
            case AlternativePath a:
                foreach (var n in Eval(a.Left, node, forward, graphs)) yield return n;
                foreach (var n in Eval(a.Right, node, forward, graphs)) yield return n;
                break;
            case ZeroOrOnePath z:
            {
                yield return node;
                var seen = new HashSet<int> { node };
                foreach (var n in Eval(z.Inner, node, forward, graphs))
                    if (seen.Add(n)) yield return n;
                break;
            }
            case ZeroOrMorePath z:
                foreach (var n in Closure(z.Inner, node, forward, true, graphs)) yield return n;
                break;
            case OneOrMorePath o:
                foreach (var n in Closure(o.Inner, node, forward, false, graphs)) yield return n;
                break;
            case NegatedPath neg:
            {
                if (node < 0) yield break;
                var fwdExcluded = neg.Forward.Select(Id).ToHashSet();
                var invExcluded = neg.Inverse.Select(Id).ToHashSet();
                if (neg.Forward.Count > 0 || neg.Inverse.Count == 0)
                {
                    foreach (var q in forward ? Ctx.Match(node, 0, 0, graphs) : Ctx.Match(0, 0, node, graphs))
                    {
                        Ctx.Check();
                        if (!fwdExcluded.Contains(q.P)) yield return forward ? q.O : q.S;
                    }
                }
                if (neg.Inverse.Count > 0)
                {
                    foreach (var q in forward ? Ctx.Match(0, 0, node, graphs) : Ctx.Match(node, 0, 0, graphs))
                    {
                        Ctx.Check();
                        if (!invExcluded.Contains(q.P)) yield return forward ? q.S : q.O;
                    }
                }
                break;
            }
        }
    }

    private IEnumerable<int> Closure(PropertyPath inner, int start, bool forward, bool includeStart, int[] graphs)
    {
        var visited = new HashSet<int>();
        var queue = new Queue<int>();
        if (includeStart)
        {
            visited.Add(start);
            yield return start;
        }
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var m in Eval(inner, n, forward, graphs))
            {
                Ctx.Check();
                if (!visited.Add(m)) continue;
                yield return m;
                queue.Enqueue(m);
            }
        }
    }

    /// <summary>Start nodes for a path with both ends unbound: a superset of the nodes that have a path.</summary>
    private IEnumerable<int> Candidates(PropertyPath path, bool forward, int[] graphs)
    {
        switch (path)
        {
            case LinkPath l:
            {
                var p = Id(l.Iri);
                if (p == int.MinValue) return [];
                return Distinct(Ctx.Match(0, p, 0, graphs).Select(q => forward ? q.S : q.O));
            }
            case InversePath i: return Candidates(i.Inner, !forward, graphs);
            case SequencePath s: return forward ? Candidates(s.Left, true, graphs) : Candidates(s.Right, false, graphs);
            case AlternativePath a: return Distinct(Candidates(a.Left, forward, graphs).Concat(Candidates(a.Right, forward, graphs)));
            case OneOrMorePath o: return Candidates(o.Inner, forward, graphs);
            default: return Distinct(Ctx.Match(0, 0, 0, graphs).SelectMany(q => new[] { q.S, q.O }));
        }
    }

    private IEnumerable<int> Distinct(IEnumerable<int> ids)
    {
        var seen = new HashSet<int>();
        foreach (var id in ids)
        {
            Ctx.Check();
            if (seen.Add(id)) yield return id;
        }
    }
}
