namespace Graph.Sparql.Update;

/// <summary>An update operation failed (e.g. CREATE of an existing graph, LOAD of an unreachable source); the request is not applied.</summary>
public sealed class UpdateException(string message, Exception? inner = null) : Exception(message, inner);
