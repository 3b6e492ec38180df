using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>
/// One SERVICE pattern as the evaluator hands it over.
/// </summary>
/// <param name="Endpoint">The endpoint IRI, or null when it is the variable <paramref name="EndpointVariable"/>.</param>
/// <param name="EndpointVariable">The variable (without '?') in the endpoint position, or null.</param>
/// <param name="Prologue">The query's BASE and PREFIX declarations, so the pattern's prefixed names mean the same remotely.</param>
/// <param name="Pattern">The group graph pattern's text, braces included, as written in the query.</param>
/// <param name="Variables">The pattern's in-scope variables (without '?'): what the remote query projects.</param>
/// <param name="Silent">SERVICE SILENT: a failure gives the unit solution instead of an error.</param>
public sealed record ServiceCall(string? Endpoint, string? EndpointVariable, string Prologue, string Pattern, IReadOnlyList<string> Variables, bool Silent);

/// <summary>A remote solution that is compatible with input row <see cref="Input"/>; the evaluator merges the two.</summary>
public readonly record struct ServiceMatch(int Input, IReadOnlyDictionary<string, INode> Bindings);

/// <summary>What the SPARQL evaluator calls for SERVICE. <see cref="ServiceExecutor"/> is the HTTP implementation.</summary>
public interface IServiceHandler
{
    /// <summary>
    /// Evaluates the SERVICE pattern for a batch of input solutions (the rows the pattern is joined with; one empty
    /// row when SERVICE comes first) and returns, for each input, the remote solutions compatible with it.
    /// Failures throw <see cref="RemoteEndpointException"/> unless the call is SILENT.
    /// </summary>
    IEnumerable<ServiceMatch> Execute(ServiceCall call, IReadOnlyList<IReadOnlyDictionary<string, INode>> inputs, CancellationToken cancellation);
}
