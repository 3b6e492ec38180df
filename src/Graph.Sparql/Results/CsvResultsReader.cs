using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>
/// Reads SPARQL 1.1 CSV results. CSV keeps no term types, so every value comes back as a simple literal, except
/// "_:label" values, which come back as blank nodes; compare with <see cref="ResultSetComparer.AreEqualAsCsv"/>.
/// </summary>
public static class CsvResultsReader
{
    public static SparqlResultSet Read(TextReader input, string? source = null)
    {
        var records = ParseRecords(input.ReadToEnd(), source);
        if (records.Count == 0) throw new RdfParseException("Empty CSV results: expected a header line.", source, 1, 1);
        var vars = records[0].Fields;
        var rows = new List<INode?[]>();
        foreach (var (fields, line) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0 && vars.Count != 1) continue;
            if (fields.Count != vars.Count)
                throw new RdfParseException($"Expected {vars.Count} comma-separated fields, found {fields.Count}.", source, line, 1);
            var row = new INode?[vars.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                if (f.Length == 0) continue;
                row[i] = f.StartsWith("_:", StringComparison.Ordinal) && f.Length > 2 ? new BlankNode(f[2..]) : new LiteralNode(f);
            }
            rows.Add(row);
        }
        return new SparqlResultSet(vars, rows);
    }

    public static SparqlResultSet ReadFile(string path)
    {
        using var r = new StreamReader(path);
        return Read(r, path);
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF or LF.</summary>
    private static List<(List<string> Fields, long Line)> ParseRecords(string text, string? source)
    {
        var records = new List<(List<string>, long)>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        long line = 1, recordLine = 1;
        var i = 0;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && sb.Length == 0 && !fieldStarted)
            {
                i++;
                fieldStarted = true;
                while (true)
                {
                    if (i >= text.Length) throw new RdfParseException("Unterminated quoted CSV field.", source, recordLine, 1);
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    sb.Append(text[i++]);
                }
                continue;
            }
            if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
                fieldStarted = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                fields.Add(sb.ToString());
                sb.Clear();
                fieldStarted = false;
                records.Add((fields, recordLine));
                fields = [];
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                recordLine = ++line;
                continue;
            }
            sb.Append(c);
            fieldStarted = true;
            i++;
        }
        if (sb.Length > 0 || fields.Count > 0 || fieldStarted)
        {
            fields.Add(sb.ToString());
            records.Add((fields, recordLine));
        }
        return records;
    }
}
