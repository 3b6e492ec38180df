namespace Graph.News;

public enum Process { Unknown, Astana, Other }

public enum RoundReference { Number, Next, Previous, New, Anaphor }

/// <summary>A phrase naming a round of talks: «الجولة الـ19»، «الاجتماع الدولي التاسع عشر»، «أستانا 13»، «الاجتماع المقبل».</summary>
public sealed class RoundMention
{
    public required int First { get; init; }
    public required int Last { get; set; }
    public required int Sentence { get; init; }
    public required RoundReference Reference { get; init; }
    public int Number { get; set; }
    /// <summary>The head noun is «جلسة» (a session), weaker evidence of a round.</summary>
    public bool SessionHead { get; init; }
    public Process Process { get; set; }

    public override string ToString() => $"{Reference} {Number} [{First}-{Last}] {Process}";
}

/// <summary>Recognises round mentions in a token range.</summary>
public static class RoundRecognizer
{
    internal static readonly HashSet<string> Heads = ArabicLexicon.Set(
        "الجولة", "جولة", "جولتها", "جولته", "الاجتماع", "اجتماع", "اجتماعها", "اللقاء", "لقاء", "النسخة", "نسخة", "الدورة");
    internal static readonly HashSet<string> SessionHeads = ArabicLexicon.Set("الجلسة", "جلسة");
    private static readonly HashSet<string> Proceedings = ArabicLexicon.Set("الأعمال", "المحادثات", "المباحثات", "المفاوضات", "الاجتماعات");
    private static readonly HashSet<string> PluralHeads = ArabicLexicon.Set("جولات", "جلسات", "اجتماعات", "لقاءات");
    private static readonly HashSet<string> FirstPre = ArabicLexicon.Set("أولى", "أول");
    private static readonly HashSet<string> Adjectives = ArabicLexicon.Set("الدولي", "الدولية", "الرسمي", "الرسمية", "الجديدة", "الجديد", "رقم", "رفيع", "رفيعة", "المستوى");
    private static readonly HashSet<string> NextWords = ArabicLexicon.Set("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية");
    private static readonly HashSet<string> PrevWords = ArabicLexicon.Set("السابق", "السابقة", "الماضي", "الماضية", "الفائتة", "الفائت");
    private static readonly HashSet<string> NewWords = ArabicLexicon.Set("جديدة", "جديد");
    private static readonly HashSet<string> Al = ArabicLexicon.Set("ال");
    private static readonly HashSet<string> Huwa = ArabicLexicon.Set("وهو", "وهي", "هو", "هي");
    private static readonly HashSet<string> AstanaWords = ArabicLexicon.Set("أستانا", "أستانة", "آستانا", "آستانة");
    /// <summary>Words after a meeting noun that make it some other kind of meeting («الاجتماع الرباعي»).</summary>
    private static readonly HashSet<string> OtherMeeting = ArabicLexicon.Set(
        "الرباعي", "الرباعية", "رباعية", "رباعي", "الثلاثي", "الثلاثية", "الوزاري", "الوزارية", "التقني", "تقني", "التشاوري", "العامة", "الختامية", "الافتتاحية", "الأخير", "الأخيرة", "الأولى", "لوزراء", "وزراء", "الخبراء");

    /// <summary>Every word a round mention can start with (the first-token tests of <see cref="At"/>): one cached test rejects most tokens.</summary>
    private static readonly WordSet StartWords = new(new[] { AstanaWords, FirstPre, Proceedings, SessionHeads, Heads, Huwa }.SelectMany(set => set));

    public static List<RoundMention> Find(IReadOnlyList<Token> t, Sentence s, ISet<int> dateTokens) =>
        Find(t, s, dateTokens, skipNonStartWords: true);

