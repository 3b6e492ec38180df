using System.Globalization;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>
/// Reads a result set written as RDF with the DAWG result-set vocabulary (rs:ResultSet, rs:resultVariable,
/// rs:solution / rs:binding / rs:variable / rs:value, rs:index, rs:boolean), as some W3C tests give results in .ttl.
/// </summary>
public static class RdfResultSetReader
{
    public const string Rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

    public static SparqlResultSet FromTriples(IEnumerable<Triple> triples, string? source = null)
    {
        var bySubject = new Dictionary<INode, List<Triple>>();
        INode? resultSet = null;
        foreach (var t in triples)
        {
            if (!bySubject.TryGetValue(t.Subject, out var list)) bySubject[t.Subject] = list = [];
            list.Add(t);
            if (t.Predicate.Value == Vocab.Rdf.Type && t.Object is IriNode { Value: Rs + "ResultSet" }) resultSet = t.Subject;
        }
        if (resultSet is null)
            throw new RdfParseException("No rs:ResultSet in the result graph.", source, 0, 0);
        var props = bySubject[resultSet];
        var boolean = props.FirstOrDefault(t => t.Predicate.Value == Rs + "boolean");
        if (boolean.Predicate is not null)
        {
            if (boolean.Object is LiteralNode { Value: "true" or "false" } bl)
                return new SparqlResultSet(bl.Value == "true");
            throw new RdfParseException("rs:boolean must be true or false.", source, 0, 0);
        }
        var vars = new List<string>();
        foreach (var t in props)
            if (t.Predicate.Value == Rs + "resultVariable")
                vars.Add(Lexical(t.Object, "rs:resultVariable", source));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vars.Count; i++) index[vars[i]] = i;
        var solutions = new List<(long Index, int Seen, INode?[] Row)>();
        foreach (var t in props)
        {
            if (t.Predicate.Value != Rs + "solution") continue;
            var row = new INode?[vars.Count];
            long order = long.MaxValue;
            foreach (var st in bySubject.GetValueOrDefault(t.Object) ?? [])
            {
                if (st.Predicate.Value == Rs + "index")
                    order = long.Parse(Lexical(st.Object, "rs:index", source), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                if (st.Predicate.Value != Rs + "binding") continue;
                string? name = null;
                INode? value = null;
                foreach (var bt in bySubject.GetValueOrDefault(st.Object) ?? [])
                {
                    if (bt.Predicate.Value == Rs + "variable") name = Lexical(bt.Object, "rs:variable", source);
                    else if (bt.Predicate.Value == Rs + "value") value = bt.Object;
                }
                if (name is null || value is null) throw new RdfParseException("An rs:binding needs rs:variable and rs:value.", source, 0, 0);
                if (!index.TryGetValue(name, out var col))
                {
                    // Some result graphs omit rs:resultVariable for variables that only appear in bindings.
                    index[name] = col = vars.Count;
                    vars.Add(name);
                    for (var k = 0; k < solutions.Count; k++) solutions[k] = (solutions[k].Index, solutions[k].Seen, [.. solutions[k].Row, null]);
                    row = [.. row, null];
                }
                row[col] = value;
            }
            solutions.Add((order, solutions.Count, row));
        }
        var rows = solutions.OrderBy(s => s.Index).ThenBy(s => s.Seen)
            .Select(s => s.Row.Length == vars.Count ? s.Row : [.. s.Row, .. new INode?[vars.Count - s.Row.Length]])
            .ToList();
        return new SparqlResultSet(vars, rows);
    }

    private static string Lexical(INode n, string what, string? source) =>
        n is LiteralNode l ? l.Value : throw new RdfParseException(what + " must be a literal.", source, 0, 0);
}
