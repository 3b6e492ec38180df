namespace Graph.News;

/// <summary>A word or number of the normalised text, with the candidate forms left after stripping proclitics.</summary>
public sealed class Token
{
    public required int Index { get; init; }
    /// <summary>Start in the normalised text.</summary>
    public required int Start { get; init; }
    /// <summary>End (exclusive) in the normalised text.</summary>
    public required int End { get; init; }
    public required bool IsNumber { get; init; }
    public required int Sentence { get; init; }
    /// <summary>The separator characters between the previous token and this one.</summary>
    public required string GapBefore
    {
        get => _gapBefore;
        init
        {
            _gapBefore = value;
            // Rules ask about the gap again and again (every scan stops at a clause break): answered once here.
            foreach (var c in value)
            {
                if (c is '،' or ',' or '؛' or ';' or ':') CommaBefore = true;
                if (c is '،' or ',' or '؛' or ';' or ':' or '.' or '!' or '?' or '؟' or '\n' or '\r') HardGapBefore = true;
            }
        }
    }
    private readonly string _gapBefore = "";

    /// <summary>What depends only on the word's text (the text, its forms, cached answers of word tests); shared by all tokens of the same text on one thread.</summary>
    internal CueBits Cue { get; init; } = null!;

    // Text and forms live on the shared entry, not on each token: tokens are the largest allocation of extraction.
    public string Text => Cue.Text;

    /// <summary>The token itself first, then the forms left after stripping و ف، ب ك ل، س and ال (longest strip last).</summary>
    /// <remarks>An array, not an interface: hot loops enumerate it for every token and cue list without allocating.</remarks>
    public (string Form, int Prefix)[] Forms => Cue.Forms;

    public int Value => IsNumber ? Cue.Number : -1;

    /// <summary>True when the gap before this token holds a clause or sentence separator.</summary>
    public bool HardGapBefore { get; private init; }

    public bool CommaBefore { get; private init; }

    public override string ToString() => Text;
}

/// <summary>
/// What depends only on a word's text, kept per thread across articles: the text itself (so tokens of a known word
/// allocate no string), its proclitic forms, and cached answers of stem tests.
/// </summary>
internal sealed class CueBits
{
    // Answers of word tests by slot (WordTestSlots): the first half says which were asked, the second their answers.
    private readonly ulong[] _answers = new ulong[2 * WordTestSlots.Words];

    /// <summary>The cached answer of test <paramref name="slot"/> (≥ 0), if it was asked before.</summary>
    // Inlined: it is asked millions of times per corpus, and a call costs as much as the test.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int slot, out bool hit)
    {
        var a = _answers;
        var w = slot >> 6;
        var bit = 1UL << slot;
        hit = (a[WordTestSlots.Words + w] & bit) != 0;
        return (a[w] & bit) != 0;
    }

    public bool Remember(int slot, bool hit)
    {
        var a = _answers;
        var w = slot >> 6;
        var bit = 1UL << slot;
        if (hit) a[WordTestSlots.Words + w] |= bit;
        a[w] |= bit;
        return hit;
    }

    public string Text = "";
    public (string Form, int Prefix)[] Forms = [];
    /// <summary>The value of a number of at most nine digits, else -1.</summary>
    public int Number = -1;

    // One cache per thread, so articles converted in parallel never contend; bounded so memory stays flat.
    [ThreadStatic] private static Dictionary<string, CueBits>? t_byText;
    [ThreadStatic] private static Dictionary<string, CueBits>.AlternateLookup<ReadOnlySpan<char>> t_bySpan;

    public static CueBits For(string text) => For(text.AsSpan(), text);

