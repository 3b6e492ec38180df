using Graph.Sparql.Functions;
using Graph.Store;

namespace Graph.Sparql.Evaluation;

/// <summary>The state one query run shares: ids, the dataset, limits, the functions' context.</summary>
public sealed class EvalContext
{
    private readonly CancellationToken _token;
    private readonly long _deadline;
    private long _materialised;
    private int _tick;

    public EvalContext(IQuadSource source, QueryOptions options, string? baseIri)
    {
        Terms = new TermTable(source);
        Snapshot = source as QuadSnapshot;
        Options = options;
        _token = options.Cancellation;
        _deadline = options.Timeout is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        Functions = new FunctionContext(options.Now, baseIri);
    }

    public TermTable Terms { get; }
    public IQuadSource Source => Terms.Source;

    /// <summary>The source when it is a store snapshot, whose cursors the index loops read directly.</summary>
    public QuadSnapshot? Snapshot { get; }
    public QueryOptions Options { get; }
    public FunctionContext Functions { get; }

    /// <summary>Graph ids whose merge is the default graph.</summary>
    public int[] DefaultGraphs { get; set; } = [IQuadSource.DefaultGraph];

    /// <summary>The named graphs of the dataset.</summary>
    public int[] NamedGraphs { get; set; } = [];

    public int Width { get; set; }

    private readonly Dictionary<int, int[]> _graphArrays = [];

    /// <summary>The one-graph scope for a graph id; the same array each time, so materialised sides can be cached per scope.</summary>
    public int[] GraphArray(int graph)
    {
        if (!_graphArrays.TryGetValue(graph, out var a)) _graphArrays[graph] = a = [graph];
        return a;
    }

    /// <summary>Called inside every loop: honours cancellation and the timeout.</summary>
    public void Check()
    {
        if ((++_tick & 255) != 0) return;
        _token.ThrowIfCancellationRequested();
        if (Environment.TickCount64 > _deadline) throw new QueryLimitException("query timed out");
    }

    /// <summary>Accounts for values held in memory by sorts, hash tables and groups.</summary>
    public void Charge(long values)
    {
        _materialised += values;
        if (_materialised > Options.MaxMaterialisedValues)
            throw new QueryLimitException($"query needs more than {Options.MaxMaterialisedValues:N0} materialised values (sort, group or hash table); narrow it or add LIMIT");
    }

    public void Release(long values) => _materialised -= values;

    /// <summary>Quads matching a pattern in the merge of <paramref name="graphs"/>: a triple in several graphs is seen once.</summary>
    public IEnumerable<EncodedQuad> Match(int s, int p, int o, int[] graphs)
    {
        if (s < 0 || p < 0 || o < 0) return [];
        if (graphs.Length == 1) return Source.Match(s, p, o, graphs[0]);
        return MatchMerged(s, p, o, graphs);
    }

    private IEnumerable<EncodedQuad> MatchMerged(int s, int p, int o, int[] graphs)
    {
        for (var i = 0; i < graphs.Length; i++)
        {
            foreach (var q in Source.Match(s, p, o, graphs[i]))
            {
                Check();
                var seen = false;
                for (var j = 0; j < i && !seen; j++) seen = Source.Count(q.S, q.P, q.O, graphs[j]) > 0;
                if (!seen) yield return q;
            }
        }
    }

    public long Count(int s, int p, int o, int[] graphs)
    {
        if (s < 0 || p < 0 || o < 0) return 0;
        long n = 0;
        foreach (var g in graphs) n += Source.Count(s, p, o, g);
        return n;
    }
}
