using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Reads N-Triples from UTF-8 bytes straight into a <see cref="TurtleSink"/>, for the common shape of the syntax only:
/// ASCII IRIs without escapes, ASCII blank node labels, literals (any valid UTF-8, any string escape except a
/// surrogate \u), language tags without a direction. No term object is made per statement, only one per distinct IRI
/// or label, and literals go from the input bytes to their Turtle spelling without a string in between.
/// </summary>
/// <remarks>
/// On anything else — a rarer construct or an error — it gives up without a word (<see cref="Scan"/> returns false)
/// and the caller runs the full parser from the start: that parser stays the one authority on what is valid and on
/// every error message, and this scanner only has to accept a subset of what it accepts and spell it the same way.
/// </remarks>
internal sealed class SimpleNTriplesScanner
{
    private const int BlockSize = 1 << 22;
    // A statement longer than this (a huge literal) is left to the full parser.
    private const int MaxStatement = 1 << 24;

    // Bytes that end an IRI the scanner accepts: '>' and everything IRIREF forbids or the scanner leaves to the parser
    // (escapes, non-ASCII).
    private static readonly SearchValues<byte> s_iriStops = SearchValues.Create(IriStops());
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create("\"\\\n\r"u8);
    // Bytes whose spelling in a Turtle string is an escape (0xEF starts U+FFFE and U+FFFF, checked in full).
    private static readonly SearchValues<byte> s_spellStops = SearchValues.Create(SpellStops());

    private readonly TurtleSink _sink;
    private readonly Stream _input;
    private byte[] _buf = new byte[BlockSize];

    // Blank node labels ("_:label") and the sink's id for each.
    private readonly ByteTermTable _labels = new();
    private int[] _labelIds = new int[1 << 10];
    // Statements about one subject usually follow each other: its bytes and id.
    private byte[] _lastSubject = new byte[256];
    private int _lastSubjectLength = -1;
    private int _lastSubjectId;

    // What a datatype id means for spelling, by id: 0 not yet known.
    private byte[] _datatypeKind = new byte[1 << 10];
    private const byte OtherType = 1, StringType = 2, IntegerType = 3, DecimalType = 4, DoubleType = 5, BooleanType = 6, LangStringType = 7;

    private byte[] _value = new byte[1 << 12];
    private byte[] _spelled = new byte[1 << 12];

    public SimpleNTriplesScanner(Stream input, TurtleSink sink)
    {
        _input = input;
        _sink = sink;
    }

    private static byte[] IriStops()
    {
        var list = new List<byte>();
        for (var b = 0; b <= 0x20; b++) list.Add((byte)b);
        list.AddRange("<>\"{}|^`\\"u8.ToArray());
        for (var b = 0x80; b <= 0xFF; b++) list.Add((byte)b);
        return [.. list];
    }

    private static byte[] SpellStops()
    {
        var list = new List<byte>();
        for (var b = 0; b < 0x20; b++) list.Add((byte)b);
        list.AddRange([0x7F, (byte)'"', (byte)'\\', 0xEF]);
        return [.. list];
    }

