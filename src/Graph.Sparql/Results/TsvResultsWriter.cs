using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>SPARQL 1.1 Query Results TSV (text/tab-separated-values): terms in Turtle/N-Triples syntax, "?var" headers.</summary>
public sealed class TsvResultsWriter : ISparqlResultsWriter
{
    public string MediaType => "text/tab-separated-values";

    /// <summary>TSV has no boolean form; ASK answers are written as a one-cell table.</summary>
    public void WriteBoolean(Stream s, bool value) =>
        WriteSolutions(s, ["boolean"], [[value ? Functions.XsdLexical.True : Functions.XsdLexical.False]]);

    public void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows)
    {
        using var w = new StreamWriter(s, new UTF8Encoding(false), 65536, leaveOpen: true);
        var sb = new StringBuilder();
        for (var i = 0; i < variables.Count; i++)
        {
            if (i > 0) sb.Append('\t');
            sb.Append('?').Append(variables[i]);
        }
        sb.Append('\n');
        w.Write(sb);
        foreach (var row in rows)
        {
            sb.Clear();
            for (var i = 0; i < variables.Count; i++)
            {
                if (i > 0) sb.Append('\t');
                if (row[i] is { } t) sb.Append(TermText.Tsv(t));
            }
            sb.Append('\n');
            w.Write(sb);
        }
    }
}
