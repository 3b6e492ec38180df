using Graph.Rdf;

namespace Graph.Server.Engine;

/// <summary>The answer to a query: a table (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE).</summary>
public abstract class QueryOutcome
{
    private QueryOutcome() { }

    /// <summary>SELECT: the variables in projection order and the rows; a row holds null for an unbound variable.</summary>
    public sealed class Bindings(IReadOnlyList<string> variables, IEnumerable<INode?[]> rows) : QueryOutcome
    {
        public IReadOnlyList<string> Variables { get; } = variables;
        public IEnumerable<INode?[]> Rows { get; } = rows;
    }

    public sealed class Boolean(bool value) : QueryOutcome
    {
        public bool Value { get; } = value;
    }

    public sealed class Triples(IEnumerable<Triple> triples, NamespaceMap? namespaces = null) : QueryOutcome
    {
        public IEnumerable<Triple> Items { get; } = triples;
        public NamespaceMap Namespaces { get; } = namespaces ?? new NamespaceMap();
    }
}
