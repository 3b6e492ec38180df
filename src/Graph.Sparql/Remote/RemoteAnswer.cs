using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Remote;

/// <summary>
/// What an endpoint answered: a result set (SELECT, ASK) or triples (CONSTRUCT, DESCRIBE), with where and when it
/// came from. <see cref="FromCache"/> says whether the network was used.
/// </summary>
public sealed class RemoteAnswer
{
    public RemoteAnswer(string endpoint, DateTimeOffset retrieved, bool fromCache, SparqlResultSet? results, IReadOnlyList<Triple>? triples)
    {
        Endpoint = endpoint;
        Retrieved = retrieved;
        FromCache = fromCache;
        Results = results;
        Triples = triples;
    }

    public string Endpoint { get; }

    /// <summary>When the answer was received from the endpoint (for a cached answer: when it was first received), to the second.</summary>
    public DateTimeOffset Retrieved { get; }

    public bool FromCache { get; }

    public SparqlResultSet? Results { get; }

    public IReadOnlyList<Triple>? Triples { get; }
}