    /// <summary>Reads the whole input into the sink; false when it needs the full parser (the sink is then half filled).</summary>
    public bool Scan()
    {
        var len = 0;
        var eof = false;
        while (true)
        {
            while (!eof && len < _buf.Length)
            {
                var n = _input.Read(_buf, len, _buf.Length - len);
                if (n == 0) eof = true;
                else len += n;
            }
            if (len == 0) return true;
            if (len >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) return false;
            // Whole lines only, so no token is cut at the end of the block.
            var end = eof ? len : _buf.AsSpan(0, len).LastIndexOf((byte)'\n') + 1;
            if (end == 0)
            {
                if (_buf.Length >= MaxStatement) return false;
                Array.Resize(ref _buf, _buf.Length * 2);
                continue;
            }
            if (!ScanLines(_buf.AsSpan(0, end))) return false;
            if (eof) return true;
            _buf.AsSpan(end, len - end).CopyTo(_buf);
            len -= end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ScanLines(ReadOnlySpan<byte> s)
    {
        var pos = 0;
        while (true)
        {
            pos = SkipSpaces(s, pos);
            if (pos >= s.Length) return true;
            var c = s[pos];
            if (c == '\n' || c == '\r')
            {
                pos++;
                continue;
            }
            if (c == '#')
            {
                if ((pos = SkipComment(s, pos)) < 0) return false;
                continue;
            }
            if ((pos = Statement(s, pos)) < 0) return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpaces(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t')) pos++;
        return pos;
    }

    private static int SkipComment(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && s[pos] != '\n' && s[pos] != '\r')
        {
            if (s[pos] >= 0x80) return -1;
            pos++;
        }
        return pos;
    }

    /// <summary>One statement at <paramref name="pos"/>; the position after its line's content, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Statement(ReadOnlySpan<byte> s, int pos)
    {
        int subject;
        if (s[pos] == '<')
        {
            var iri = IriAt(s, pos);
            if (iri.Length < 0) return -1;
            var text = s.Slice(pos + 1, iri.Length);
            if (text.Length == _lastSubjectLength && text.SequenceEqual(_lastSubject.AsSpan(0, _lastSubjectLength)))
            {
                subject = _lastSubjectId;
            }
            else
            {
                subject = _lastSubjectId = _sink.InternAsciiIri(text);
                if (_lastSubject.Length < text.Length) _lastSubject = new byte[text.Length * 2];
                text.CopyTo(_lastSubject);
                _lastSubjectLength = text.Length;
            }
            pos += iri.Length + 2;
        }
        else if (s[pos] == '_')
        {
            var n = LabelLength(s, pos);
            if (n < 0) return -1;
            subject = InternKey(s.Slice(pos, n), blank: true);
            pos += n;
        }
        else return -1;

        pos = SkipSpaces(s, pos);
        if (pos >= s.Length || s[pos] != '<') return -1;
        var p = IriAt(s, pos);
        if (p.Length < 0) return -1;
        var predicate = InternKey(s.Slice(pos + 1, p.Length), blank: false);
        pos += p.Length + 2;

        pos = SkipSpaces(s, pos);
        if (pos >= s.Length) return -1;
        int obj;
        var c = s[pos];
        if (c == '<')
        {
            var o = IriAt(s, pos);
            if (o.Length < 0) return -1;
            obj = InternKey(s.Slice(pos + 1, o.Length), blank: false);
            pos += o.Length + 2;
        }
        else if (c == '_')
        {
            var n = LabelLength(s, pos);
            if (n < 0) return -1;
            obj = InternKey(s.Slice(pos, n), blank: true);
            pos += n;
        }
        else if (c == '"')
        {
            pos = Literal(s, pos, out obj);
            if (pos < 0) return -1;
        }
        else return -1;

        pos = SkipSpaces(s, pos);
        if (pos >= s.Length || s[pos] != '.') return -1;
        pos = SkipSpaces(s, pos + 1);
        if (pos < s.Length)
        {
            c = s[pos];
            if (c == '#') pos = SkipComment(s, pos);
            else if (c != '\n' && c != '\r') return -1;
            if (pos < 0) return -1;
        }
        _sink.AddIds(subject, predicate, obj, -1);
        return pos;
    }

    private readonly record struct Token(int Length);

    /// <summary>The IRI at <paramref name="pos"/> ('&lt;'): its length without the brackets, or -1 when not for this scanner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Token IriAt(ReadOnlySpan<byte> s, int pos)
    {
        var rest = s[(pos + 1)..];
        var n = rest.IndexOfAny(s_iriStops);
        if (n <= 0 || rest[n] != '>' || !IsAbsolute(rest[..n])) return new Token(-1);
        return new Token(n);
    }

    private static bool IsAbsolute(ReadOnlySpan<byte> iri)
    {
        if (!char.IsAsciiLetter((char)iri[0])) return false;
        for (var i = 1; i < iri.Length; i++)
        {
            var c = (char)iri[i];
            if (c == ':') return true;
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return false;
        }
        return false;
    }

    /// <summary>The length of "_:label" at <paramref name="pos"/>, or -1 when it is not an ASCII label.</summary>
    private static int LabelLength(ReadOnlySpan<byte> s, int pos)
    {
        if (pos + 2 >= s.Length || s[pos + 1] != ':') return -1;
        var i = pos + 2;
        var c = s[i];
        if (!(char.IsAsciiLetterOrDigit((char)c) || c == '_')) return -1;
        i++;
        while (i < s.Length)
        {
            c = s[i];
            if (char.IsAsciiLetterOrDigit((char)c) || c == '_' || c == '-')
            {
                i++;
                continue;
            }
            if (c == '.')
            {
                // A '.' belongs to the label only when more label characters follow it.
                var k = i + 1;
                while (k < s.Length && s[k] == '.') k++;
                if (k < s.Length && s[k] >= 0x80) return -1;
                if (k < s.Length && (char.IsAsciiLetterOrDigit((char)s[k]) || s[k] == '_' || s[k] == '-'))
                {
                    i = k;
                    continue;
                }
                break;
            }
            // A non-ASCII character may continue the label: the full parser decides.
            if (c >= 0x80) return -1;
            break;
        }
        return i - pos;
    }

    // ------------------------------------------------------------------ literals

    /// <summary>The literal at <paramref name="pos"/> ('"'): its object reference, and the position after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Literal(ReadOnlySpan<byte> s, int pos, out int obj)
    {
        obj = 0;
        var start = pos + 1;
        var rest = s[start..];
        var n = rest.IndexOfAny(s_stringStops);
        if (n < 0) return -1;
        ReadOnlySpan<byte> value;
        if (rest[n] == '"')
        {
            value = rest[..n];
            if (!Utf8.IsValid(value)) return -1;
            pos = start + n + 1;
        }
        else
        {
            pos = UnescapedValue(s, start, out var valueLength);
            if (pos < 0) return -1;
            value = _value.AsSpan(0, valueLength);
        }

        pos = SkipSpaces(s, pos);
        var c = pos < s.Length ? s[pos] : (byte)0;
        if (c == '@')
        {
            var tagStart = pos + 1;
            pos = LanguageTagEnd(s, tagStart);
            if (pos < 0) return -1;
            var spelled = StartSpelling(value.Length * 6 + (pos - tagStart) + 3);
            var at = Quote(value, spelled);
            spelled[at++] = (byte)'@';
            for (var i = tagStart; i < pos; i++) spelled[at++] = (byte)char.ToLowerInvariant((char)s[i]);
            obj = ~_sink.AddSpelledLiteral(spelled[..at], -1);
            return pos;
        }
        if (c == '^')
        {
            if (pos + 1 >= s.Length || s[pos + 1] != '^') return -1;
            pos = SkipSpaces(s, pos + 2);
            if (pos >= s.Length || s[pos] != '<') return -1;
            var dt = IriAt(s, pos);
            if (dt.Length < 0) return -1;
            var datatype = InternKey(s.Slice(pos + 1, dt.Length), blank: false);
            var kind = DatatypeKind(datatype, s.Slice(pos + 1, dt.Length));
            pos += dt.Length + 2;
            switch (kind)
            {
                case LangStringType:
                    return -1;
                case StringType:
                    break;
                case IntegerType when IsInteger(value):
                case DecimalType when IsDecimal(value):
                case DoubleType when IsDouble(value):
                case BooleanType when value.SequenceEqual("true"u8) || value.SequenceEqual("false"u8):
                    obj = ~_sink.AddSpelledLiteral(value, -1);
                    return pos;
                default:
                {
                    var typed = StartSpelling(value.Length * 6 + 2);
                    obj = ~_sink.AddSpelledLiteral(typed[..Quote(value, typed)], datatype);
                    return pos;
                }
            }
        }
        var plain = StartSpelling(value.Length * 6 + 2);
        obj = ~_sink.AddSpelledLiteral(plain[..Quote(value, plain)], -1);
        return pos;
    }

    /// <summary>Decodes a string with escapes from <paramref name="start"/> into _value; the position after the closing quote, or -1.</summary>
    private int UnescapedValue(ReadOnlySpan<byte> s, int start, out int length)
    {
        length = 0;
        var pos = start;
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            var rest = s[pos..];
            var n = rest.IndexOfAny(s_stringStops);
            if (n < 0 || !Utf8.IsValid(rest[..n])) return -1;
            Append(ref length, rest[..n]);
            pos += n;
            var c = s[pos];
            if (c == '"') return pos + 1;
            if (c != '\\' || pos + 1 >= s.Length) return -1;
            var e = s[pos + 1];
            byte simple = e switch
            {
                (byte)'t' => (byte)'\t',
                (byte)'b' => (byte)'\b',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'f' => (byte)'\f',
                (byte)'"' => (byte)'"',
                (byte)'\'' => (byte)'\'',
                (byte)'\\' => (byte)'\\',
                _ => 0,
            };
            if (simple != 0)
            {
                Append(ref length, [simple]);
                pos += 2;
                continue;
            }
            var digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (digits == 0 || pos + 2 + digits > s.Length) return -1;
            var cp = 0u;
            for (var i = 0; i < digits; i++)
            {
                var h = HexValue(s[pos + 2 + i]);
                if (h < 0) return -1;
                cp = (cp << 4) | (uint)h;
            }
            // Surrogates and out-of-range code points are the full parser's to judge.
            if (!Rune.IsValid(cp)) return -1;
            var len = new Rune((int)cp).EncodeToUtf8(utf8);
            Append(ref length, utf8[..len]);
            pos += 2 + digits;
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private void Append(ref int length, ReadOnlySpan<byte> bytes)
    {
        if (_value.Length - length < bytes.Length) Array.Resize(ref _value, Math.Max(_value.Length * 2, length + bytes.Length));
        bytes.CopyTo(_value.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>The end of a language tag starting at <paramref name="pos"/> (after '@'), or -1 when not for this scanner.</summary>
    private static int LanguageTagEnd(ReadOnlySpan<byte> s, int pos)
    {
        var i = pos;
        while (i < s.Length && char.IsAsciiLetter((char)s[i])) i++;
        if (i == pos || i - pos > 8) return -1;
        while (i < s.Length && s[i] == '-')
        {
            // A direction ("--ltr") is left to the full parser.
            var from = i + 1;
            var k = from;
            while (k < s.Length && char.IsAsciiLetterOrDigit((char)s[k])) k++;
            if (k == from || k - from > 8) return -1;
            i = k;
        }
        return i;
    }

    private Span<byte> StartSpelling(int atLeast)
    {
        if (_spelled.Length < atLeast) _spelled = new byte[Math.Max(atLeast, _spelled.Length * 2)];
        return _spelled;
    }

    /// <summary>"value" with the canonical N-Triples escapes (as <see cref="Utf8Output.QuotedString"/> writes it) into <paramref name="dst"/>; its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Quote(ReadOnlySpan<byte> value, Span<byte> dst)
    {
        // dst holds 2 + 6 × value.Length bytes: the longest escape, \u0001, spells one byte in six.
        dst[0] = (byte)'"';
        var at = 1;
        while (true)
        {
            var n = value.IndexOfAny(s_spellStops);
            if (n < 0)
            {
                value.CopyTo(dst[at..]);
                at += value.Length;
                break;
            }
            value[..n].CopyTo(dst[at..]);
            at += n;
            var b = value[n];
            if (b == 0xEF)
            {
                if (n + 2 < value.Length && value[n + 1] == 0xBF && value[n + 2] is 0xBE or 0xBF)
                {
                    at += Ascii(NTriplesText.StringEscape(value[n + 2] == 0xBE ? '\uFFFE' : '\uFFFF'), dst[at..]);
                    value = value[(n + 3)..];
                }
                else
                {
                    dst[at++] = b;
                    value = value[(n + 1)..];
                }
                continue;
            }
            at += Ascii(NTriplesText.StringEscape((char)b), dst[at..]);
            value = value[(n + 1)..];
        }
        dst[at++] = (byte)'"';
        return at;
    }

    private static int Ascii(string s, Span<byte> dst)
    {
        for (var i = 0; i < s.Length; i++) dst[i] = (byte)s[i];
        return s.Length;
    }

    private byte DatatypeKind(int id, ReadOnlySpan<byte> iri)
    {
        if (_datatypeKind.Length <= id) Array.Resize(ref _datatypeKind, Math.Max(id + 1, _datatypeKind.Length * 2));
        ref var kind = ref _datatypeKind[id];
        if (kind != 0) return kind;
        kind = iri.SequenceEqual("http://www.w3.org/2001/XMLSchema#string"u8) ? StringType
            : iri.SequenceEqual("http://www.w3.org/2001/XMLSchema#integer"u8) ? IntegerType
            : iri.SequenceEqual("http://www.w3.org/2001/XMLSchema#decimal"u8) ? DecimalType
            : iri.SequenceEqual("http://www.w3.org/2001/XMLSchema#double"u8) ? DoubleType
            : iri.SequenceEqual("http://www.w3.org/2001/XMLSchema#boolean"u8) ? BooleanType
            : iri.SequenceEqual("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"u8)
              || iri.SequenceEqual("http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"u8) ? LangStringType
            : OtherType;
        return kind;
    }

    // The lexical forms Turtle writes bare, on bytes (the same rules as TurtleLexical on strings).
    private static bool IsInteger(ReadOnlySpan<byte> s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (i >= s.Length) return false;
        for (; i < s.Length; i++) if (!char.IsAsciiDigit((char)s[i])) return false;
        return true;
    }

    private static bool IsDecimal(ReadOnlySpan<byte> s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        var dot = s[i..].IndexOf((byte)'.');
        if (dot < 0) return false;
        dot += i;
        if (dot == s.Length - 1) return false;
        for (var k = i; k < s.Length; k++) if (k != dot && !char.IsAsciiDigit((char)s[k])) return false;
        return true;
    }

    private static bool IsDouble(ReadOnlySpan<byte> s)
    {
        var e = s.IndexOfAny((byte)'e', (byte)'E');
        if (e <= 0 || e == s.Length - 1) return false;
        var mant = s[..e];
        if (!IsInteger(s[(e + 1)..])) return false;
        var i = mant.Length > 0 && (mant[0] == '+' || mant[0] == '-') ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var k = i; k < mant.Length; k++)
        {
            if (char.IsAsciiDigit((char)mant[k])) digits++;
            else if (mant[k] == '.') dots++;
            else return false;
        }
        return digits > 0 && dots <= 1;
    }

    // ------------------------------------------------------------------ terms

    /// <summary>The sink's id for an IRI's text (ASCII) or a "_:label".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int InternKey(ReadOnlySpan<byte> key, bool blank) => blank ? InternLabel(key) : _sink.InternAsciiIri(key);

    private int InternLabel(ReadOnlySpan<byte> key)
    {
        var entry = _labels.Intern(key, out var added);
        if (added)
        {
            if (_labelIds.Length == entry) Array.Resize(ref _labelIds, entry * 2);
            _labelIds[entry] = _sink.InternTerm(new BlankNode(PreservedLabel(Encoding.Latin1.GetString(key[2..]))));
        }
        return _labelIds[entry];
    }

    // As the full parser keeps labels (TermFactory): "genid…" labels get "genid_" in front.
    private static string PreservedLabel(string label) => label.StartsWith("genid", StringComparison.Ordinal) ? "genid_" + label : label;
}
