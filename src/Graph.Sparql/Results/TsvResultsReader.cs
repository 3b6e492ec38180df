using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>Reads SPARQL 1.1 TSV results: a "?var" header line, then one row per line of Turtle-syntax terms.</summary>
public static class TsvResultsReader
{
    public static SparqlResultSet Read(TextReader input, string? source = null)
    {
        var header = input.ReadLine() ?? throw new RdfParseException("Empty TSV results: expected a header line of ?variables.", source, 1, 1);
        var vars = new List<string>();
        if (header.Length > 0)
        {
            var col = 1;
            foreach (var h in header.TrimEnd('\r').Split('\t'))
            {
                var name = h.Length > 0 && h[0] is '?' or '$' ? h[1..] : h;
                if (name.Length == 0) throw new RdfParseException("Empty variable name in the TSV header.", source, 1, col);
                vars.Add(name);
                col += h.Length + 1;
            }
        }
        var rows = new List<INode?[]>();
        long lineNo = 1;
        while (input.ReadLine() is { } line)
        {
            lineNo++;
            line = line.TrimEnd('\r');
            // An empty line is a row of one unbound value, or with no variables the empty row; otherwise it is padding.
            if (line.Length == 0 && vars.Count > 1) continue;
            var fields = vars.Count == 0 && line.Length == 0 ? [] : line.Split('\t');
            if (fields.Length != vars.Count)
                throw new RdfParseException($"Expected {vars.Count} tab-separated fields, found {fields.Length}.", source, lineNo, 1);
            var row = new INode?[vars.Count];
            var column = 1;
            for (var i = 0; i < fields.Length; i++)
            {
                var f = fields[i].Trim(' ');
                if (f.Length > 0)
                {
                    var p = new TermParser(f, source, lineNo, column);
                    row[i] = p.ParseTerm();
                    p.ExpectEnd();
                }
                column += fields[i].Length + 1;
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

    /// <summary>Parses one Turtle-syntax term: &lt;iri&gt;, _:b, "lit"@lang / ^^&lt;dt&gt;, numbers, booleans, &lt;&lt;( s p o )&gt;&gt;.</summary>
    private sealed class TermParser(string text, string? source, long line, int column)
    {
        private int _pos;

        private RdfParseException Error(string message) => new(message, source, line, column + _pos);

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_pos != text.Length) throw Error("Unexpected text after the term: \"" + text[_pos..] + "\".");
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && text[_pos] == ' ') _pos++;
        }

        // Triple terms nest; the depth bound keeps a hostile file from exhausting the stack.
        public INode ParseTerm(int depth = 0)
        {
            if (depth > 64) throw Error("Triple terms nested too deeply.");
            SkipSpaces();
            if (_pos >= text.Length) throw Error("Expected a term.");
            var c = text[_pos];
            if (c == '<' && _pos + 2 < text.Length && text[_pos + 1] == '<' && text[_pos + 2] == '(')
            {
                _pos += 3;
                var s = ParseTerm(depth + 1);
                var p = ParseTerm(depth + 1) as IriNode ?? throw Error("A triple term's predicate must be an IRI.");
                var o = ParseTerm(depth + 1);
                SkipSpaces();
                if (!text.AsSpan(_pos).StartsWith(")>>")) throw Error("Expected )>> to close the triple term.");
                _pos += 3;
                return new TripleNode(new Triple(s, p, o));
            }
            if (c == '<') return new IriNode(ParseIri());
            if (c == '_' && _pos + 1 < text.Length && text[_pos + 1] == ':')
            {
                var start = _pos += 2;
                while (_pos < text.Length && text[_pos] is not (' ' or ')')) _pos++;
                if (_pos == start) throw Error("Empty blank node label.");
                return new BlankNode(text[start.._pos]);
            }
            if (c is '"' or '\'') return ParseLiteral();
            var end = _pos;
            while (end < text.Length && text[end] is not (' ' or ')')) end++;
            var word = text[_pos..end];
            string? dt = word switch
            {
                "true" or "false" => Vocab.Xsd.Boolean,
                _ when TermText.IsTurtleShortForm(word, Vocab.Xsd.Integer) => Vocab.Xsd.Integer,
                _ when TermText.IsTurtleShortForm(word, Vocab.Xsd.Decimal) => Vocab.Xsd.Decimal,
                _ when TermText.IsTurtleShortForm(word, Vocab.Xsd.Double) => Vocab.Xsd.Double,
                _ => null,
            };
            if (dt is null) throw Error("Expected an IRI, blank node, literal, number or boolean, got \"" + word + "\".");
            _pos = end;
            return LiteralNode.Typed(word, dt);
        }

        private string ParseIri()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= text.Length) throw Error("Unterminated IRI: expected '>'.");
                var c = text[_pos++];
                if (c == '>') return sb.ToString();
                if (c == '\\') AppendUnicodeEscape(sb);
                else sb.Append(c);
            }
        }

        private LiteralNode ParseLiteral()
        {
            var quote = text[_pos++];
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= text.Length) throw Error("Unterminated string: expected " + quote + ".");
                var c = text[_pos++];
                if (c == quote) break;
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= text.Length) throw Error("Unterminated escape.");
                var e = text[_pos];
                switch (e)
                {
                    case 't': sb.Append('\t'); _pos++; break;
                    case 'n': sb.Append('\n'); _pos++; break;
                    case 'r': sb.Append('\r'); _pos++; break;
                    case 'b': sb.Append('\b'); _pos++; break;
                    case 'f': sb.Append('\f'); _pos++; break;
                    case '"': sb.Append('"'); _pos++; break;
                    case '\'': sb.Append('\''); _pos++; break;
                    case '\\': sb.Append('\\'); _pos++; break;
                    case 'u' or 'U': AppendUnicodeEscape(sb); break;
                    default: throw Error("Unknown escape \\" + e + ".");
                }
            }
            var lex = sb.ToString();
            if (_pos < text.Length && text[_pos] == '@')
            {
                var start = ++_pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '-')) _pos++;
                var tag = text[start.._pos];
                string? dir = null;
                var dd = tag.IndexOf("--", StringComparison.Ordinal);
                if (dd >= 0) { dir = tag[(dd + 2)..]; tag = tag[..dd]; }
                if (tag.Length == 0) throw Error("Empty language tag.");
                if (dir is not (null or "ltr" or "rtl")) throw Error("A base direction is ltr or rtl.");
                return LiteralNode.LangString(lex, tag, dir);
            }
            if (_pos + 1 < text.Length && text[_pos] == '^' && text[_pos + 1] == '^')
            {
                _pos += 2;
                if (_pos >= text.Length || text[_pos] != '<') throw Error("Expected <datatype IRI> after ^^.");
                return LiteralNode.Typed(lex, ParseIri());
            }
            return new LiteralNode(lex);
        }

        private void AppendUnicodeEscape(StringBuilder sb)
        {
            if (_pos >= text.Length || text[_pos] is not ('u' or 'U')) throw Error("Expected \\u or \\U escape.");
            var n = text[_pos] == 'u' ? 4 : 8;
            _pos++;
            if (_pos + n > text.Length || !int.TryParse(text.AsSpan(_pos, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp) || !Rune.IsValid(cp))
                throw Error("Invalid \\" + (n == 4 ? "u" : "U") + " escape.");
            sb.Append(char.ConvertFromUtf32(cp));
            _pos += n;
        }
    }
}
