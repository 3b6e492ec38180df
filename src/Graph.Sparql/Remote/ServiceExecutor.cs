using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>
/// SERVICE over HTTP by bind join: the input solutions' values of the pattern's variables go to the endpoint in
/// VALUES blocks of at most <see cref="BatchSize"/> rows, and the answers are joined back with the inputs here.
/// Identical inputs are sent once, and batches are built in input order, so a rerun sends the same queries and
/// hits the cache.
/// </summary>
public sealed class ServiceExecutor(SparqlHttpClient client) : IServiceHandler
{
    /// <summary>Rows per VALUES block. Small enough that the query stays a short GET for most endpoints.</summary>
    public int BatchSize { get; init; } = 50;

    public IEnumerable<ServiceMatch> Execute(ServiceCall call, IReadOnlyList<IReadOnlyDictionary<string, INode>> inputs, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(inputs);
        if (BatchSize < 1) throw new InvalidOperationException("BatchSize must be at least 1");
        // Materialised so a SILENT failure halfway cannot leave some inputs answered and others not.
        var matches = new List<ServiceMatch>();
        try
        {
            foreach (var (endpoint, group) in GroupByEndpoint(call, inputs))
                Run(call, endpoint, group, inputs, matches, cancellation);
        }
        catch (RemoteEndpointException) when (call.Silent)
        {
            // SPARQL 1.1 Federated Query §4: a failed SILENT service contributes one solution with no bindings.
            matches.Clear();
            for (var i = 0; i < inputs.Count; i++) matches.Add(new ServiceMatch(i, Empty));
        }
        return matches;
    }

    private static readonly IReadOnlyDictionary<string, INode> Empty = new Dictionary<string, INode>();

    private static IEnumerable<(string Endpoint, List<int> Inputs)> GroupByEndpoint(ServiceCall call, IReadOnlyList<IReadOnlyDictionary<string, INode>> inputs)
    {
        if (call.Endpoint is not null)
        {
            yield return (call.Endpoint, Enumerable.Range(0, inputs.Count).ToList());
            yield break;
        }
        var v = call.EndpointVariable ?? throw new ArgumentException("a SERVICE call needs an endpoint IRI or variable", nameof(call));
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!inputs[i].TryGetValue(v, out var ep))
                throw new RemoteEndpointException("?" + v, "the SERVICE endpoint variable is unbound");
            if (ep is not IriNode iri)
                throw new RemoteEndpointException(ep.ToString() ?? "", "a SERVICE endpoint must be an IRI");
            if (!groups.TryGetValue(iri.Value, out var list)) { groups[iri.Value] = list = []; order.Add(iri.Value); }
            list.Add(i);
        }
        foreach (var ep in order) yield return (ep, groups[ep]);
    }

    private void Run(ServiceCall call, string endpoint, List<int> group, IReadOnlyList<IReadOnlyDictionary<string, INode>> inputs,
        List<ServiceMatch> matches, CancellationToken cancellation)
    {
        var patternVars = new HashSet<string>(call.Variables, StringComparer.Ordinal);
        // Join variables: those of the pattern that some input binds to a term SPARQL can write.
        var joinVars = call.Variables.Where(v => group.Any(i => inputs[i].TryGetValue(v, out var t) && SparqlTermText.Write(t) is not null)).ToList();

        // Distinct keys in first-seen order; each key remembers the inputs it stands for.
        var keys = new List<string?[]>();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var i in group)
        {
            var key = new string?[joinVars.Count];
            for (var k = 0; k < joinVars.Count; k++)
                key[k] = inputs[i].TryGetValue(joinVars[k], out var t) ? SparqlTermText.Write(t) : null;
            var id = string.Join("\u0001", key.Select(x => x ?? "UNDEF"));
            if (!byKey.TryGetValue(id, out var list)) { byKey[id] = list = []; keys.Add(key); }
            list.Add(i);
        }

        for (var start = 0; start < keys.Count; start += BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = keys.GetRange(start, Math.Min(BatchSize, keys.Count - start));
            var query = BuildQuery(call, joinVars, batch);
            var rs = client.Query(endpoint, query, cancellation).Results
                ?? throw new RemoteEndpointException(endpoint, "a SERVICE query must answer with SPARQL results, not a graph");
            if (rs.IsBoolean) throw new RemoteEndpointException(endpoint, "a SERVICE query answered with a boolean");
            var remoteRows = rs.Rows.Select(r => ToBindings(rs.Variables, r, patternVars)).ToList();
            // Join back in input order, so the output order does not depend on how the endpoint ordered its rows.
            var batchInputs = new List<int>();
            foreach (var key in batch)
                batchInputs.AddRange(byKey[string.Join("\u0001", key.Select(x => x ?? "UNDEF"))]);
            batchInputs.Sort();
            foreach (var i in batchInputs)
                foreach (var row in remoteRows)
                    if (Compatible(inputs[i], row)) matches.Add(new ServiceMatch(i, row));
        }
    }

    /// <summary>PROLOGUE SELECT vars WHERE { VALUES (?join) { (...) } PATTERN }; without join variables, just the pattern.</summary>
    public static string BuildQuery(ServiceCall call, IReadOnlyList<string> joinVars, IReadOnlyList<string?[]> rows)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(call.Prologue)) sb.Append(call.Prologue.TrimEnd()).Append('\n');
        sb.Append("SELECT ");
        if (call.Variables.Count == 0) sb.Append('*');
        else sb.Append(string.Join(" ", call.Variables.Select(v => "?" + v)));
        sb.Append(" WHERE {\n");
        if (joinVars.Count > 0)
        {
            sb.Append("  VALUES (").Append(string.Join(" ", joinVars.Select(v => "?" + v))).Append(") {");
            foreach (var r in rows)
                sb.Append(" (").Append(string.Join(" ", r.Select(x => x ?? "UNDEF"))).Append(')');
            sb.Append(" }\n");
        }
        sb.Append("  ").Append(call.Pattern.Trim()).Append("\n}");
        return sb.ToString();
    }

    private static Dictionary<string, INode> ToBindings(IReadOnlyList<string> vars, INode?[] row, HashSet<string> patternVars)
    {
        var d = new Dictionary<string, INode>(StringComparer.Ordinal);
        for (var k = 0; k < vars.Count; k++)
            if (row[k] is INode n && (patternVars.Count == 0 || patternVars.Contains(vars[k]))) d[vars[k]] = n;
        return d;
    }

    private static bool Compatible(IReadOnlyDictionary<string, INode> a, IReadOnlyDictionary<string, INode> b)
    {
        foreach (var (k, v) in b)
            if (a.TryGetValue(k, out var x) && !x.Equals(v)) return false;
        return true;
    }
}
