using System.Runtime.CompilerServices;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>Prefixed names, bare words (a, true, false, PREFIX, BASE, VERSION, GRAPH) and directives.</summary>
internal sealed partial class TurtleParser
{
    private bool IsNameStart(int c) =>
        c == ':' || (c >= 0 && (CharClasses.IsPnCharsBase(c) || (char.IsHighSurrogate((char)c) && IsSupplementaryNameChar(0))));

    private bool IsSupplementaryNameChar(int k)
    {
        var h = PeekAt(k);
        var l = PeekAt(k + 1);
        return h >= 0 && l >= 0 && char.IsHighSurrogate((char)h) && char.IsLowSurrogate((char)l)
            && CharClasses.IsPnCharsBaseSupplementary(char.ConvertToUtf32((char)h, (char)l));
    }

    /// <summary>
    /// Reads a prefixed name and returns its IRI; or, when no ':' follows the first word, returns null and the word
    /// (a keyword such as 'a' or 'PREFIX', for the caller to judge).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IriNode? ReadName(out string? word)
    {
        TokenStart = AbsPos;
        var start = TokenStart;
        ScratchLen = 0;
        ScratchForIri();
        word = null;
        if (Peek() != ':')
        {
            AddNameChar();
            while (true)
            {
                var c = Peek();
                if (c == '.')
                {
                    var k = 1;
                    while (PeekAt(k) == '.') k++;
                    var n = PeekAt(k);
                    if (n >= 0 && (CharClasses.IsPnChars(n) || IsSupplementaryNameChar(k)))
                    {
                        for (var i = 0; i < k; i++) ScratchAdd('.');
                        Pos += k;
                        continue;
                    }
                    break;
                }
                if (c >= 0 && (CharClasses.IsPnChars(c) || IsSupplementaryNameChar(0))) { AddNameChar(); continue; }
                break;
            }
            if (Peek() != ':')
            {
                word = ScratchSpan.ToString();
                return null;
            }
        }
        if (!_prefixBySpan.TryGetValue(ScratchSpan, out var ns))
            throw ErrorAtAbs(start, $"undefined prefix '{ScratchSpan}:'");
        Pos++;
        ScratchLen = 0;
        ScratchAdd(ns);
        ReadLocalName();
        CheckIriLength(ScratchLen);
        return Terms.Iri(ScratchSpan);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNameChar()
    {
        var c = Peek();
        ScratchAdd((char)c);
        Pos++;
        if (char.IsHighSurrogate((char)c))
        {
            ScratchAdd((char)Peek());
            Pos++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLocalName()
    {
        var first = true;
        while (true)
        {
            var c = Peek();
            if (c < 0) return;
            if (c == ':' || (first ? CharClasses.IsPnCharsU(c) || c is >= '0' and <= '9' : CharClasses.IsPnChars(c)))
            {
                ScratchAdd((char)c);
                Pos++;
            }
            else if (c == '%')
            {
                var h1 = PeekAt(1);
                var h2 = PeekAt(2);
                if (HexValue(h1) < 0 || HexValue(h2) < 0) throw Error("expected two hex digits after '%' in a local name");
                ScratchAdd('%');
                ScratchAdd((char)h1);
                ScratchAdd((char)h2);
                Pos += 3;
            }
            else if (c == '\\')
            {
                var e = PeekAt(1);
                if (e < 0 || "_~.-!$&'()*+,;=/?#@%".IndexOf((char)e) < 0)
                    throw Error($"\\{(e < 0 ? "" : ((char)e).ToString())} is not an escape allowed in a local name");
                ScratchAdd((char)e);
                Pos += 2;
            }
            else if (c == '.' && !first)
            {
                var k = 1;
                while (PeekAt(k) == '.') k++;
                var n = PeekAt(k);
                if (n >= 0 && (CharClasses.IsPnChars(n) || n is ':' or '%' or '\\' || IsSupplementaryNameChar(k)))
                {
                    for (var i = 0; i < k; i++) ScratchAdd('.');
                    Pos += k;
                    continue;
                }
                return;
            }
            else if (IsSupplementaryNameChar(0))
            {
                ScratchAdd((char)c);
                ScratchAdd((char)PeekAt(1));
                Pos += 2;
            }
            else return;
            first = false;
        }
    }

    private void ParseAtDirective()
    {
        var start = AbsPos;
        Pos++;
        ScratchLen = 0;
        ScratchForIri();
        while (Peek() is var c && char.IsAsciiLetter((char)Math.Max(c, 0))) { ScratchAdd((char)c); Pos++; }
        var word = ScratchSpan.ToString();
        switch (word)
        {
            case "prefix": ParsePrefix(); break;
            case "base": ParseBase(); break;
            case "version": ParseVersion(); break;
            default: throw ErrorAtAbs(start, $"unknown directive '@{word}': expected @prefix, @base or @version");
        }
        SkipWs();
        if (Peek() != '.') throw Error($"expected '.' after the @{word} directive, found {Describe(Peek())}");
        Pos++;
    }

    private void ParseKeywordStatement(string word, long start)
    {
        if (_inGraphBlock) throw ErrorAtAbs(start, $"expected a triple, found '{word}'");
        if (word.Equals("PREFIX", StringComparison.OrdinalIgnoreCase)) ParsePrefix();
        else if (word.Equals("BASE", StringComparison.OrdinalIgnoreCase)) ParseBase();
        else if (word.Equals("VERSION", StringComparison.OrdinalIgnoreCase)) ParseVersion();
        else if (_trig && word.Equals("GRAPH", StringComparison.OrdinalIgnoreCase))
        {
            SkipWs();
            var c = Peek();
            INode name;
            if (c == '<' && PeekAt(1) != '<') name = ResolveIri(ReadIriRefText());
            else if (c == '_') name = Terms.Blank(ReadBlankNodeLabelText());
            else if (c == '[')
            {
                Pos++;
                SkipWs();
                if (Peek() != ']') throw Error($"expected ']' in a graph name, found {Describe(Peek())}");
                Pos++;
                name = Terms.FreshBlank();
            }
            else if (IsNameStart(c)) name = ReadName(out var w) ?? throw Error($"expected a graph name, found '{w}'");
            else throw Error($"expected a graph name after GRAPH, found {Describe(c)}");
            SkipWs();
            if (Peek() != '{') throw Error($"expected '{{' after the graph name, found {Describe(Peek())}");
            Pos++;
            _graph = name;
            _inGraphBlock = true;
        }
        else throw ErrorAtAbs(start, $"expected a subject or a directive, found '{word}'");
    }

    private void ParsePrefix()
    {
        SkipWs();
        var c = Peek();
        ScratchLen = 0;
        ScratchForIri();
        var start = AbsPos;
        if (c != ':')
        {
            if (!IsNameStart(c)) throw Error($"expected a prefix name ending in ':', found {Describe(c)}");
            AddNameChar();
            while (true)
            {
                c = Peek();
                if (c == '.')
                {
                    var k = 1;
                    while (PeekAt(k) == '.') k++;
                    if (PeekAt(k) >= 0 && (CharClasses.IsPnChars(PeekAt(k)) || IsSupplementaryNameChar(k)))
                    {
                        for (var i = 0; i < k; i++) ScratchAdd('.');
                        Pos += k;
                        continue;
                    }
                    break;
                }
                if (c >= 0 && (CharClasses.IsPnChars(c) || IsSupplementaryNameChar(0))) { AddNameChar(); continue; }
                break;
            }
            if (Peek() != ':') throw ErrorAtAbs(start, $"expected ':' after the prefix name, found {Describe(Peek())}");
        }
        var prefix = ScratchSpan.ToString();
        Pos++;
        SkipWs();
        if (Peek() != '<') throw Error($"expected the namespace IRI in <>, found {Describe(Peek())}");
        var ns = ResolveIri(ReadIriRefText()).Value;
        _prefixes[prefix] = ns;
        _sink.Prefix(prefix, ns);
    }

    private void ParseBase()
    {
        SkipWs();
        if (Peek() != '<') throw Error($"expected the base IRI in <>, found {Describe(Peek())}");
        _base = ResolveIri(ReadIriRefText()).Value;
        _sink.Base(_base);
    }

    private void ParseVersion()
    {
        SkipWs();
        var c = Peek();
        if (c != '"' && c != '\'') throw Error($"expected the version as a quoted string, found {Describe(c)}");
        if (PeekAt(1) == c && PeekAt(2) == c) throw Error("the version must be a single-quoted string, not a long string");
        _ = ReadStringText(allowLong: false);
    }
}
