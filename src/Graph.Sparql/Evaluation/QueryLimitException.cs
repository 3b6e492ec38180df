namespace Graph.Sparql.Evaluation;

/// <summary>A query went over a limit (time, materialised memory) or could not be run (SERVICE): the user sees the message.</summary>
public sealed class QueryLimitException(string message, Exception? inner = null) : Exception(message, inner);
