using Graph.Rdf;

namespace Graph.Sparql.Algebra;

/// <summary>A position in a pattern: a variable or a constant term.</summary>
public readonly record struct Term
{
    private Term(string? var, INode? node)
    {
        Var = var;
        Node = node;
    }

    public string? Var { get; }
    public INode? Node { get; }

    public bool IsVar => Var is not null;

    public static Term Variable(string name) => new(name, null);

    public static Term Constant(INode node) => new(null, node);

    public override string ToString() => Var is not null ? Sse.VarName(Var) : Sse.TermText(Node!);
}

/// <summary>A triple pattern of a basic graph pattern or template.</summary>
public sealed record TriplePattern(Term S, Term P, Term O)
{
    public IEnumerable<string> Vars()
    {
        if (S.IsVar) yield return S.Var!;
        if (P.IsVar) yield return P.Var!;
        if (O.IsVar) yield return O.Var!;
    }

    public override string ToString() => "(triple " + S + " " + P + " " + O + ")";
}
