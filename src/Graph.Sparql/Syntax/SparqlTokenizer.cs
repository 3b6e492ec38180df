using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Syntax;

/// <summary>
/// The SPARQL 1.1 lexer (§19.8 terminals). Shared by the query parser and, later, SPARQL Update.
/// Signs are separate tokens: the parsers join a sign with an adjacent number where the grammar needs it.
/// </summary>
public sealed class SparqlTokenizer
{
    private readonly string _text;
    private readonly string? _source;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private readonly List<Token> _tokens = [];
    private int _index;

    public SparqlTokenizer(string text, string? source)
    {
        _text = text;
        _source = source;
        // The whole query is tokenized up front: queries are small, and lookahead becomes trivial.
        while (true)
        {
            var t = Next();
            _tokens.Add(t);
            if (t.Kind == TokenKind.End) break;
        }
    }

    public string? Source => _source;

    /// <summary>The query text (SERVICE sends parts of it to the endpoint as written).</summary>
    public string Text => _text;

    public Token Peek(int ahead = 0) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    public Token Take() => _tokens[Math.Min(_index++, _tokens.Count - 1)];

    public int Position => _index;

    public void Reset(int position) => _index = position;

    /// <summary>True when two tokens touch (no white space between them).</summary>
    public static bool Adjacent(Token a, Token b) => a.End == b.Start;

    public RdfParseException Error(Token at, string message) => new(message, _source, at.Line, at.Column);

    internal RdfParseException IriTooLong(long line, long col) =>
        new($"IRI longer than the limit of {ParseContext.MaxIriLength} characters", _source, line, col);

    private RdfParseException ErrorHere(string message) => new(message, _source, _line, _pos - _lineStart + 1);

