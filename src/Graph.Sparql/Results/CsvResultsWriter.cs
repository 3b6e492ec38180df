using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>SPARQL 1.1 Query Results CSV (text/csv): plain values, lossy by design, CRLF line ends.</summary>
public sealed class CsvResultsWriter : ISparqlResultsWriter
{
    public string MediaType => "text/csv";

    /// <summary>CSV has no boolean form; ASK answers are written as a one-cell table.</summary>
    public void WriteBoolean(Stream s, bool value) =>
        WriteSolutions(s, ["boolean"], [[new LiteralNode(value ? "true" : "false")]]);

    public void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows)
    {
        using var w = new StreamWriter(s, new UTF8Encoding(false), 65536, leaveOpen: true);
        var sb = new StringBuilder();
        for (var i = 0; i < variables.Count; i++)
        {
            if (i > 0) sb.Append(',');
            TermText.AppendCsvField(sb, variables[i]);
        }
        sb.Append("\r\n");
        w.Write(sb);
        foreach (var row in rows)
        {
            sb.Clear();
            for (var i = 0; i < variables.Count; i++)
            {
                if (i > 0) sb.Append(',');
                if (row[i] is { } t) TermText.AppendCsvField(sb, TermText.Csv(t));
            }
            sb.Append("\r\n");
            w.Write(sb);
        }
    }
}
