using System.Text;
using Graph.Rdf;

namespace Graph.News;

/// <summary>
/// Reads the Turtle subset the gazetteer uses (prefixes, prefixed names, IRIs, literals with language or
/// datatype, `a`, `;` and `,`), so users can extend ontology/entities.ttl without recompiling.
/// </summary>
/// <remarks>Interim: to be replaced by the Graph.Formats Turtle reader once it is in main.</remarks>
public static class MiniTurtle
{
    public readonly record struct Term(string Value, bool IsIri, string? Language);

    public static List<(string S, string P, Term O)> Parse(string text, string source)
    {
        var p = new Parser(text, source);
        return p.Run();
    }

    private sealed class Parser(string text, string source)
    {
        private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
        private readonly List<(string, string, Term)> _out = [];
        private int _i;
        private int _line = 1;
        private int _lineStart;

        public List<(string, string, Term)> Run()
        {
            while (true)
            {
                Skip();
                if (_i >= text.Length) return _out;
                if (text[_i] == '@' || Peek("PREFIX") || Peek("prefix"))
                {
                    var sparql = text[_i] != '@';
                    _i += sparql ? 6 : 7;
                    Skip();
                    var colon = text.IndexOf(':', _i);
                    if (colon < 0) throw Error("expected a prefix name ending in ':'");
                    var name = text[_i..colon].Trim();
                    _i = colon + 1;
                    Skip();
                    _prefixes[name] = ReadIriRef();
                    Skip();
                    if (!sparql) Expect('.');
                    continue;
                }
                var s = ReadIri();
                while (true)
                {
                    Skip();
                    var pred = ReadPredicate();
                    while (true)
                    {
                        Skip();
                        var o = ReadObject();
                        _out.Add((s, pred, o));
                        Skip();
                        if (_i < text.Length && text[_i] == ',') { _i++; continue; }
                        break;
                    }
                    if (_i < text.Length && text[_i] == ';')
                    {
                        _i++;
                        Skip();
                        if (_i < text.Length && text[_i] == '.') break;
                        continue;
                    }
                    break;
                }
                Expect('.');
            }
        }

        private bool Peek(string word) => string.CompareOrdinal(text, _i, word, 0, word.Length) == 0;

        private string ReadPredicate()
        {
            if (_i < text.Length && text[_i] == 'a' && _i + 1 < text.Length && char.IsWhiteSpace(text[_i + 1]))
            {
                _i++;
                return Ns.Rdf + "type";
            }
            return ReadIri();
        }

        private Term ReadObject()
        {
            if (_i < text.Length && text[_i] == '"')
            {
                var value = ReadString();
                string? lang = null;
                if (_i < text.Length && text[_i] == '@')
                {
                    var st = ++_i;
                    while (_i < text.Length && (char.IsLetterOrDigit(text[_i]) || text[_i] == '-')) _i++;
                    lang = text[st.._i];
                }
                else if (_i + 1 < text.Length && text[_i] == '^' && text[_i + 1] == '^')
                {
                    _i += 2;
                    ReadIri();
                }
                return new Term(value, false, lang);
            }
            return new Term(ReadIri(), true, null);
        }

        private string ReadString()
        {
            _i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_i >= text.Length || text[_i] == '\n') throw Error("unterminated string");
                var c = text[_i++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (_i >= text.Length) throw Error("unterminated escape");
                var e = text[_i++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '\'': sb.Append('\''); break;
                    case 'u' or 'U':
                        var n = e == 'u' ? 4 : 8;
                        if (_i + n > text.Length) throw Error("short \\u escape");
                        sb.Append(char.ConvertFromUtf32(Convert.ToInt32(text.Substring(_i, n), 16)));
                        _i += n;
                        break;
                    default: throw Error($"unknown escape \\{e}");
                }
            }
        }

        private string ReadIri()
        {
            if (_i < text.Length && text[_i] == '<') return ReadIriRef();
            var st = _i;
            while (_i < text.Length && !char.IsWhiteSpace(text[_i]) && text[_i] is not (';' or ',')) _i++;
            // A final dot ends the statement, not the name.
            while (_i > st && text[_i - 1] == '.') _i--;
            var pname = text[st.._i];
            var colon = pname.IndexOf(':');
            if (colon < 0 || !_prefixes.TryGetValue(pname[..colon], out var ns))
                throw Error(pname.Length == 0 ? "expected an IRI" : $"undefined prefix in '{pname}'");
            return ns + pname[(colon + 1)..];
        }

        private string ReadIriRef()
        {
            if (text[_i] != '<') throw Error("expected '<'");
            var end = text.IndexOf('>', _i);
            if (end < 0) throw Error("unterminated IRI");
            var iri = text[(_i + 1)..end];
            _i = end + 1;
            return iri;
        }

        private void Expect(char c)
        {
            Skip();
            if (_i >= text.Length || text[_i] != c) throw Error($"expected '{c}'");
            _i++;
        }

        private void Skip()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                if (c == '\n') { _line++; _lineStart = _i + 1; _i++; }
                else if (char.IsWhiteSpace(c)) _i++;
                else if (c == '#') { while (_i < text.Length && text[_i] != '\n') _i++; }
                else break;
            }
        }

        private RdfParseException Error(string message) => new(message, source, _line, _i - _lineStart + 1);
    }
}