    private Token Next()
    {
        SkipSpace();
        var start = _pos;
        var line = _line;
        var col = _pos - _lineStart + 1;
        Token Make(TokenKind k, string text, string? prefix = null, string? local = null) => new(k, text, line, col, start, _pos, prefix, local);
        if (_pos >= _text.Length) return Make(TokenKind.End, "");
        var c = _text[_pos];
        switch (c)
        {
            case '<':
                if (TryIri(out var iri))
                {
                    if (iri.Length > ParseContext.MaxIriLength) throw IriTooLong(line, col);
                    return Make(TokenKind.Iri, iri);
                }
                _pos++;
                if (Peek('=')) { _pos++; return Make(TokenKind.Punct, "<="); }
                return Make(TokenKind.Punct, "<");
            case '>':
                _pos++;
                if (Peek('=')) { _pos++; return Make(TokenKind.Punct, ">="); }
                return Make(TokenKind.Punct, ">");
            case '!':
                _pos++;
                if (Peek('=')) { _pos++; return Make(TokenKind.Punct, "!="); }
                return Make(TokenKind.Punct, "!");
            case '&':
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '&') { _pos += 2; return Make(TokenKind.Punct, "&&"); }
                throw ErrorHere("unexpected '&' (did you mean '&&'?)");
            case '|':
                _pos++;
                if (Peek('|')) { _pos++; return Make(TokenKind.Punct, "||"); }
                return Make(TokenKind.Punct, "|");
            case '^':
                _pos++;
                if (Peek('^')) { _pos++; return Make(TokenKind.Punct, "^^"); }
                return Make(TokenKind.Punct, "^");
            case '{': case '}': case '(': case ')': case '[': case ']': case ',': case ';': case '*': case '/': case '=': case '+': case '-':
                _pos++;
                return Make(TokenKind.Punct, c.ToString());
            case '.':
                if (_pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])) return Number(Make);
                _pos++;
                return Make(TokenKind.Punct, ".");
            case '?':
            case '$':
                if (_pos + 1 < _text.Length && IsVarStart(_text, _pos + 1))
                {
                    _pos++;
                    var sb = new StringBuilder();
                    while (_pos < _text.Length && IsVarChar(_text, _pos)) AppendCodePoint(sb);
                    return Make(TokenKind.Var, sb.ToString());
                }
                if (c == '?') { _pos++; return Make(TokenKind.Punct, "?"); }
                throw ErrorHere("'$' must start a variable name");
            case '"':
            case '\'':
            {
                var text = StringLiteral(c);
                if (text.Length > ParseContext.MaxLiteralLength)
                    throw new RdfParseException($"literal longer than the limit of {ParseContext.MaxLiteralLength} characters", _source, line, col);
                return Make(TokenKind.String, text);
            }
            case '@':
            {
                _pos++;
                var s = _pos;
                while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos])) _pos++;
                if (_pos == s) throw ErrorHere("a language tag must follow '@'");
                while (_pos + 1 < _text.Length && _text[_pos] == '-' && char.IsAsciiLetterOrDigit(_text[_pos + 1]))
                {
                    _pos++;
                    while (_pos < _text.Length && char.IsAsciiLetterOrDigit(_text[_pos])) _pos++;
                }
                return Make(TokenKind.LangTag, _text[s.._pos]);
            }
            case '_':
                if (_pos + 1 < _text.Length && _text[_pos + 1] == ':')
                {
                    _pos += 2;
                    if (_pos >= _text.Length || !(IsPnCharsU(_text, _pos) || char.IsAsciiDigit(_text[_pos])))
                        throw ErrorHere("a blank node label must follow '_:'");
                    var sb = new StringBuilder();
                    AppendCodePoint(sb);
                    while (_pos < _text.Length && (IsPnChars(_text, _pos) || (_text[_pos] == '.' && NameContinuesAfterDot())))
                        AppendCodePoint(sb);
                    return Make(TokenKind.BlankNode, sb.ToString());
                }
                break;
        }
        if (char.IsAsciiDigit(c)) return Number(Make);
        if (c == ':' || IsPnCharsBase(_text, _pos)) return NameOrPrefixed(Make);
        throw ErrorHere($"unexpected character '{char.ConvertFromUtf32(char.ConvertToUtf32(_text, _pos))}'");
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private void SkipSpace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (c is ' ' or '\t' or '\r') _pos++;
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
            }
            else break;
        }
    }

    private bool TryIri(out string iri)
    {
        var i = _pos + 1;
        var sb = new StringBuilder();
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '>')
            {
                _pos = i + 1;
                iri = sb.ToString();
                return true;
            }
            if (c == '\\')
            {
                if (i + 1 < _text.Length && (_text[i + 1] == 'u' || _text[i + 1] == 'U'))
                {
                    var len = _text[i + 1] == 'u' ? 4 : 8;
                    if (i + 2 + len > _text.Length || !int.TryParse(_text.AsSpan(i + 2, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) || !IsScalarValue(cp))
                        break;
                    sb.Append(char.ConvertFromUtf32(cp));
                    i += 2 + len;
                    continue;
                }
                break;
            }
            if (c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`') break;
            sb.Append(c);
            i++;
        }
        iri = "";
        return false;
    }

    // Eight hex digits parse as a negative int from 80000000 up, so the sign is checked too.
    private static bool IsScalarValue(int cp) => cp is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    private Token Number(Func<TokenKind, string, string?, string?, Token> make)
    {
        var s = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        var kind = TokenKind.Integer;
        if (_pos < _text.Length && _text[_pos] == '.' && (_pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]) || IsExponentAt(_pos + 1)))
        {
            _pos++;
            kind = TokenKind.Decimal;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (IsExponentAt(_pos))
        {
            kind = TokenKind.Double;
            _pos++;
            if (_text[_pos] is '+' or '-') _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        return make(kind, _text[s.._pos], null, null);
    }

    private bool IsExponentAt(int i)
    {
        if (i >= _text.Length || (_text[i] != 'e' && _text[i] != 'E')) return false;
        i++;
        if (i < _text.Length && _text[i] is '+' or '-') i++;
        return i < _text.Length && char.IsAsciiDigit(_text[i]);
    }

    private string StringLiteral(char quote)
    {
        var longForm = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += longForm ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw ErrorHere("unterminated string");
            var c = _text[_pos];
            if (longForm)
            {
                if (c == quote && _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)
                {
                    // A long string may end with up to two extra quotes: """a"""" is 'a"'.
                    var end = _pos + 3;
                    var extra = 0;
                    while (end + extra < _text.Length && _text[end + extra] == quote && extra < 2) extra++;
                    sb.Append(quote, extra);
                    _pos = end + extra;
                    return sb.ToString();
                }
            }
            else
            {
                if (c == quote) { _pos++; return sb.ToString(); }
                if (c is '\n' or '\r') throw ErrorHere("line break in a short string (use a \"\"\" long string or \\n)");
            }
            if (c == '\\')
            {
                _pos++;
                if (_pos >= _text.Length) throw ErrorHere("unterminated string");
                var e = _text[_pos];
                switch (e)
                {
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case '\\': sb.Append('\\'); break;
                    case 'u':
                    case 'U':
                        var len = e == 'u' ? 4 : 8;
                        if (_pos + 1 + len > _text.Length || !int.TryParse(_text.AsSpan(_pos + 1, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) || !IsScalarValue(cp))
                            throw ErrorHere("bad \\" + e + " escape");
                        sb.Append(char.ConvertFromUtf32(cp));
                        _pos += len;
                        break;
                    default: throw ErrorHere($"unknown escape '\\{e}' in string");
                }
                _pos++;
                continue;
            }
            if (c == '\n') { _line++; _lineStart = _pos + 1; }
            sb.Append(c);
            _pos++;
        }
    }

    private Token NameOrPrefixed(Func<TokenKind, string, string?, string?, Token> make)
    {
        var s = _pos;
        var prefix = new StringBuilder();
        if (_text[_pos] != ':')
        {
            AppendCodePoint(prefix);
            while (_pos < _text.Length && (IsPnChars(_text, _pos) || (_text[_pos] == '.' && NameContinuesAfterDot())))
                AppendCodePoint(prefix);
        }
        if (_pos >= _text.Length || _text[_pos] != ':')
        {
            var word = _text[s.._pos];
            if (word.Contains('.')) throw ErrorHere("a name cannot contain '.'");
            return make(TokenKind.Name, word, null, null);
        }
        _pos++; // ':'
        var local = new StringBuilder();
        if (_pos < _text.Length && (IsPnCharsU(_text, _pos) || _text[_pos] == ':' || char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '%' or '\\'))
        {
            LocalPart(local);
            while (_pos < _text.Length && (IsPnChars(_text, _pos) || _text[_pos] is ':' or '%' or '\\' || (_text[_pos] == '.' && NameContinuesAfterDot())))
                LocalPart(local);
        }
        var p = prefix.ToString();
        var l = local.ToString();
        return make(TokenKind.PrefixedName, p + ":" + l, p, l);
    }

    private void LocalPart(StringBuilder sb)
    {
        var c = _text[_pos];
        if (c == '%')
        {
            if (_pos + 2 >= _text.Length || !char.IsAsciiHexDigit(_text[_pos + 1]) || !char.IsAsciiHexDigit(_text[_pos + 2]))
                throw ErrorHere("'%' in a local name must be followed by two hex digits");
            sb.Append(_text, _pos, 3);
            _pos += 3;
        }
        else if (c == '\\')
        {
            if (_pos + 1 >= _text.Length || "_~.-!$&'()*+,;=/?#@%".IndexOf(_text[_pos + 1]) < 0)
                throw ErrorHere("bad escape in a local name");
            sb.Append(_text[_pos + 1]);
            _pos += 2;
        }
        else AppendCodePoint(sb);
    }

    /// <summary>A '.' belongs to a name only when more name characters follow it.</summary>
    private bool NameContinuesAfterDot()
    {
        var i = _pos;
        while (i < _text.Length && _text[i] == '.') i++;
        return i < _text.Length && (IsPnChars(_text, i) || _text[i] is ':' or '%' or '\\');
    }

    private void AppendCodePoint(StringBuilder sb)
    {
        if (char.IsHighSurrogate(_text[_pos]) && _pos + 1 < _text.Length)
        {
            sb.Append(_text, _pos, 2);
            _pos += 2;
        }
        else sb.Append(_text[_pos++]);
    }

    private static bool IsPnCharsBase(string s, int i)
    {
        var c = s[i];
        if (char.IsAsciiLetter(c)) return true;
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]); // #x10000-#xEFFFF
        return c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF || c >= 0x370 && c <= 0x37D
            || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF
            || c >= 0x3001 && c <= 0xD7FF || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD;
    }

    private static bool IsPnCharsU(string s, int i) => s[i] == '_' || IsPnCharsBase(s, i);

    private static bool IsPnChars(string s, int i)
    {
        var c = s[i];
        return IsPnCharsU(s, i) || c == '-' || char.IsAsciiDigit(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040;
    }

    private static bool IsVarStart(string s, int i) => IsPnCharsU(s, i) || char.IsAsciiDigit(s[i]);

    private static bool IsVarChar(string s, int i)
    {
        var c = s[i];
        return IsPnCharsU(s, i) || char.IsAsciiDigit(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040;
    }
}
