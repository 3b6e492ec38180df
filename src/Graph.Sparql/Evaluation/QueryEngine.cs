using System.Globalization;
using System.Text;
using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Store;

namespace Graph.Sparql.Evaluation;

/// <summary>The answer to a query: solutions (lazy), a boolean, or triples (lazy), plus the plan for explain.</summary>
public sealed class QueryResult
{
    public required QueryForm Form { get; init; }
    public IReadOnlyList<string> Variables { get; init; } = [];
    public IEnumerable<INode?[]> Rows { get; init; } = [];
    public bool Boolean { get; init; }
    public IEnumerable<Triple> Triples { get; init; } = [];
    public required Plan Plan { get; init; }

    /// <summary>The plan, one operator per line, with estimated and (once rows were pulled) actual row counts.</summary>
    public string Explain()
    {
        var sb = new StringBuilder();
        var stack = new Stack<(Plan, int)>();
        stack.Push((Plan, 0));
        while (stack.Count > 0)
        {
            var (p, depth) = stack.Pop();
            sb.Append(' ', depth * 2).Append(p.Label);
            sb.Append("   [est ").Append(double.IsNaN(p.EstimatedRows) ? "?" : Math.Round(p.EstimatedRows).ToString("0", CultureInfo.InvariantCulture));
            sb.Append(", actual ").Append(p.ActualRows.ToString(CultureInfo.InvariantCulture)).Append(']').Append('\n');
            foreach (var c in p.Children.Reverse()) stack.Push((c, depth + 1));
        }
        return sb.ToString();
    }
}

/// <summary>Runs parsed queries over an <see cref="IQuadSource"/>.</summary>
public static class QueryEngine
{
    public static QueryResult Execute(Query query, IQuadSource source, QueryOptions? options = null)
    {
        options ??= new QueryOptions();
        var ctx = new EvalContext(source, options, query.BaseIri);
        SetDataset(query, ctx, options);
        var op = options.Optimise ? Optimiser.Rewrite(query.Pattern, ctx) : query.Pattern;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        CollectVars(op, slots);
        foreach (var t in query.Template) foreach (var v in t.Vars()) Add(slots, v);
        foreach (var t in query.DescribeTerms) if (t.IsVar) Add(slots, t.Var!);
        foreach (var v in query.Variables) Add(slots, v);
        ctx.Width = slots.Count;
        var builder = new PlanBuilder(ctx, slots, options.Optimise);
        var plan = builder.Build(op, []);
        foreach (var x in ExistsIn(op)) builder.Eval.Exists[x] = builder.Build(x.Pattern, []);
        var solutions = Solutions(plan, ctx);
        switch (query.Form)
        {
            case QueryForm.Select:
            {
                var varSlots = query.Variables.Select(v => slots[v]).ToArray();
                return new QueryResult
                {
                    Form = query.Form, Plan = plan, Variables = query.Variables,
                    Rows = solutions.Select(r => varSlots.Select(s => ctx.Terms.GetOrNull(r[s])).ToArray()),
                };
            }
            case QueryForm.Ask:
                return new QueryResult { Form = query.Form, Plan = plan, Boolean = solutions.Any() };
            case QueryForm.Construct:
                return new QueryResult { Form = query.Form, Plan = plan, Triples = Construct(query.Template, solutions, slots, ctx) };
            default:
                return new QueryResult { Form = query.Form, Plan = plan, Triples = Describe(query.DescribeTerms, solutions, slots, ctx) };
        }
    }

    private static IEnumerable<int[]> Solutions(Plan plan, EvalContext ctx)
    {
        foreach (var r in plan.Run(new int[ctx.Width], ctx.DefaultGraphs))
        {
            ctx.Check();
            yield return r;
        }
    }