    /// <summary>Without <paramref name="skipNonStartWords"/> every token is tried: the tests check that the filter changes nothing.</summary>
    internal static List<RoundMention> Find(IReadOnlyList<Token> t, Sentence s, ISet<int> dateTokens, bool skipNonStartWords)
    {
        var list = new List<RoundMention>();
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (skipNonStartWords && !ArabicLexicon.Is(t[i], StartWords)) continue;
            var m = At(t, i, s, dateTokens);
            if (m is null) continue;
            list.Add(m);
            i = m.Last;
        }
        return list;
    }

    private static RoundMention? At(IReadOnlyList<Token> t, int i, Sentence s, ISet<int> dateTokens)
    {
        var to = s.EndToken;
        var tok = t[i];
        if (dateTokens.Contains(i)) return null;
        // «أستانا 13»، «أستانا-14»: the city name followed by a small number that is not a day of a date.
        if (ArabicLexicon.Is(tok, AstanaWords) && i + 1 < to && t[i + 1].IsNumber && !dateTokens.Contains(i + 1)
            && t[i + 1].Value is >= 1 and <= 40 && !t[i + 1].HardGapBefore)
            return new RoundMention { First = i, Last = i + 1, Sentence = s.Index, Reference = RoundReference.Number, Number = t[i + 1].Value, Process = Process.Astana };
        // «أولى جولات المحادثات»
        if (ArabicLexicon.Is(tok, FirstPre) && i + 1 < to && ArabicLexicon.Is(t[i + 1], PluralHeads) && !t[i + 1].HardGapBefore)
            return new RoundMention { First = i, Last = i + 1, Sentence = s.Index, Reference = RoundReference.Number, Number = 1 };
        // «على أن تختتم الأعمال غداً»: the proceedings of the meeting the article reports on.
        if (ArabicLexicon.Is(tok, Proceedings) && ((i > s.FirstToken && Cues.Has(t[i - 1], Cues.Event, 3)) || (i + 1 < to && Cues.Has(t[i + 1], Cues.Event, 3))))
            return new RoundMention { First = i, Last = i, Sentence = s.Index, Reference = RoundReference.Anaphor };
        // «جولة جديدة من المحادثات، هي الحادية والعشرون»: an apposition after a round phrase states its number.
        if (ArabicLexicon.Is(tok, Huwa) && tok.HardGapBefore && i + 1 < to)
        {
            var (an, alen) = ArabicLexicon.OrdinalAt(t, i + 1, to);
            var headBefore = false;
            for (var h = i - 1; h >= Math.Max(s.FirstToken, i - 10) && !headBefore; h--) headBefore = ArabicLexicon.Is(t[h], Heads);
            if (an > 0 && headBefore && !dateTokens.Contains(i + 1))
                return new RoundMention { First = i, Last = i + alen, Sentence = s.Index, Reference = RoundReference.Number, Number = an };
        }
        var session = ArabicLexicon.Is(tok, SessionHeads);
        if (!session && !ArabicLexicon.Is(tok, Heads)) return null;
        var k = i + 1;
        var skipped = 0;
        while (k < to && skipped < 3 && !t[k].HardGapBefore && ArabicLexicon.Is(t[k], Adjectives)) { k++; skipped++; }
        // «جولة أستانا الحادية والعشرون»، «اجتماع أستانا الـ21»: the process named between the head and its number.
        var named = false;
        if (!session && k + 1 < to && !t[k].HardGapBefore && !t[k + 1].HardGapBefore && ArabicLexicon.Is(t[k], AstanaWords)
            && (t[k + 1].IsNumber || ArabicLexicon.Is(t[k + 1], Al) || ArabicLexicon.OrdinalAt(t, k + 1, to).Number > 0))
        {
            k++;
            named = true;
        }
        if (k < to && !t[k].HardGapBefore)
        {
            if (ArabicLexicon.Is(t[k], Al) && k + 1 < to && t[k + 1].IsNumber) k++;
            if (t[k].IsNumber && !dateTokens.Contains(k) && t[k].Value is >= 1 and <= 40)
                return new RoundMention { First = i, Last = k, Sentence = s.Index, Reference = RoundReference.Number, Number = t[k].Value, SessionHead = session, Process = named ? Process.Astana : Process.Unknown };
            var (n, len) = ArabicLexicon.OrdinalAt(t, k, to);
            if (n > 0 && !dateTokens.Contains(k))
            {
                // Skip «الجلسة الأولى» (a sitting of a meeting) unless the process is named right after it.
                return new RoundMention { First = i, Last = k + len - 1, Sentence = s.Index, Reference = RoundReference.Number, Number = n, SessionHead = session, Process = named ? Process.Astana : Process.Unknown };
            }
            if (!session && ArabicLexicon.Is(t[k], NextWords)) return Relative(t, i, k, to, s, RoundReference.Next);
            if (!session && ArabicLexicon.Is(t[k], PrevWords)) return Relative(t, i, k, to, s, RoundReference.Previous);
            if (!session && ArabicLexicon.Is(t[k], NewWords) && !tok.Text.StartsWith("ال", StringComparison.Ordinal) && !tok.Forms.Any(f => f.Form.StartsWith("ال", StringComparison.Ordinal)))
                return new RoundMention { First = i, Last = k, Sentence = s.Index, Reference = RoundReference.New };
        }
        // A bare definite «الاجتماع»/«الجولة» refers back to the round last named.
        var definite = tok.Forms.Any(f => f.Form is "الجوله" or "الاجتماع");
        if (!session && definite && skipped == 0 && (k >= to || t[k].HardGapBefore || !ArabicLexicon.Is(t[k], OtherMeeting)))
            return new RoundMention { First = i, Last = i, Sentence = s.Index, Reference = RoundReference.Anaphor };
        return null;
    }

    private static RoundMention Relative(IReadOnlyList<Token> t, int i, int k, int to, Sentence s, RoundReference r)
    {
        var m = new RoundMention { First = i, Last = k, Sentence = s.Index, Reference = r };
        // «الاجتماع المقبل، وهو الثاني عشر»: an apposition states the number.
        var j = k + 1;
        if (j < to && ArabicLexicon.Is(t[j], Huwa))
        {
            var (n, len) = ArabicLexicon.OrdinalAt(t, j + 1, to);
            if (n > 0) { m.Number = n; m.Last = j + len; return new RoundMention { First = i, Last = j + len, Sentence = s.Index, Reference = RoundReference.Number, Number = n }; }
        }
        return m;
    }

    /// <summary>True for a token that is a head noun of a meeting (used to stop scans at another meeting).</summary>
    public static bool IsHead(Token t) => ArabicLexicon.Is(t, Heads) || ArabicLexicon.Is(t, SessionHeads) || ArabicLexicon.Is(t, PluralHeads);
}
