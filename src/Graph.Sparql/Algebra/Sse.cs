using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Algebra;

/// <summary>
/// The printable form of the algebra, after the SSE notation of the SPARQL algebra (§18) used by Jena:
/// one operator per line, indented, so that plans can be read and compared in tests.
/// </summary>
public static class Sse
{
    /// <summary>Variables made by the engine (blank nodes of patterns, path steps, aggregates) start with '.', which no query variable can.</summary>
    public static bool IsHidden(string var) => var.Length > 0 && var[0] == '.';

    public static string VarName(string v) => "?" + v;

    public static string TermText(INode n) => n switch
    {
        LiteralNode l when l.Datatype.Value == Vocab.Xsd.Integer && l.Language is null => l.Value,
        _ => n.ToString() ?? "",
    };

    public static string Query(Query q)
    {
        var sb = new StringBuilder();
        var head = q.Form switch
        {
            QueryForm.Select => "(select (" + string.Join(" ", q.Variables.Select(VarName)) + ")",
            QueryForm.Ask => "(ask",
            QueryForm.Construct => "(construct (" + string.Join(" ", q.Template) + ")",
            _ => "(describe (" + string.Join(" ", q.DescribeTerms) + ")",
        };
        sb.Append(head).Append('\n');
        Write(sb, q.Pattern, 1);
        sb.Append(')');
        return sb.ToString();
    }

    public static string Op(Op op)
    {
        var sb = new StringBuilder();
        Write(sb, op, 0);
        return sb.ToString();
    }

    /// <summary>Writes an operator with an optional annotation per node (the explain output uses it for row counts).</summary>
    public static void Write(StringBuilder sb, Op root, int indent, Func<Op, string?>? annotate = null)
    {
        // An explicit stack: plans of deeply nested queries must not overflow the call stack when printed.
        var stack = new Stack<(object Item, int Indent)>();
        stack.Push((root, indent));
        while (stack.Count > 0)
        {
            var (item, ind) = stack.Pop();
            if (item is string close)
            {
                sb.Append(close);
                continue;
            }
            var op = (Op)item;
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
            sb.Append(' ', ind * 2);
            var note = annotate?.Invoke(op);
            var children = new List<Op>();
            switch (op)
            {
                case BgpOp b:
                    sb.Append("(bgp");
                    foreach (var t in b.Patterns) sb.Append(' ').Append(t);
                    break;
                case PathOp p:
                    sb.Append("(path ").Append(p.Subject).Append(' ').Append(Path(p.Path)).Append(' ').Append(p.Object);
                    break;
                case JoinOp j: sb.Append("(join"); children.Add(j.Left); children.Add(j.Right); break;
                case LeftJoinOp l:
                    sb.Append("(leftjoin");
                    children.Add(l.Left); children.Add(l.Right);
                    break;
                case UnionOp u: sb.Append("(union"); children.Add(u.Left); children.Add(u.Right); break;
                case MinusOp m: sb.Append("(minus"); children.Add(m.Left); children.Add(m.Right); break;
                case FilterOp f:
                    sb.Append("(filter ").Append(f.Exprs.Count == 1 ? Expr(f.Exprs[0]) : "(exprlist " + string.Join(" ", f.Exprs.Select(Expr)) + ")");
                    children.Add(f.Inner);
                    break;
                case GraphOp g: sb.Append("(graph ").Append(g.Name); children.Add(g.Inner); break;
                case ServiceOp s: sb.Append("(service ").Append(s.Silent ? "silent " : "").Append(s.Endpoint); children.Add(s.Inner); break;
                case ExtendOp e: sb.Append("(extend ((").Append(VarName(e.Var)).Append(' ').Append(Expr(e.Expr)).Append("))"); children.Add(e.Inner); break;
                case TableOp t when t.IsUnit: sb.Append("(table unit"); break;
                case TableOp t:
                    sb.Append("(table (vars ").Append(string.Join(" ", t.Vars.Select(VarName))).Append(')');
                    foreach (var row in t.Rows)
                    {
                        sb.Append(" (row");
                        for (var i = 0; i < row.Length; i++)
                            if (row[i] is { } n) sb.Append(" [").Append(VarName(t.Vars[i])).Append(' ').Append(TermText(n)).Append(']');
                        sb.Append(')');
                    }
                    break;
                case GroupOp gr:
                    sb.Append("(group (").Append(string.Join(" ", gr.Keys.Select(k => k.Var is null ? Expr(k.Expr) : "(" + VarName(k.Var) + " " + Expr(k.Expr) + ")"))).Append(") (");
                    sb.Append(string.Join(" ", gr.Aggregates.Select(a => "(" + VarName(a.Var) + " " + Expr(a.Aggregate) + ")"))).Append(')');
                    children.Add(gr.Inner);
                    break;
                case OrderByOp o:
                    sb.Append("(order (").Append(string.Join(" ", o.Conditions.Select(c => c.Descending ? "(desc " + Expr(c.Expr) + ")" : Expr(c.Expr)))).Append(')');
                    children.Add(o.Inner);
                    break;
                case ProjectOp pr: sb.Append("(project (").Append(string.Join(" ", pr.Vars.Select(VarName))).Append(')'); children.Add(pr.Inner); break;
                case DistinctOp d: sb.Append(d.Reduced ? "(reduced" : "(distinct"); children.Add(d.Inner); break;
                case SliceOp sl:
                    sb.Append("(slice ").Append(sl.Offset.ToString(CultureInfo.InvariantCulture)).Append(' ')
                      .Append(sl.Limit?.ToString(CultureInfo.InvariantCulture) ?? "_");
                    children.Add(sl.Inner);
                    break;
                default: sb.Append('(').Append(op.GetType().Name); break;
            }
            if (note is not null) sb.Append("  ; ").Append(note);
            stack.Push((op is LeftJoinOp { Filter: { } lf } ? "\n" + new string(' ', ind * 2 + 2) + Expr(lf) + ")" : ")", 0));
            for (var i = children.Count - 1; i >= 0; i--) stack.Push((children[i], ind + 1));
        }
    }

