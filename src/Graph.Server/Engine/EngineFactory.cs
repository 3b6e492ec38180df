namespace Graph.Server.Engine;

/// <summary>The engine `kg serve` uses: the Graph.Sparql adapter once that engine is in the build.</summary>
public static class EngineFactory
{
    public static ISparqlEngine Create(bool unionDefaultGraph = false) => new GraphSparqlEngine(unionDefaultGraph);
}

/// <summary>Stands in until Graph.Sparql's engine is merged: the Graph Store Protocol works, SPARQL answers 501.</summary>
internal sealed class UnavailableEngine : ISparqlEngine
{
    public bool SupportsUpdate => false;

    public QueryOutcome Query(string query, IServerDataset dataset, RequestOptions options, CancellationToken cancellation) =>
        throw new SparqlRequestException(SparqlErrorKind.NotImplemented, "SPARQL queries are not available in this build");

    public ChangeSet Update(string update, IServerDataset dataset, RequestOptions options, CancellationToken cancellation) =>
        throw new SparqlRequestException(SparqlErrorKind.NotImplemented, "SPARQL Update is not available in this build");
}
