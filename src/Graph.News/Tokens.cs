namespace Graph.News;

/// <summary>A word or number of the normalised text, with the candidate forms left after stripping proclitics.</summary>
public sealed class Token
{
    public required int Index { get; init; }
    /// <summary>Start in the normalised text.</summary>
    public required int Start { get; init; }
    /// <summary>End (exclusive) in the normalised text.</summary>
    public required int End { get; init; }
    public required string Text { get; init; }
    public required bool IsNumber { get; init; }
    public required int Sentence { get; init; }
    /// <summary>The separator characters between the previous token and this one.</summary>
    public required string GapBefore { get; init; }

    /// <summary>The token itself first, then the forms left after stripping و ف، ب ك ل، س and ال (longest strip last).</summary>
    /// <remarks>An array, not an interface: hot loops enumerate it for every token and cue list without allocating.</remarks>
    public (string Form, int Prefix)[] Forms { get; internal set; } = [];

    /// <summary>Which cue lists have been tested on this word (bits numbered by <see cref="Cues"/>), and their answers; shared by all tokens of the same text on one thread.</summary>
    internal CueBits Cue { get; init; } = null!;

    public int Value => IsNumber && Text.Length <= 9 ? int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) : -1;

    /// <summary>True when the gap before this token holds a clause or sentence separator.</summary>
    public bool HardGapBefore
    {
        get
        {
            foreach (var c in GapBefore)
                if (c is '،' or ',' or '؛' or ';' or ':' or '.' or '!' or '?' or '؟' or '\n' or '\r') return true;
            return false;
        }
    }

    public bool CommaBefore => GapBefore.IndexOfAny(['،', ',', '؛', ';', ':']) >= 0;

    public override string ToString() => Text;
}

/// <summary>Cached answers of stem tests for one word: a word's forms depend only on its text.</summary>
internal sealed class CueBits
{
    public ulong Known, Hit;

    // One cache per thread, so articles converted in parallel never contend; bounded so memory stays flat.
    [ThreadStatic] private static Dictionary<string, CueBits>? t_byText;

    public static CueBits For(string text)
    {
        var cache = t_byText ??= new Dictionary<string, CueBits>(StringComparer.Ordinal);
        if (cache.TryGetValue(text, out var bits)) return bits;
        if (cache.Count >= 100_000) cache.Clear();
        cache[text] = bits = new CueBits();
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
        var tokens = new List<Token>();
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
            var word = text[start..i];
            if (sentenceStart < 0) sentenceStart = start;
            var t = new Token
            {
                Index = tokens.Count, Start = start, End = i, Text = word, IsNumber = isDigit,
                Cue = CueBits.For(word), Sentence = sentence, GapBefore = start - lastEnd == 1 && text[lastEnd] == ' ' ? " " : text[lastEnd..start],
            };
            t.Forms = isDigit ? [(word, 0)] : Clitics.Forms(word);
            tokens.Add(t);
            lastEnd = i;
        }
        if (tokens.Count > sentenceFirst)
            sentences.Add(new Sentence(sentence, sentenceFirst, tokens.Count, sentenceStart, tokens[^1].End));
        return (tokens, sentences);
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
            // ل + ال is written لل: «للأمم» is ل + «الأمم».
            if (prep == 'ل' && w.Length > p + 3 && w[p + 1] == 'ل')
                list.Add(("ا" + w[(p + 1)..], p + 1));
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