    /// <summary>The entry of a word given as characters; <paramref name="text"/> is its string when the caller has one.</summary>
    public static CueBits For(ReadOnlySpan<char> word, string? text = null)
    {
        var cache = t_byText;
        if (cache is null)
        {
            t_byText = cache = new Dictionary<string, CueBits>(StringComparer.Ordinal);
            t_bySpan = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (t_bySpan.TryGetValue(word, out var bits)) return bits;
        if (cache.Count >= 100_000) cache.Clear();
        text ??= word.ToString();
        bits = new CueBits
        {
            Text = text,
            Forms = text.Length > 0 && text[0] is >= '0' and <= '9' ? [(text, 0)] : Clitics.Forms(text),
            Number = text.Length is > 0 and <= 9 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : -1,
        };
        cache[text] = bits;
        return bits;
    }
}

/// <summary>A sentence: a range of tokens and its range in the normalised text.</summary>
public readonly record struct Sentence(int Index, int FirstToken, int EndToken, int Start, int End);

/// <summary>Splits normalised text into tokens (runs of letters, runs of digits) and sentences.</summary>
public static class Tokenizer
{
    public static (List<Token> Tokens, List<Sentence> Sentences) Tokenize(string text)
    {
        // About one token per six characters of Arabic news: sized once instead of grown.
        var tokens = new List<Token>(text.Length / 5 + 16);
        var sentences = new List<Sentence>();
        var sentence = 0;
        var sentenceFirst = 0;
        var sentenceStart = -1;
        var lastEnd = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var isDigit = c is >= '0' and <= '9';
            var isLetter = !isDigit && NormalizedText.IsWordChar(c);
            if (!isDigit && !isLetter)
            {
                if (IsSentenceEnd(text, i) && tokens.Count > sentenceFirst)
                {
                    sentences.Add(new Sentence(sentence, sentenceFirst, tokens.Count, sentenceStart, tokens[^1].End));
                    sentence++;
                    sentenceFirst = tokens.Count;
                    sentenceStart = -1;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (isDigit ? text[i] is >= '0' and <= '9' : (NormalizedText.IsWordChar(text[i]) && text[i] is not (>= '0' and <= '9'))))
                i++;
            var entry = CueBits.For(text.AsSpan(start, i - start));
            if (sentenceStart < 0) sentenceStart = start;
            var t = new Token
            {
                Index = tokens.Count, Start = start, End = i, IsNumber = isDigit,
                Cue = entry, Sentence = sentence, GapBefore = start - lastEnd == 1 && text[lastEnd] == ' ' ? " " : Gap(text.AsSpan(lastEnd, start - lastEnd)),
            };
            tokens.Add(t);
            lastEnd = i;
        }
        if (tokens.Count > sentenceFirst)
            sentences.Add(new Sentence(sentence, sentenceFirst, tokens.Count, sentenceStart, tokens[^1].End));
        return (tokens, sentences);
    }

    // Separators repeat («، » «. » line breaks): one string each per thread, bounded like the word cache.
    [ThreadStatic] private static Dictionary<string, string>? t_gaps;
    [ThreadStatic] private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> t_gapsBySpan;

    private static string Gap(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 0) return "";
        var cache = t_gaps;
        if (cache is null)
        {
            t_gaps = cache = new Dictionary<string, string>(StringComparer.Ordinal);
            t_gapsBySpan = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (t_gapsBySpan.TryGetValue(gap, out var s)) return s;
        s = gap.ToString();
        if (gap.Length <= 8)
        {
            if (cache.Count >= 10_000) cache.Clear();
            cache[s] = s;
        }
        return s;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '!' or '?' or '؟') return true;
        if (c != '.') return false;
        // A dot between digits is a decimal point, not a sentence end.
        var prevDigit = i > 0 && text[i - 1] is >= '0' and <= '9';
        var nextDigit = i + 1 < text.Length && text[i + 1] is >= '0' and <= '9';
        return !(prevDigit && nextDigit);
    }
}

/// <summary>Candidate proclitic splits of an Arabic word; a caller accepts one only if the rest is a known word.</summary>
public static class Clitics
{
    public static (string Form, int Prefix)[] Forms(string w)
    {
        // Most words carry no proclitic candidate: one form, no list.
        if (w.Length <= 3 || w[0] is not ('و' or 'ف' or 'ب' or 'ك' or 'ل' or 'س')) return [(w, 0)];
        var list = new List<(string, int)>(4) { (w, 0) };
        var p = 0;
        if (w.Length > p + 3 && (w[p] == 'و' || w[p] == 'ف')) Add(list, w, ++p);
        var afterConj = p;
        if (w.Length > p + 3 && (w[p] == 'ب' || w[p] == 'ك' || w[p] == 'ل'))
        {
            var prep = w[p];
            Add(list, w, p + 1);
            // ل + ال is written لل: «للأمم» is ل + «الأمم»; before a word starting with ل the article's ل merges too:
            // «للجنة» is ل + «اللجنة».
            if (prep == 'ل' && w.Length > p + 3 && w[p + 1] == 'ل')
            {
                list.Add(("ا" + w[(p + 1)..], p + 1));
                list.Add(("ال" + w[(p + 1)..], p + 1));
            }
        }
        if (w.Length > afterConj + 3 && w[afterConj] == 'س' && (w[afterConj + 1] is 'ي' or 'ت' or 'ن' or 'ا'))
            Add(list, w, afterConj + 1);
        return [.. list];
    }

    private static void Add(List<(string, int)> list, string w, int prefix)
    {
        var form = w[prefix..];
        foreach (var (f, _) in list) if (f == form) return;
        list.Add((form, prefix));
    }
}
