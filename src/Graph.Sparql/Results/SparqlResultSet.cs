using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>The answer to a SELECT (variables and rows) or to an ASK (a boolean), held in memory.</summary>
public sealed class SparqlResultSet
{
    /// <summary>A SELECT result: each row has one entry per variable, null where unbound.</summary>
    public SparqlResultSet(IReadOnlyList<string> variables, IReadOnlyList<INode?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
            if (r.Length != variables.Count)
                throw new ArgumentException($"A row has {r.Length} entries for {variables.Count} variables.", nameof(rows));
        Variables = variables;
        Rows = rows;
    }

    /// <summary>An ASK result.</summary>
    public SparqlResultSet(bool boolean)
    {
        Variables = [];
        Rows = [];
        Boolean = boolean;
    }

    public IReadOnlyList<string> Variables { get; }

    /// <summary>Rows aligned with <see cref="Variables"/>; empty for ASK.</summary>
    public IReadOnlyList<INode?[]> Rows { get; }

    /// <summary>The ASK answer, or null for a SELECT result.</summary>
    public bool? Boolean { get; }

    public bool IsBoolean => Boolean.HasValue;

    /// <summary>Writes this result set with a writer (solutions or boolean as appropriate).</summary>
    public void WriteTo(ISparqlResultsWriter writer, Stream stream)
    {
        if (Boolean is bool b) writer.WriteBoolean(stream, b);
        else writer.WriteSolutions(stream, Variables, Rows);
    }
}
