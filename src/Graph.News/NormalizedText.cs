using System.Text;

namespace Graph.News;

/// <summary>
/// A matching key of an Arabic text that remembers, for every character of the key, which characters of the
/// original it came from, so evidence spans found on the key point at the exact original characters.
/// </summary>
/// <remarks>
/// Folds alef and hamza-seat forms to bare alef, alef maqsura to yeh, teh marbuta to heh, Persian yeh/keheh,
/// Eastern Arabic and Persian digits to ASCII, presentation forms through NFKC; drops harakat, tatweel,
/// superscript alef, bidi and zero-width marks; lower-cases Latin letters.
/// </remarks>
public sealed class NormalizedText
{
    // Where each key character came from: its original character, or both halves of a surrogate pair (the end
    // follows from the start, so it is not stored).
    private readonly int[] _origStart;
    private int[]? _codePoints;

    private NormalizedText(string original, string text, int[] origStart)
    {
        Original = original;
        Text = text;
        _origStart = origStart;
    }

    public string Original { get; }

    /// <summary>The matching key.</summary>
    public string Text { get; }

    public static NormalizedText Of(string original)
    {
        // The key is at most as long as the original except where NFKC expands a presentation form: the buffers grow then.
        var b = new Builder(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]))
            {
                b.Add(c, i);
                b.Add(original[i + 1], i);
                i++;
                continue;
            }
            if ((c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF'))
            {
                // Presentation forms and the lam-alef ligatures: NFKC gives the letters they stand for.
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormKC))
                    Emit(ref b, d, i);
                continue;
            }
            Emit(ref b, c, i);
        }
        var key = new string(b.Chars, 0, b.Length);
        System.Buffers.ArrayPool<char>.Shared.Return(b.Chars);
        return new NormalizedText(original, key, b.Starts);
    }

    private struct Builder(int capacity)
    {
        public char[] Chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));
        public int[] Starts = new int[capacity];
        public int Length;

        public void Add(char c, int start)
        {
            if (Length == Starts.Length)
            {
                var n = Math.Max(16, Length * 2);
                Array.Resize(ref Starts, n);
            }
            if (Length == Chars.Length)
            {
                var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(Chars.Length * 2);
                Chars.AsSpan(0, Length).CopyTo(bigger);
                System.Buffers.ArrayPool<char>.Shared.Return(Chars);
                Chars = bigger;
            }
            Chars[Length] = c;
            Starts[Length] = start;
            Length++;
        }
    }

    private static void Emit(ref Builder b, char c, int at)
    {
        var f = Fold(c);
        if (f == '\0') return;
        b.Add(f, at);
    }

    /// <summary>The folded character, or NUL when the character is dropped from the key.</summary>
    public static char Fold(char c)
    {
        switch (c)
        {
            case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673': return '\u0627';
            case '\u0649' or '\u06CC' or '\u06D2': return '\u064A';
            case '\u0629': return '\u0647';
            case '\u06A9': return '\u0643';
            case '\u0640': return '\0';
            case '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF': return '\0';
            case >= '\u202A' and <= '\u202E': return '\0';
            case >= '\u2066' and <= '\u2069': return '\0';
            case >= '\u064B' and <= '\u065F': return '\0';
            case '\u0670': return '\0';
            case >= '\u06D6' and <= '\u06ED': return '\0';
            case >= '\u0660' and <= '\u0669': return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9': return (char)('0' + (c - '\u06F0'));
            case '\u00A0': return ' ';
            case >= 'A' and <= 'Z': return (char)(c + 32);
            default: return c;
        }
    }

    /// <summary>The key of a phrase (what the gazetteer and lexicons store).</summary>
    public static string Key(string phrase)
    {
        var n = Of(phrase).Text;
        var sb = new StringBuilder(n.Length);
        var space = false;
        foreach (var c in n)
        {
            if (IsWordChar(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(c); space = false; }
            else space = true;
        }
        return sb.ToString();
    }

    public static bool IsArabicLetter(char c) => (c >= '\u0621' && c <= '\u064A') || (c >= '\u0671' && c <= '\u06D3');

    public static bool IsWordChar(char c) => IsArabicLetter(c) || char.IsLetter(c) || (c >= '0' && c <= '9');

    /// <summary>Original UTF-16 range [start, end) covered by key characters [from, to).</summary>
    public (int Start, int End) OriginalRange(int from, int to)
    {
        var start = _origStart[from];
        var last = _origStart[to - 1];
        var end = last + (char.IsHighSurrogate(Original[last]) && last + 1 < Original.Length && char.IsLowSurrogate(Original[last + 1]) ? 2 : 1);
        // Marks written after the last letter belong to it (e.g. the tanween of «نهائياً»).
        while (end < Original.Length && IsTrailingMark(Original[end])) end++;
        return (start, end);
    }

    private static bool IsTrailingMark(char c) => (c >= '\u064B' && c <= '\u065F') || c == '\u0670';

    /// <summary>Code-point index of a UTF-16 index of the original (offsets in RDF count code points).</summary>
    public int CodePointIndex(int utf16Index)
    {
        _codePoints ??= BuildCodePoints(Original);
        return _codePoints[utf16Index];
    }

    private static int[] BuildCodePoints(string s)
    {
        var map = new int[s.Length + 1];
        var cp = 0;
        for (var i = 0; i < s.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))) cp++;
            else { map[i + 1] = cp; i++; cp++; }
        }
        map[s.Length] = cp;
        return map;
    }

}