    private static void SetDataset(Query q, EvalContext ctx, QueryOptions options)
    {
        var source = ctx.Source;
        foreach (var iri in q.From.Concat(q.FromNamed)) options.EnsureGraph?.Invoke(iri);
        int[] Ids(IEnumerable<IriNode> iris) => iris.Select(i => source.TryGetId(i, out var id) ? id : 0).Where(id => id > 0).Distinct().ToArray();
        var named = source.NamedGraphs().OrderBy(g => g).ToArray();
        if (q.From.Count > 0 || q.FromNamed.Count > 0)
        {
            ctx.DefaultGraphs = Ids(q.From);
            ctx.NamedGraphs = Ids(q.FromNamed);
        }
        else
        {
            ctx.DefaultGraphs = options.UnionDefaultGraph ? [IQuadSource.DefaultGraph, .. named] : [IQuadSource.DefaultGraph];
            ctx.NamedGraphs = named;
        }
    }

    private static void Add(Dictionary<string, int> slots, string v)
    {
        if (!slots.ContainsKey(v)) slots[v] = slots.Count;
    }

    /// <summary>Every variable the algebra mentions gets a slot (one flat row layout for the whole query).</summary>
    private static void CollectVars(Op root, Dictionary<string, int> slots)
    {
        var stack = new Stack<Op>();
        stack.Push(root);
        void FromExpr(Expr? e)
        {
            if (e is null) return;
            foreach (var v in e.Vars()) Add(slots, v);
            foreach (var x in ExistsInExpr(e)) stack.Push(x.Pattern);
        }
        while (stack.Count > 0)
        {
            var op = stack.Pop();
            foreach (var v in op.MaybeVars()) Add(slots, v);
            switch (op)
            {
                case JoinOp j: stack.Push(j.Left); stack.Push(j.Right); break;
                case LeftJoinOp l: stack.Push(l.Left); stack.Push(l.Right); FromExpr(l.Filter); break;
                case UnionOp u: stack.Push(u.Left); stack.Push(u.Right); break;
                case MinusOp m: stack.Push(m.Left); stack.Push(m.Right); break;
                case FilterOp f: stack.Push(f.Inner); foreach (var e in f.Exprs) FromExpr(e); break;
                case GraphOp g: stack.Push(g.Inner); break;
                case ServiceOp s: stack.Push(s.Inner); break;
                case ExtendOp e: stack.Push(e.Inner); FromExpr(e.Expr); break;
                case GroupOp g:
                    stack.Push(g.Inner);
                    foreach (var k in g.Keys) { FromExpr(k.Expr); if (k.Var is not null) Add(slots, k.Var); }
                    foreach (var a in g.Aggregates) { Add(slots, a.Var); FromExpr(a.Aggregate.Arg); }
                    break;
                case OrderByOp o: stack.Push(o.Inner); foreach (var c in o.Conditions) FromExpr(c.Expr); break;
                case ProjectOp p: stack.Push(p.Inner); break;
                case DistinctOp d: stack.Push(d.Inner); break;
                case SliceOp s: stack.Push(s.Inner); break;
            }
        }
    }

    private static IEnumerable<ExistsExpr> ExistsInExpr(Expr e)
    {
        switch (e)
        {
            case ExistsExpr x: yield return x; break;
            case CallExpr c: foreach (var a in c.Args) foreach (var x in ExistsInExpr(a)) yield return x; break;
            case InExpr i:
                foreach (var x in ExistsInExpr(i.Value)) yield return x;
                foreach (var a in i.List) foreach (var x in ExistsInExpr(a)) yield return x;
                break;
        }
    }

