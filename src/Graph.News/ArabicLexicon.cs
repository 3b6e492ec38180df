namespace Graph.News;

/// <summary>Closed word lists of news Arabic, stored as normalised keys (see <see cref="NormalizedText.Key"/>).</summary>
public static class ArabicLexicon
{
    private static string K(string s) => NormalizedText.Key(s);

    /// <summary>Month names (Levantine, Egyptian/Gulf, Maghrebi, Moroccan) → month number. Two-word names as one key.</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = Build(new (string, int)[]
    {
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7),
        ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("ابريل", 4), ("مايو", 5), ("يونيو", 6),
        ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10),
        ("نوفمبر", 11), ("ديسمبر", 12),
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("جويلة", 7), ("أوت", 8),
        ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    });

    /// <summary>First words of the two-word month names («كانون»، «تشرين»).</summary>
    internal static readonly WordSet MonthFirstWords = new(Months.Keys.Where(k => k.Contains(' ')).Select(k => k.Split(' ')[0]));

    /// <summary>The single-word month names: most tokens are rejected here (a cached bit) before any dictionary lookup.</summary>
    internal static readonly WordSet MonthNames = new(Months.Keys.Where(k => !k.Contains(' ')));

    /// <summary>Month names that are also common words; they count only next to a day, a year or «شهر».</summary>
    public static readonly HashSet<string> AmbiguousMonths = [K("آب"), K("ماي"), K("مارس"), K("أوت")];

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        [K("الأحد")] = DayOfWeek.Sunday, [K("الإثنين")] = DayOfWeek.Monday, [K("الاثنين")] = DayOfWeek.Monday,
        [K("الثلاثاء")] = DayOfWeek.Tuesday, [K("الأربعاء")] = DayOfWeek.Wednesday, [K("الخميس")] = DayOfWeek.Thursday,
        [K("الجمعة")] = DayOfWeek.Friday, [K("السبت")] = DayOfWeek.Saturday,
    };

    internal static readonly WordSet WeekdayNames = new(Weekdays.Keys);

    private static readonly string[] UnitsMasc = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
    private static readonly string[] UnitsFem = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"];

    /// <summary>Ordinal words 1–39 (masculine and feminine, nominative and oblique) as key sequences → number.</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = BuildOrdinals();

    /// <summary>Cardinal-like ordinal tens used alone: «العشرين»، «الثلاثين».</summary>
    private static Dictionary<string, int> BuildOrdinals()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string s, int n) => d[K(s)] = n;
        for (var i = 1; i <= 10; i++) { Add(UnitsMasc[i], i); Add(UnitsFem[i], i); }
        Add("الأوّل", 1); Add("الاولى", 1);
        for (var i = 1; i <= 9; i++)
        {
            var m = i == 1 ? "الحادي" : UnitsMasc[i];
            var f = i == 1 ? "الحادية" : UnitsFem[i];
            Add(m + " عشر", 10 + i); Add(f + " عشرة", 10 + i); Add(f + " عشر", 10 + i); Add(m + " عشرة", 10 + i);
            foreach (var (tens, v) in new[] { ("العشرون", 20), ("العشرين", 20), ("الثلاثون", 30), ("الثلاثين", 30) })
            {
                var bare = tens[2..];
                Add(m + " و" + tens, v + i); Add(f + " و" + tens, v + i);
                Add(m + " و" + bare, v + i); Add(f + " و" + bare, v + i);
            }
        }
        Add("العشرون", 20); Add("العشرين", 20); Add("الثلاثون", 30); Add("الثلاثين", 30);
        return d;
    }

    /// <summary>The first words of all ordinals: most tokens are rejected here without building multi-word keys.</summary>
    private static readonly WordSet OrdinalFirstWords = new(Ordinals.Keys.Select(k => k.Split(' ')[0]));

    /// <summary>The words an ordinal can start with (<see cref="OrdinalAt"/> rejects every other token).</summary>
    internal static IEnumerable<string> OrdinalStartWords => OrdinalFirstWords;

    /// <summary>The longest ordinal starting at token <paramref name="i"/> (the first word may carry a proclitic): (number, tokens used), or (0, 0).</summary>
    public static (int Number, int Length) OrdinalAt(IReadOnlyList<Token> t, int i, int end)
    {
        if (i >= end || t[i].IsNumber || !Is(t[i], OrdinalFirstWords)) return (0, 0);
        for (var len = Math.Min(3, end - i); len >= 1; len--)
        {
            var ok = true;
            for (var j = i + 1; j < i + len; j++) if (t[j].HardGapBefore || t[j].IsNumber) ok = false;
            if (!ok) continue;
            var rest = len switch { 1 => "", 2 => " " + t[i + 1].Text, _ => " " + t[i + 1].Text + " " + t[i + 2].Text };
            foreach (var (form, _) in t[i].Forms)
                if (Ordinals.TryGetValue(form + rest, out var n)) return (n, len);
        }
        return (0, 0);
    }

    private static Dictionary<string, int> Build((string, int)[] items)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (s, n) in items) d[K(s)] = n;
        return d;
    }

    public static WordSet Set(params string[] words) => new(words.Select(K));

    /// <summary>True when some form of the token (after stripping proclitics) is in the set.</summary>
    public static bool Is(Token t, HashSet<string> set)
    {
        if (t.IsNumber) return false;
        // Recognisers ask the same few sets about every token: a WordSet's answer is cached per word text, as for cues.
        if (set is not WordSet { Slot: >= 0 and var slot }) return IsUncached(t, set);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, IsUncached(t, set));
    }

    private static bool IsUncached(Token t, HashSet<string> set)
    {
        foreach (var (f, _) in t.Forms) if (set.Contains(f)) return true;
        return false;
    }

    /// <summary>True when some form of the token starts with one of the stems and adds at most <paramref name="slack"/> letters (suffixes).</summary>
    public static bool HasStem(Token t, IEnumerable<string> stems, int slack = 3)
    {
        if (t.IsNumber) return false;
        foreach (var (f, _) in t.Forms)
            foreach (var s in stems)
                if (f.StartsWith(s, StringComparison.Ordinal) && f.Length <= s.Length + slack) return true;
        return false;
    }
}
