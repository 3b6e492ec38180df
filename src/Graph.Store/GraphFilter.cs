using Graph.Rdf;

namespace Graph.Store;

/// <summary>Which graphs a term-level pattern looks in: any graph (the default), the default graph, or one named graph.</summary>
public readonly struct GraphFilter
{
    private GraphFilter(byte kind, INode? name)
    {
        Kind = kind;
        Name = name;
    }

    private byte Kind { get; }

    /// <summary>The graph name for <see cref="Named"/>, else null.</summary>
    public INode? Name { get; }

    public static GraphFilter Any => default;

    public static GraphFilter Default => new(1, null);

    public static GraphFilter Named(INode name) => new(2, name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The graph of a quad: <see cref="Default"/> for null, else that named graph.</summary>
    public static GraphFilter Of(INode? graph) => graph is null ? Default : Named(graph);

    public bool IsAny => Kind == 0;

    /// <summary>The graph id to match (0 any, 1 default), or false if the named graph is unknown to the dictionary.</summary>
    internal bool TryResolve(TermDictionary terms, out int id)
    {
        switch (Kind)
        {
            case 0: id = IQuadSource.Wildcard; return true;
            case 1: id = IQuadSource.DefaultGraph; return true;
            default: return terms.TryGetId(Name!, out id);
        }
    }
}