    /// <summary>All EXISTS expressions in the algebra, including those nested inside EXISTS patterns.</summary>
    private static List<ExistsExpr> ExistsIn(Op root)
    {
        var found = new List<ExistsExpr>();
        var stack = new Stack<Op>();
        stack.Push(root);
        void FromExpr(Expr? e)
        {
            if (e is null) return;
            foreach (var x in ExistsInExpr(e)) { found.Add(x); stack.Push(x.Pattern); }
        }
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JoinOp j: stack.Push(j.Left); stack.Push(j.Right); break;
                case LeftJoinOp l: stack.Push(l.Left); stack.Push(l.Right); FromExpr(l.Filter); break;
                case UnionOp u: stack.Push(u.Left); stack.Push(u.Right); break;
                case MinusOp m: stack.Push(m.Left); stack.Push(m.Right); break;
                case FilterOp f: stack.Push(f.Inner); foreach (var e in f.Exprs) FromExpr(e); break;
                case GraphOp g: stack.Push(g.Inner); break;
                case ExtendOp e: stack.Push(e.Inner); FromExpr(e.Expr); break;
                case GroupOp g: stack.Push(g.Inner); foreach (var k in g.Keys) FromExpr(k.Expr); foreach (var a in g.Aggregates) FromExpr(a.Aggregate.Arg); break;
                case OrderByOp o: stack.Push(o.Inner); foreach (var c in o.Conditions) FromExpr(c.Expr); break;
                case ProjectOp p: stack.Push(p.Inner); break;
                case DistinctOp d: stack.Push(d.Inner); break;
                case SliceOp s: stack.Push(s.Inner); break;
            }
        }
        return found;
    }

    private static IEnumerable<Triple> Construct(IReadOnlyList<TriplePattern> template, IEnumerable<int[]> solutions, Dictionary<string, int> slots, EvalContext ctx)
    {
        var seen = new HashSet<Triple>();
        long n = 0;
        foreach (var row in solutions)
        {
            var fresh = new Dictionary<string, BlankNode>(StringComparer.Ordinal);
            n++;
            INode? Term(Term t)
            {
                if (!t.IsVar) return t.Node;
                if (t.Var!.StartsWith(".t:", StringComparison.Ordinal))
                {
                    if (!fresh.TryGetValue(t.Var, out var b))
                        fresh[t.Var] = b = new BlankNode("c" + n.ToString(CultureInfo.InvariantCulture) + "_" + fresh.Count.ToString(CultureInfo.InvariantCulture));
                    return b;
                }
                return ctx.Terms.GetOrNull(row[slots[t.Var]]);
            }
            foreach (var tp in template)
            {
                var s = Term(tp.S);
                var p = Term(tp.P);
                var o = Term(tp.O);
                if (s is null || s is LiteralNode || p is not IriNode pi || o is null) continue;
                var triple = new Triple(s, pi, o);
                if (seen.Add(triple)) yield return triple;
            }
        }
    }

    /// <summary>DESCRIBE: the concise bounded description of each resource (its triples, following blank node objects).</summary>
    private static IEnumerable<Triple> Describe(IReadOnlyList<Term> terms, IEnumerable<int[]> solutions, Dictionary<string, int> slots, EvalContext ctx)
    {
        var resources = new List<int>();
        var seenResource = new HashSet<int>();
        foreach (var t in terms.Where(t => !t.IsVar))
        {
            var id = ctx.Terms.StoreId(t.Node!);
            if (id > 0 && seenResource.Add(id)) resources.Add(id);
        }
        if (terms.Any(t => t.IsVar))
        {
            foreach (var row in solutions)
                foreach (var t in terms.Where(t => t.IsVar))
                {
                    var id = row[slots[t.Var!]];
                    if (id > 0 && seenResource.Add(id)) resources.Add(id);
                }
        }
        var emitted = new HashSet<Triple>();
        var visited = new HashSet<int>();
        var queue = new Queue<int>(resources);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!visited.Add(node)) continue;
            foreach (var q in ctx.Match(node, 0, 0, ctx.DefaultGraphs))
            {
                ctx.Check();
                var o = ctx.Terms.Get(q.O);
                var triple = new Triple(ctx.Terms.Get(q.S), (IriNode)ctx.Terms.Get(q.P), o);
                if (emitted.Add(triple)) yield return triple;
                if (o is BlankNode) queue.Enqueue(q.O);
            }
        }
    }
}
