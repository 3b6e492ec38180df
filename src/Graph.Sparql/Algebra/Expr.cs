using Graph.Rdf;

namespace Graph.Sparql.Algebra;

/// <summary>A SPARQL expression.</summary>
public abstract class Expr
{
    /// <summary>The variables the expression reads (not those inside EXISTS patterns).</summary>
    public virtual IEnumerable<string> Vars() => [];

    public override string ToString() => Sse.Expr(this);
}

public sealed class ConstExpr(INode value) : Expr
{
    public INode Value { get; } = value;
}

public sealed class VarExpr(string name) : Expr
{
    public string Name { get; } = name;
    public override IEnumerable<string> Vars() => [Name];
}

/// <summary>Operators and functions: Op is a symbol (||, &&, =, !=, &lt;, >, &lt;=, >=, +, -, *, /, !, u-, u+),
/// an upper-case built-in name (STR, IF, COALESCE, BOUND, ...), or a function IRI.</summary>
public sealed class CallExpr(string op, IReadOnlyList<Expr> args, bool isIri = false) : Expr
{
    public string Op { get; } = op;
    public IReadOnlyList<Expr> Args { get; } = args;
    public bool IsIri { get; } = isIri;
    public override IEnumerable<string> Vars() => Args.SelectMany(a => a.Vars());
}

public sealed class InExpr(Expr value, IReadOnlyList<Expr> list, bool negated) : Expr
{
    public Expr Value { get; } = value;
    public IReadOnlyList<Expr> List { get; } = list;
    public bool Negated { get; } = negated;
    public override IEnumerable<string> Vars() => Value.Vars().Concat(List.SelectMany(a => a.Vars()));
}

public sealed class ExistsExpr(Op pattern, bool negated) : Expr
{
    public Op Pattern { get; } = pattern;
    public bool Negated { get; } = negated;
}

/// <summary>An aggregate call; Arg is null for COUNT(*). Replaced by a variable during translation.</summary>
public sealed class AggregateExpr(string name, bool distinct, Expr? arg, string? separator, string? iri = null) : Expr
{
    public string Name { get; } = name;
    public bool Distinct { get; } = distinct;
    public Expr? Arg { get; } = arg;
    public string? Separator { get; } = separator;
    /// <summary>For a custom aggregate called by IRI.</summary>
    public string? Iri { get; } = iri;
    public override IEnumerable<string> Vars() => Arg?.Vars() ?? [];
}
