using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats.Tests.RdfXml.Interim;

/// <summary>
/// A small N-Triples/N-Quads line reader for expected results, used only until the `formats` branch's
/// N-Quads reader lands on main; delete it then.
/// </summary>
internal static class InterimNQuads
{
    public static List<Quad> ParseFile(string path) => Parse(File.ReadAllText(path));

    public static List<Quad> Parse(string text)
    {
        var quads = new List<Quad>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            var pos = 0;
            Skip(line, ref pos);
            if (pos >= line.Length || line[pos] == '#') continue;
            var terms = new List<INode>();
            while (true)
            {
                Skip(line, ref pos);
                if (pos >= line.Length) throw new FormatException($"line {lineNo}: missing '.'");
                if (line[pos] == '.') break;
                terms.Add(Term(line, ref pos, lineNo));
            }
            if (terms.Count is < 3 or > 4) throw new FormatException($"line {lineNo}: {terms.Count} terms");
            quads.Add(new Quad(terms[0], (IriNode)terms[1], terms[2], terms.Count == 4 ? terms[3] : null));
        }
        return quads;
    }

    private static void Skip(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
    }

    private static INode Term(string s, ref int i, int lineNo)
    {
        switch (s[i])
        {
            case '<':
            {
                var end = s.IndexOf('>', i);
                var iri = Unescape(s[(i + 1)..end]);
                i = end + 1;
                return new IriNode(iri);
            }
            case '_':
            {
                var start = i + 2;
                var j = start;
                while (j < s.Length && s[j] != ' ' && s[j] != '\t' && !(s[j] == '.' && (j + 1 == s.Length || s[j + 1] == ' '))) j++;
                i = j;
                return new BlankNode(s[start..j]);
            }
            case '"':
            {
                var sb = new StringBuilder();
                var j = i + 1;
                while (s[j] != '"')
                {
                    if (s[j] == '\\') { sb.Append(s[j]).Append(s[j + 1]); j += 2; }
                    else sb.Append(s[j++]);
                }
                var value = Unescape(sb.ToString());
                j++;
                if (j < s.Length && s[j] == '@')
                {
                    var start = ++j;
                    while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '-')) j++;
                    i = j;
                    var tag = s[start..j];
                    var dd = tag.IndexOf("--", StringComparison.Ordinal);
                    return dd >= 0 ? LiteralNode.LangString(value, tag[..dd], tag[(dd + 2)..]) : LiteralNode.LangString(value, tag);
                }
                if (j + 1 < s.Length && s[j] == '^' && s[j + 1] == '^')
                {
                    j += 2;
                    var dt = (IriNode)Term(s, ref j, lineNo);
                    i = j;
                    return LiteralNode.Typed(value, dt);
                }
                i = j;
                return new LiteralNode(value);
            }
            default:
                throw new FormatException($"line {lineNo}: unexpected '{s[i]}'");
        }
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\') { sb.Append(s[i]); continue; }
            var c = s[++i];
            switch (c)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u': sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 4; break;
                case 'U': sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 8; break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
