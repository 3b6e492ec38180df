using System.Runtime.CompilerServices;
using System.Buffers;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>The terminals N-Triples, N-Quads, Turtle and TriG share: IRIREF, BLANK_NODE_LABEL, quoted strings, LANG_DIR.</summary>
internal abstract class TermLexer : TextInput
{
    // Characters that end the fast scan of an IRIREF: the closing '>', an escape, or anything IRIREF forbids.
    private static readonly SearchValues<char> s_iriStops = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " <>\"{}|^`\\");

    private static readonly SearchValues<char> s_dqStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> s_sqStops = SearchValues.Create("'\\\n\r");

    protected readonly TermFactory Terms;

    protected readonly int MaxLiteral;
    protected readonly int MaxIri;

    protected TermLexer(Stream stream, RdfReadOptions options) : base(stream, options.SourceName)
    {
        Terms = new TermFactory(options.PreserveBlankNodeLabels);
        (MaxLiteral, MaxIri) = Limits(options);
        ScratchCap = Math.Max(MaxLiteral, MaxIri);
    }

    protected TermLexer(TextReader reader, RdfReadOptions options) : base(reader, options.SourceName)
    {
        Terms = new TermFactory(options.PreserveBlankNodeLabels);
        (MaxLiteral, MaxIri) = Limits(options);
        ScratchCap = Math.Max(MaxLiteral, MaxIri);
    }

    private static (int, int) Limits(RdfReadOptions options)
    {
        if (options.MaxLiteralLength < 1 || options.MaxIriLength < 1)
            throw new ArgumentException("MaxLiteralLength and MaxIriLength must be positive", nameof(options));
        return (options.MaxLiteralLength, options.MaxIriLength);
    }

    protected long TokenStart;

    private bool _scratchHoldsIri;

    protected override RdfParseException ScratchTooLong() => _scratchHoldsIri ? IriTooLong() : LiteralTooLong();

    protected RdfParseException IriTooLong() =>
        ErrorAtAbs(TokenStart, $"IRI longer than the limit of {MaxIri} characters (RdfReadOptions.MaxIriLength)");

    protected RdfParseException LiteralTooLong() =>
        ErrorAtAbs(TokenStart, $"literal longer than the limit of {MaxLiteral} characters (RdfReadOptions.MaxLiteralLength)");

    /// <summary>Checks an IRI's final length (after prefix expansion or resolution), at its token's start.</summary>
    protected void CheckIriLength(int length)
    {
        if (length > MaxIri) throw IriTooLong();
    }

    /// <summary>Makes the scratch buffer refuse to grow past the limit for the token about to be read.</summary>
    protected void ScratchForIri()
    {
        _scratchHoldsIri = true;
        ScratchCap = MaxIri;
    }

    protected void ScratchForLiteral()
    {
        _scratchHoldsIri = false;
        ScratchCap = MaxLiteral;
    }

    /// <summary>Reads an IRIREF at Pos (which is '&lt;') and returns its unescaped text in a span valid until the next read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected ReadOnlySpan<char> ReadIriRefText()
    {
        TokenStart = AbsPos;
        Pos++;
        var span = Buf.AsSpan(Pos, Len - Pos);
        var idx = span.IndexOfAny(s_iriStops);
        if (idx >= 0 && span[idx] == '>')
        {
            if (idx > MaxIri) throw IriTooLong();
            Pos += idx + 1;
            return span[..idx];
        }
        ScratchLen = 0;
        ScratchForIri();
        while (true)
        {
            span = Buf.AsSpan(Pos, Len - Pos);
            idx = span.IndexOfAny(s_iriStops);
            if (idx < 0)
            {
                ScratchAdd(span);
                Pos = Len;
                if (Peek() == Eof) throw Error("unterminated IRI: expected '>'");
                continue;
            }
            ScratchAdd(span[..idx]);
            Pos += idx;
            var c = Buf[Pos];
            if (c == '>')
            {
                if (ScratchLen > MaxIri) throw IriTooLong();
                Pos++;
                return ScratchSpan;
            }
            if (c == '\\')
            {
                var k = PeekAt(1);
                if (k != 'u' && k != 'U') throw Error($"only \\u and \\U escapes are allowed in an IRI, found \\{(k < 0 ? "" : ((char)k).ToString())}");
                var cp = ReadUchar();
                if (cp <= 0x20 || cp is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                    throw Error($"the escape for U+{cp:X4} gives a character an IRI may not contain");
                ScratchAddCodePoint(cp);
                continue;
            }
            throw Error($"{Describe(c)} is not allowed in an IRI");
        }
    }

    /// <summary>Reads _:label at Pos and returns the label (without "_:") in a span valid until the next read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected ReadOnlySpan<char> ReadBlankNodeLabelText()
    {
        TokenStart = AbsPos;
        if (PeekAt(1) != ':') throw Error("expected ':' after '_' in a blank node label");
        Pos += 2;
        ScratchLen = 0;
        ScratchForIri();
        var c = Peek();
        if (c < 0 || !(CharClasses.IsPnCharsU(c) || (c >= '0' && c <= '9')))
        {
            if (char.IsHighSurrogate((char)c) && CharClasses.IsPnCharsBaseSupplementary(Peek2CodePoint())) { ScratchAdd((char)c); ScratchAdd((char)PeekAt(1)); Pos += 2; }
            else throw Error($"a blank node label cannot start with {Describe(c)}");
        }
        else { ScratchAdd((char)c); Pos++; }
        while (true)
        {
            c = Peek();
            if (c < 0) break;
            if (c == '.')
            {
                // A '.' belongs to the label only when more label characters follow it.
                var k = 1;
                while (PeekAt(k) == '.') k++;
                var n = PeekAt(k);
                if (n >= 0 && (CharClasses.IsPnChars(n) || (char.IsHighSurrogate((char)n) && char.IsLowSurrogate((char)PeekAt(k + 1)))))
                {
                    for (var i = 0; i < k; i++) ScratchAdd('.');
                    Pos += k;
                    continue;
                }
                break;
            }
            if (CharClasses.IsPnChars(c)) { ScratchAdd((char)c); Pos++; continue; }
            if (char.IsHighSurrogate((char)c) && char.IsLowSurrogate((char)PeekAt(1)) && CharClasses.IsPnCharsBaseSupplementary(Peek2CodePoint()))
            {
                ScratchAdd((char)c); ScratchAdd((char)PeekAt(1)); Pos += 2;
                continue;
            }
            break;
        }
        return ScratchSpan;
    }

    private int Peek2CodePoint()
    {
        var h = PeekAt(0);
        var l = PeekAt(1);
        if (h < 0 || l < 0 || !char.IsHighSurrogate((char)h) || !char.IsLowSurrogate((char)l)) return -1;
        return char.ConvertToUtf32((char)h, (char)l);
    }

    /// <summary>Reads a string at Pos ('"' or '\'', possibly tripled when <paramref name="allowLong"/>) and returns its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected ReadOnlySpan<char> ReadStringText(bool allowLong)
    {
        TokenStart = AbsPos;
        var q = (char)Buf[Pos];
        if (allowLong && PeekAt(1) == q && PeekAt(2) == q)
        {
            Pos += 3;
            return ReadLongStringText(q);
        }
        Pos++;
        var stops = q == '"' ? s_dqStops : s_sqStops;
        var span = Buf.AsSpan(Pos, Len - Pos);
        var idx = span.IndexOfAny(stops);
        if (idx >= 0 && span[idx] == q)
        {
            if (idx > MaxLiteral) throw LiteralTooLong();
            Pos += idx + 1;
            return span[..idx];
        }
        ScratchLen = 0;
        ScratchForLiteral();
        while (true)
        {
            span = Buf.AsSpan(Pos, Len - Pos);
            idx = span.IndexOfAny(stops);
            if (idx < 0)
            {
                ScratchAdd(span);
                Pos = Len;
                if (Peek() == Eof) throw Error($"unterminated string: expected {q}");
                continue;
            }
            ScratchAdd(span[..idx]);
            Pos += idx;
            var c = Buf[Pos];
            if (c == q)
            {
                if (ScratchLen > MaxLiteral) throw LiteralTooLong();
                Pos++;
                return ScratchSpan;
            }
            if (c == '\\') { ReadEscapeIntoScratch(); continue; }
            throw Error($"unterminated string: a line break before the closing {q}");
        }
    }

    private ReadOnlySpan<char> ReadLongStringText(char q)
    {
        ScratchLen = 0;
        ScratchForLiteral();
        while (true)
        {
            var c = Peek();
            if (c == Eof) throw Error($"unterminated long string: expected {q}{q}{q}");
            if (c == q)
            {
                if (PeekAt(1) == q && PeekAt(2) == q)
                {
                    if (ScratchLen > MaxLiteral) throw LiteralTooLong();
                    Pos += 3;
                    return ScratchSpan;
                }
                ScratchAdd(q);
                Pos++;
                continue;
            }
            if (c == '\\') { ReadEscapeIntoScratch(); continue; }
            if (c == '\n' || c == '\r') { ScratchAdd((char)c); NewLine((char)c, Pos); Pos++; continue; }
            ScratchAdd((char)c);
            Pos++;
        }
    }

    private void ReadEscapeIntoScratch()
    {
        var k = PeekAt(1);
        switch (k)
        {
            case 't': ScratchAdd('\t'); Pos += 2; return;
            case 'b': ScratchAdd('\b'); Pos += 2; return;
            case 'n': ScratchAdd('\n'); Pos += 2; return;
            case 'r': ScratchAdd('\r'); Pos += 2; return;
            case 'f': ScratchAdd('\f'); Pos += 2; return;
            case '"': ScratchAdd('"'); Pos += 2; return;
            case '\'': ScratchAdd('\''); Pos += 2; return;
            case '\\': ScratchAdd('\\'); Pos += 2; return;
            case 'u':
            case 'U': ScratchAddCodePoint(ReadUchar()); return;
            default: throw Error($"unknown escape \\{(k < 0 ? "" : ((char)k).ToString())} in a string");
        }
    }

    /// <summary>Reads LANG_DIR at Pos ('@'): returns the language tag and sets <paramref name="direction"/> for "--ltr"/"--rtl".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected string ReadLangDir(out string? direction)
    {
        Pos++;
        direction = null;
        ScratchLen = 0;
        ScratchForLiteral();
        var c = Peek();
        if (!char.IsAsciiLetter((char)Math.Max(c, 0))) throw Error($"a language tag must start with a letter, found {Describe(c)}");
        while (c >= 0 && char.IsAsciiLetter((char)c)) { ScratchAdd((char)c); Pos++; c = Peek(); }
        // BCP 47 subtags are at most 8 characters long.
        var subtagStart = 0;
        if (ScratchLen > 8) throw Error($"language subtag '{ScratchSpan}' is longer than 8 characters");
        while (c == '-')
        {
            if (PeekAt(1) == '-')
            {
                Pos += 2;
                var d = new System.Text.StringBuilder();
                c = Peek();
                while (c >= 0 && char.IsAsciiLetterOrDigit((char)c)) { d.Append((char)c); Pos++; c = Peek(); }
                direction = d.ToString();
                if (direction != "ltr" && direction != "rtl") throw Error($"base direction must be 'ltr' or 'rtl', found '{direction}'");
                break;
            }
            var n = PeekAt(1);
            if (n < 0 || !char.IsAsciiLetterOrDigit((char)n)) throw Error($"expected letters or digits after '-' in a language tag, found {Describe(n)}");
            ScratchAdd('-');
            Pos++;
            subtagStart = ScratchLen;
            c = Peek();
            while (c >= 0 && char.IsAsciiLetterOrDigit((char)c)) { ScratchAdd((char)c); Pos++; c = Peek(); }
            if (ScratchLen - subtagStart > 8) throw Error($"language subtag '{ScratchSpan[subtagStart..]}' is longer than 8 characters");
        }
        return LanguageTags.Intern(ScratchSpan);
    }
}

/// <summary>Language tags repeat: keep one string per spelling.</summary>
internal static class LanguageTags
{
    [ThreadStatic] private static Dictionary<string, string>? t_tags;

    public static string Intern(ReadOnlySpan<char> tag)
    {
        var d = t_tags ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = d.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(tag, out var s)) return s;
        s = tag.ToString();
        if (d.Count < 4096) d[s] = s;
        return s;
    }
}
