using Graph.Rdf;

namespace Graph.Sparql.Algebra;

/// <summary>A SPARQL algebra operator (SPARQL 1.1 §18).</summary>
public abstract class Op
{
    public override string ToString() => Sse.Op(this);

    /// <summary>Variables that may be bound by this operator's solutions.</summary>
    public abstract IEnumerable<string> MaybeVars();

    /// <summary>Variables bound in every solution.</summary>
    public abstract IEnumerable<string> CertainVars();
}

public sealed class BgpOp(IReadOnlyList<TriplePattern> patterns) : Op
{
    public IReadOnlyList<TriplePattern> Patterns { get; } = patterns;
    public override IEnumerable<string> MaybeVars() => Patterns.SelectMany(p => p.Vars()).Distinct();
    public override IEnumerable<string> CertainVars() => MaybeVars();
}

public sealed class PathOp(Term subject, PropertyPath path, Term obj) : Op
{
    public Term Subject { get; } = subject;
    public PropertyPath Path { get; } = path;
    public Term Object { get; } = obj;
    public override IEnumerable<string> MaybeVars()
    {
        if (Subject.IsVar) yield return Subject.Var!;
        if (Object.IsVar && Object.Var != Subject.Var) yield return Object.Var!;
    }
    public override IEnumerable<string> CertainVars() => MaybeVars();
}

public sealed class JoinOp(Op left, Op right) : Op
{
    public Op Left { get; } = left;
    public Op Right { get; } = right;
    public override IEnumerable<string> MaybeVars() => Left.MaybeVars().Union(Right.MaybeVars());
    public override IEnumerable<string> CertainVars() => Left.CertainVars().Union(Right.CertainVars());
}

public sealed class LeftJoinOp(Op left, Op right, Expr? filter) : Op
{
    public Op Left { get; } = left;
    public Op Right { get; } = right;
    public Expr? Filter { get; } = filter;
    public override IEnumerable<string> MaybeVars() => Left.MaybeVars().Union(Right.MaybeVars());
    public override IEnumerable<string> CertainVars() => Left.CertainVars();
}

public sealed class UnionOp(Op left, Op right) : Op
{
    public Op Left { get; } = left;
    public Op Right { get; } = right;
    public override IEnumerable<string> MaybeVars() => Left.MaybeVars().Union(Right.MaybeVars());
    public override IEnumerable<string> CertainVars() => Left.CertainVars().Intersect(Right.CertainVars());
}

public sealed class MinusOp(Op left, Op right) : Op
{
    public Op Left { get; } = left;
    public Op Right { get; } = right;
    public override IEnumerable<string> MaybeVars() => Left.MaybeVars();
    public override IEnumerable<string> CertainVars() => Left.CertainVars();
}

public sealed class FilterOp(IReadOnlyList<Expr> exprs, Op inner) : Op
{
    public IReadOnlyList<Expr> Exprs { get; } = exprs;
    public Op Inner { get; } = inner;
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => Inner.CertainVars();
}

public sealed class GraphOp(Term name, Op inner) : Op
{
    public Term Name { get; } = name;
    public Op Inner { get; } = inner;
    public override IEnumerable<string> MaybeVars() => Name.IsVar ? Inner.MaybeVars().Append(Name.Var!).Distinct() : Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => Name.IsVar ? Inner.CertainVars().Append(Name.Var!).Distinct() : Inner.CertainVars();
}

/// <summary>SERVICE: parsed and printed; evaluation fails unless SILENT (no federation).</summary>
public sealed class ServiceOp(Term endpoint, Op inner, bool silent) : Op
{
    public Term Endpoint { get; } = endpoint;
    public Op Inner { get; } = inner;
    public bool Silent { get; } = silent;
    /// <summary>The group pattern as written (braces included), sent to the endpoint by federated evaluation.</summary>
    public string? PatternText { get; init; }
    /// <summary>BASE and PREFIX declarations in force at the SERVICE keyword, so the pattern text means the same remotely.</summary>
    public string? Prologue { get; init; }
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => [];
}

public sealed class ExtendOp(Op inner, string var, Expr expr) : Op
{
    public Op Inner { get; } = inner;
    public string Var { get; } = var;
    public Expr Expr { get; } = expr;
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars().Append(Var).Distinct();
    public override IEnumerable<string> CertainVars() => Inner.CertainVars();
}

/// <summary>Inline data (VALUES) and the unit table (one empty solution).</summary>
public sealed class TableOp(IReadOnlyList<string> vars, IReadOnlyList<INode?[]> rows) : Op
{
    public IReadOnlyList<string> Vars { get; } = vars;
    public IReadOnlyList<INode?[]> Rows { get; } = rows;
    public static TableOp Unit() => new([], [Array.Empty<INode?>()]);
    public bool IsUnit => Vars.Count == 0 && Rows.Count == 1;
    public override IEnumerable<string> MaybeVars() => Vars;
    public override IEnumerable<string> CertainVars() =>
        Vars.Where((_, i) => Rows.All(r => r[i] is not null));
}

public sealed record GroupKey(Expr Expr, string? Var);

public sealed record AggregateBinding(string Var, AggregateExpr Aggregate);

public sealed class GroupOp(Op inner, IReadOnlyList<GroupKey> keys, IReadOnlyList<AggregateBinding> aggregates) : Op
{
    public Op Inner { get; } = inner;
    public IReadOnlyList<GroupKey> Keys { get; } = keys;
    public IReadOnlyList<AggregateBinding> Aggregates { get; } = aggregates;
    public override IEnumerable<string> MaybeVars() =>
        Keys.Select(k => k.Var ?? (k.Expr as VarExpr)?.Name).OfType<string>().Concat(Aggregates.Select(a => a.Var)).Distinct();
    public override IEnumerable<string> CertainVars() => [];
}

public sealed record OrderCondition(Expr Expr, bool Descending);

public sealed class OrderByOp(Op inner, IReadOnlyList<OrderCondition> conditions) : Op
{
    public Op Inner { get; } = inner;
    public IReadOnlyList<OrderCondition> Conditions { get; } = conditions;
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => Inner.CertainVars();
}

public sealed class ProjectOp(Op inner, IReadOnlyList<string> vars) : Op
{
    public Op Inner { get; } = inner;
    public IReadOnlyList<string> Vars { get; } = vars;
    public override IEnumerable<string> MaybeVars() => Vars;
    public override IEnumerable<string> CertainVars() => Inner.CertainVars().Intersect(Vars);
}

public sealed class DistinctOp(Op inner, bool reduced = false) : Op
{
    public Op Inner { get; } = inner;
    public bool Reduced { get; } = reduced;
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => Inner.CertainVars();
}

public sealed class SliceOp(Op inner, long offset, long? limit) : Op
{
    public Op Inner { get; } = inner;
    public long Offset { get; } = offset;
    public long? Limit { get; } = limit;
    public override IEnumerable<string> MaybeVars() => Inner.MaybeVars();
    public override IEnumerable<string> CertainVars() => Inner.CertainVars();
}
