using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>
/// An aligned text table for terminals. Columns are measured in display columns (<see cref="DisplayWidth"/>), and
/// text in right-to-left scripts is wrapped in Unicode directional isolates so that it reads correctly inside a
/// left-to-right row and cannot reorder the cells around it.
/// </summary>
public sealed class TableResultsWriter : ISparqlResultsWriter
{
    private const char Rli = '\u2067';
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    private readonly NamespaceMap? _prefixes;

    /// <param name="prefixes">Prefixes to abbreviate IRIs with (the query's, typically); none when null.</param>
    public TableResultsWriter(NamespaceMap? prefixes = null) => _prefixes = prefixes;

    public string MediaType => "text/plain";

    public void WriteBoolean(Stream s, bool value)
    {
        using var w = Open(s);
        w.Write(value ? "true\n" : "false\n");
    }

    public void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows)
    {
        // The widths depend on every row, so the table is built in memory before it is written.
        var cells = new List<string[]>();
        var widths = variables.Select(v => DisplayWidth.Of("?" + v)).ToArray();
        foreach (var row in rows)
        {
            var line = new string[variables.Count];
            for (var i = 0; i < line.Length; i++)
            {
                line[i] = row[i] is { } t ? Cell(t) : "";
                widths[i] = Math.Max(widths[i], DisplayWidth.Of(line[i]));
            }
            cells.Add(line);
        }
        using var w = Open(s);
        var sb = new StringBuilder();
        AppendRow(sb, variables.Select(v => "?" + v).ToArray(), widths);
        sb.Append('|');
        for (var i = 0; i < widths.Length; i++) sb.Append(i == 0 ? "" : "+").Append('-', widths[i] + 2);
        sb.Append("|\n");
        w.Write(sb);
        foreach (var line in cells)
        {
            sb.Clear();
            AppendRow(sb, line, widths);
            w.Write(sb);
        }
        w.Write(cells.Count == 1 ? "1 row\n" : cells.Count.ToString(CultureInfo.InvariantCulture) + " rows\n");
    }

    private static StreamWriter Open(Stream s) => new(s, new UTF8Encoding(false), 65536, leaveOpen: true);

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append("| ").Append(cells[i]).Append(' ', widths[i] - DisplayWidth.Of(cells[i]) + 1);
        }
        sb.Append("|\n");
    }

    /// <summary>The cell text of a term: IRIs in angle brackets or prefixed, numbers and booleans bare, strings quoted.</summary>
    public string Cell(INode term)
    {
        switch (term)
        {
            case IriNode iri:
                if (_prefixes?.FindLongest(iri.Value) is var (p, ns) && IsSimpleLocalName(iri.Value[ns.Length..]))
                    return p + ":" + Isolate(Escape(iri.Value[ns.Length..]));
                return "<" + Isolate(Escape(iri.Value)) + ">";
            case BlankNode b:
                return "_:" + b.Label;
            case TripleNode t:
                return "<<( " + Cell(t.Triple.Subject) + " " + Cell(t.Triple.Predicate) + " " + Cell(t.Triple.Object) + " )>>";
            case LiteralNode l:
                if (l.Language is null && TermText.IsTurtleShortForm(l.Value, l.Datatype.Value)) return l.Value;
                var text = "\"" + Isolate(Escape(l.Value)) + "\"";
                if (l.Language is not null)
                    return text + "@" + l.Language + (l.Direction is null ? "" : "--" + l.Direction);
                if (l.Datatype.Value == Vocab.Xsd.String) return text;
                return text + "^^" + Cell(l.Datatype);
            default:
                return term.ToString() ?? "";
        }
    }

    private static bool IsSimpleLocalName(string local)
    {
        foreach (var c in local)
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    /// <summary>Control characters would break the row; they are shown as escapes.</summary>
    private static string Escape(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Right-to-left text is isolated: RLI…PDI when it starts right-to-left, FSI…PDI when it only contains some.</summary>
    private static string Isolate(string s)
    {
        if (!DisplayWidth.ContainsRtl(s)) return s;
        return (DisplayWidth.FirstStrongDirection(s) < 0 ? Rli : Fsi) + s + Pdi;
    }
}
