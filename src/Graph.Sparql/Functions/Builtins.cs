using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>
/// The built-in functions of SPARQL 1.1 §17.4 (and RDF 1.2's triple and direction functions), called by keyword,
/// and the XSD constructor casts of §17.5, called by datatype IRI.
/// </summary>
/// <remarks>
/// BOUND, IF, COALESCE, IN, NOT IN, EXISTS, NOT EXISTS, &amp;&amp;, || and ! need unevaluated arguments or error
/// handling of their own, so the evaluator implements them.
/// </remarks>
public static class Builtins
{
    private sealed record Entry(int Min, int Max, Func<IReadOnlyList<INode>, FunctionContext, INode> Run);

    private static readonly Dictionary<string, Entry> s_table = Build();

    private static Dictionary<string, Entry> Build()
    {
        var t = new Dictionary<string, Entry>(StringComparer.Ordinal);
        void Add(string name, int min, int max, Func<IReadOnlyList<INode>, FunctionContext, INode> run) => t[name] = new Entry(min, max, run);

        TermFunctions.Register(Add);
        StringFunctions.Register(Add);
        NumericFunctions.Register(Add);
        DateTimeFunctions.Register(Add);
        HashFunctions.Register(Add);
        foreach (var dt in Casts.Targets) Add(dt, 1, 1, (a, _) => Casts.Cast(a[0], dt));
        return t;
    }

    /// <summary>True for a keyword or cast IRI that <see cref="Call"/> evaluates.</summary>
    public static bool IsKnown(string name) => s_table.ContainsKey(name);

    /// <summary>The number of arguments a function takes (max is int.MaxValue for CONCAT); false for unknown names.</summary>
    public static bool TryGetArity(string name, out int min, out int max)
    {
        if (s_table.TryGetValue(name, out var e))
        {
            min = e.Min;
            max = e.Max;
            return true;
        }
        min = max = 0;
        return false;
    }

    /// <summary>
    /// Evaluates a function on evaluated arguments. <paramref name="name"/> is the upper-case keyword (STR, REGEX, ...)
    /// or a full datatype IRI for a cast. Errors (wrong types, wrong argument count, unknown function) throw
    /// <see cref="ExpressionError"/>.
    /// </summary>
    public static INode Call(string name, IReadOnlyList<INode> args, FunctionContext ctx)
    {
        if (!s_table.TryGetValue(name, out var e))
            throw new ExpressionError("Unknown function " + name + ".");
        if (args.Count < e.Min || args.Count > e.Max)
        {
            var expected = e.Min == e.Max ? e.Min.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : e.Max == int.MaxValue ? "at least " + e.Min : e.Min + " to " + e.Max;
            throw new ExpressionError(name + " takes " + expected + " argument(s), got " + args.Count + ".");
        }
        return e.Run(args, ctx);
    }

    internal delegate void Registrar(string name, int min, int max, Func<IReadOnlyList<INode>, FunctionContext, INode> run);
}