    public static string Path(PropertyPath p) => p switch
    {
        LinkPath l => l.Iri.ToString(),
        InversePath i => "(reverse " + Path(i.Inner) + ")",
        SequencePath s => "(seq " + Path(s.Left) + " " + Path(s.Right) + ")",
        AlternativePath a => "(alt " + Path(a.Left) + " " + Path(a.Right) + ")",
        ZeroOrMorePath z => "(path* " + Path(z.Inner) + ")",
        OneOrMorePath o => "(path+ " + Path(o.Inner) + ")",
        ZeroOrOnePath z => "(path? " + Path(z.Inner) + ")",
        NegatedPath n => "(notoneof " + string.Join(" ", n.Forward.Select(x => x.ToString()).Concat(n.Inverse.Select(x => "(reverse " + x + ")"))) + ")",
        _ => "?",
    };

    public static string Expr(Expr e)
    {
        switch (e)
        {
            case ConstExpr c: return TermText(c.Value);
            case VarExpr v: return VarName(v.Name);
            case CallExpr c:
                var name = c.IsIri ? "<" + c.Op + ">" : c.Op switch { "u-" => "-", "u+" => "+", _ => c.Op.ToLowerInvariant() };
                return "(" + name + (c.Args.Count > 0 ? " " + string.Join(" ", c.Args.Select(Expr)) : "") + ")";
            case InExpr i: return "(" + (i.Negated ? "notin " : "in ") + Expr(i.Value) + (i.List.Count > 0 ? " " : "") + string.Join(" ", i.List.Select(Expr)) + ")";
            case ExistsExpr x: return "(" + (x.Negated ? "notexists " : "exists ") + Op(x.Pattern).Replace("\n", " ", StringComparison.Ordinal) + ")";
            case AggregateExpr a:
                var inner = a.Arg is null ? "" : " " + Expr(a.Arg);
                var sep = a.Separator is null ? "" : " (separator " + NTriplesText.Quoted(a.Separator) + ")";
                return "(" + (a.Iri is null ? a.Name.ToLowerInvariant() : "<" + a.Iri + ">") + (a.Distinct ? " distinct" : "") + sep + inner + ")";
            default: return "?";
        }
    }
}
