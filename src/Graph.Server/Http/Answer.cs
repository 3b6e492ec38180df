using Graph.Rdf;
using Graph.Server.Engine;

namespace Graph.Server.Http;

/// <summary>A query result fully read out of the engine, so the lock is released before any byte is sent.</summary>
internal abstract record Answer
{
    public sealed record Table(IReadOnlyList<string> Variables, List<INode?[]> Rows) : Answer;
    public sealed record Bool(bool Value) : Answer;
    public sealed record Graph(List<Triple> Triples, NamespaceMap Namespaces) : Answer;

    /// <summary>
    /// Runs the query and reads its rows, checking the cancellation token (timeout) and the result cap as it goes.
    /// Reading everything before answering means a timeout or an over-large result is reported as a clean error.
    /// </summary>
    public static Answer Materialise(QueryOutcome outcome, long cap, CancellationToken ct)
    {
        switch (outcome)
        {
            case QueryOutcome.Boolean b:
                return new Bool(b.Value);
            case QueryOutcome.Bindings t:
            {
                var rows = new List<INode?[]>();
                foreach (var row in t.Rows)
                {
                    ct.ThrowIfCancellationRequested();
                    if (rows.Count >= cap) throw TooMany(cap, "rows");
                    rows.Add(row);
                }
                return new Table(t.Variables, rows);
            }
            case QueryOutcome.Triples g:
            {
                var list = new List<Triple>();
                foreach (var tr in g.Items)
                {
                    ct.ThrowIfCancellationRequested();
                    if (list.Count >= cap) throw TooMany(cap, "triples");
                    list.Add(tr);
                }
                return new Graph(list, g.Namespaces);
            }
            default:
                throw new InvalidOperationException("unknown query outcome " + outcome.GetType().Name);
        }
    }

    private static SparqlRequestException TooMany(long cap, string what) =>
        new(SparqlErrorKind.TooCostly, $"the result has more than {cap} {what}, the most this server returns; add a LIMIT or narrow the query");
}
