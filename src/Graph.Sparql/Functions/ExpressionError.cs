namespace Graph.Sparql.Functions;

/// <summary>
/// A SPARQL expression error (SPARQL 1.1 §17.2): a type error, a bad argument, an unbound variable.
/// The evaluator turns it into "unbound" for BIND/SELECT expressions and "false" for FILTER.
/// </summary>
public class ExpressionError : Exception
{
    public ExpressionError(string message) : base(message) { }

    public ExpressionError(string message, Exception inner) : base(message, inner) { }
}
