using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Server.Formats;

/// <summary>
/// A small strict N-Triples / N-Quads reader, so the server can take data before the full readers of
/// Graph.Formats are wired in. Errors carry their line and column.
/// </summary>
internal sealed class NQuadsLineReader(string sourceName, bool allowGraph)
{
    private string _line = "";
    private int _pos;
    private long _lineNo;

    public void Read(TextReader reader, IRdfSink sink)
    {
        while (reader.ReadLine() is { } line)
        {
            _lineNo++;
            _line = line;
            _pos = 0;
            SkipSpace();
            if (_pos >= _line.Length || _line[_pos] == '#') continue;
            var s = Subject();
            SkipSpace();
            var p = IriTerm();
            SkipSpace();
            var o = ObjectTerm();
            SkipSpace();
            INode? g = null;
            if (allowGraph && _pos < _line.Length && _line[_pos] != '.')
            {
                g = _line[_pos] == '_' ? Blank() : IriTerm();
                SkipSpace();
            }
            Expect('.');
            SkipSpace();
            if (_pos < _line.Length && _line[_pos] != '#') throw Error("expected the end of the line after '.'");
            sink.Quad(new Quad(s, p, o, g));
        }
    }

    private INode Subject() => Peek() == '_' ? Blank() : Peek() == '<' && At("<<(") ? TripleTerm() : IriTerm();

    private INode ObjectTerm() => Peek() switch
    {
        '_' => Blank(),
        '"' => Literal(),
        '<' when At("<<(") => TripleTerm(),
        _ => IriTerm(),
    };

    /// <summary>Triple terms nest; deeper than this is refused rather than risking the stack.</summary>
    private const int MaxNesting = 64;
    private int _depth;

    private TripleNode TripleTerm()
    {
        if (++_depth > MaxNesting) throw Error($"triple terms nested more than {MaxNesting} deep");
        _pos += 3;
        SkipSpace();
        var s = Subject();
        SkipSpace();
        var p = IriTerm();
        SkipSpace();
        var o = ObjectTerm();
        SkipSpace();
        if (!At(")>>")) throw Error("expected ')>>' to close the triple term");
        _pos += 3;
        _depth--;
        return new TripleNode(new Triple(s, p, o));
    }

    private bool At(string s) => string.CompareOrdinal(_line, _pos, s, 0, s.Length) == 0;

    private char Peek() => _pos < _line.Length ? _line[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _line.Length && (_line[_pos] == ' ' || _line[_pos] == '\t')) _pos++;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private IriNode IriTerm()
    {
        if (Peek() != '<') throw Error("expected an IRI in <...>");
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _line.Length) throw Error("unterminated IRI");
            var c = _line[_pos++];
            if (c == '>') break;
            if (c == '\\') sb.Append(Unicode());
            else if (c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`') throw Error($"character U+{(int)c:X4} is not allowed in an IRI", -1);
            else sb.Append(c);
        }
        var iri = sb.ToString();
        if (!Iri.IsAbsolute(iri)) throw Error($"<{iri}> is not an absolute IRI");
        return new IriNode(iri);
    }

    private BlankNode Blank()
    {
        if (!At("_:")) throw Error("expected a blank node _:label");
        _pos += 2;
        var start = _pos;
        while (_pos < _line.Length && (char.IsLetterOrDigit(_line[_pos]) || _line[_pos] is '_' or '-' or '.' || char.IsSurrogate(_line[_pos]))) _pos++;
        while (_pos > start && _line[_pos - 1] == '.') _pos--;
        if (_pos == start) throw Error("empty blank node label");
        return new BlankNode(_line[start.._pos]);
    }

    private LiteralNode Literal()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _line.Length) throw Error("unterminated string");
            var c = _line[_pos++];
            if (c == '"') break;
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= _line.Length) throw Error("unterminated escape");
            var e = _line[_pos];
            switch (e)
            {
                case 't': sb.Append('\t'); _pos++; break;
                case 'b': sb.Append('\b'); _pos++; break;
                case 'n': sb.Append('\n'); _pos++; break;
                case 'r': sb.Append('\r'); _pos++; break;
                case 'f': sb.Append('\f'); _pos++; break;
                case '"': sb.Append('"'); _pos++; break;
                case '\'': sb.Append('\''); _pos++; break;
                case '\\': sb.Append('\\'); _pos++; break;
                default: sb.Append(Unicode()); break;
            }
        }
        var value = sb.ToString();
        if (Peek() == '@')
        {
            _pos++;
            var start = _pos;
            while (_pos < _line.Length && (char.IsAsciiLetterOrDigit(_line[_pos]) || _line[_pos] == '-')) _pos++;
            var tag = _line[start.._pos];
            if (tag.Length == 0 || !char.IsAsciiLetter(tag[0])) throw Error("expected a language tag after '@'");
            var dash = tag.IndexOf("--", StringComparison.Ordinal);
            return dash > 0 ? LiteralNode.LangString(value, tag[..dash], tag[(dash + 2)..] is "ltr" or "rtl" ? tag[(dash + 2)..] : throw Error("a base direction is ltr or rtl"))
                            : LiteralNode.LangString(value, tag);
        }
        if (At("^^"))
        {
            _pos += 2;
            var dt = IriTerm();
            if (dt.Value is Vocab.Rdf.LangString or Vocab.Rdf.DirLangString) throw Error("rdf:langString needs a language tag");
            return LiteralNode.Typed(value, dt);
        }
        return new LiteralNode(value);
    }

    /// <summary>Reads \uXXXX or \UXXXXXXXX; the backslash is already consumed.</summary>
    private string Unicode()
    {
        var kind = Peek();
        var n = kind == 'u' ? 4 : kind == 'U' ? 8 : throw Error("expected \\u or \\U");
        _pos++;
        if (_pos + n > _line.Length || !int.TryParse(_line.AsSpan(_pos, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp))
            throw Error($"expected {n} hex digits");
        if (cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF) throw Error($"U+{cp:X} is not a character");
        _pos += n;
        return char.ConvertFromUtf32(cp);
    }

    private RdfParseException Error(string message, int back = 0) =>
        new(message, sourceName, _lineNo, _pos + 1 + back);
}
