using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Store.Bench;

/// <summary>
/// A minimal N-Triples/N-Quads line reader for the generated benchmark data, so the store can be measured on its
/// own. It trusts its input (no validation); the project's real readers live in Graph.Formats.
/// </summary>
internal static class LineReader
{
    public static void Read(string path, IRdfSink sink)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), false, 1 << 20);
        var terms = new List<INode>(4);
        var sb = new StringBuilder();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            terms.Clear();
            var i = 0;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or '\t') i++;
                if (i >= line.Length || line[i] is '.' or '#') break;
                terms.Add(ReadTerm(line, ref i, sb));
            }
            if (terms.Count == 0) continue;
            sink.Quad(new Quad(terms[0], (IriNode)terms[1], terms[2], terms.Count > 3 ? terms[3] : null));
        }
    }

    private static INode ReadTerm(string line, ref int i, StringBuilder sb)
    {
        switch (line[i])
        {
            case '<':
            {
                var end = line.IndexOf('>', i);
                var iri = Unescape(line, i + 1, end, sb);
                i = end + 1;
                return new IriNode(iri);
            }
            case '_':
            {
                var start = i + 2;
                var end = start;
                while (end < line.Length && line[end] is not (' ' or '\t')) end++;
                if (line[end - 1] == '.') end--;
                i = end;
                return new BlankNode(line[start..end]);
            }
            default:
            {
                var start = i + 1;
                var end = start;
                while (line[end] != '"') end += line[end] == '\\' ? 2 : 1;
                var value = Unescape(line, start, end, sb);
                i = end + 1;
                if (i < line.Length && line[i] == '@')
                {
                    var tagStart = i + 1;
                    var tagEnd = tagStart;
                    while (tagEnd < line.Length && (char.IsAsciiLetterOrDigit(line[tagEnd]) || line[tagEnd] == '-')) tagEnd++;
                    var tag = line[tagStart..tagEnd];
                    i = tagEnd;
                    var dir = tag.IndexOf("--", StringComparison.Ordinal);
                    return dir < 0 ? LiteralNode.LangString(value, tag) : LiteralNode.LangString(value, tag[..dir], tag[(dir + 2)..]);
                }
                if (i + 1 < line.Length && line[i] == '^' && line[i + 1] == '^')
                {
                    i += 2;
                    var datatype = (IriNode)ReadTerm(line, ref i, sb);
                    return LiteralNode.Typed(value, datatype);
                }
                return new LiteralNode(value);
            }
        }
    }

    private static string Unescape(string line, int start, int end, StringBuilder sb)
    {
        var slash = line.IndexOf('\\', start, end - start);
        if (slash < 0) return line.Substring(start, end - start);
        sb.Clear();
        for (var i = start; i < end; i++)
        {
            var c = line[i];
            if (c != '\\') { sb.Append(c); continue; }
            c = line[++i];
            switch (c)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    sb.Append((char)int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'U':
                    sb.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 8;
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
