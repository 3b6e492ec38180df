using System.Globalization;

namespace Graph.News;

/// <summary>
/// Hijri dates as news print them: «28 ربيع الآخر 1444 هـ»، «الخامس من شهر رمضان 1445 للهجرة»، «ذي الحجة 1444هـ»,
/// converted to the Gregorian calendar with the Umm al-Qura tables (System.Globalization.UmAlQuraCalendar).
/// </summary>
/// <remarks>
/// A Hijri month name counts only with a Hijri year (1318–1500, the calendar's range): «صفر» is also zero and
/// «رجب»، «شعبان»، «رمضان» are also given names, and Hijri years never collide with the Gregorian years of the news.
/// </remarks>
internal static class HijriDates
{
    private static readonly UmAlQuraCalendar Calendar = new();

    /// <summary>Month names (one or two words, nominative and genitive «ذو/ذي») → month number.</summary>
    private static readonly Dictionary<string, int> Months = Build(
        ("محرم", 1), ("المحرم", 1), ("صفر", 2),
        ("ربيع الأول", 3), ("ربيع أول", 3),
        ("ربيع الآخر", 4), ("ربيع الثاني", 4), ("ربيع آخر", 4), ("ربيع ثاني", 4),
        ("جمادى الأولى", 5), ("جمادى الأول", 5), ("جمادى أولى", 5),
        ("جمادى الآخرة", 6), ("جمادى الآخر", 6), ("جمادى الثانية", 6), ("جمادى الثاني", 6), ("جمادى آخرة", 6),
        ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10),
        ("ذو القعدة", 11), ("ذي القعدة", 11), ("ذو الحجة", 12), ("ذي الحجة", 12));

    // Most tokens are no month: cached set tests reject them before building two-word keys or looking anything up.
    private static readonly WordSet FirstWords = new(Months.Keys.Where(k => k.Contains(' ')).Select(k => k.Split(' ')[0]));
    private static readonly WordSet SingleWords = new(Months.Keys.Where(k => !k.Contains(' ')));

    private static readonly HashSet<string> Markers = ArabicLexicon.Set("هـ", "ه", "للهجرة", "هجري", "هجرية", "الهجري", "الهجرية");
    private static readonly HashSet<string> Of = ArabicLexicon.Set("من");
    private static readonly HashSet<string> MonthWord = ArabicLexicon.Set("شهر");
    private static readonly HashSet<string> YearWord = ArabicLexicon.Set("عام", "العام", "سنة");

    /// <summary>Every word a Hijri month reading can start with (see <see cref="DateRecognizer"/>'s start words).</summary>
    internal static IEnumerable<string> StartWords => FirstWords.Concat(SingleWords).Concat(Of).Concat(MonthWord);

    private static Dictionary<string, int> Build(params (string Name, int Month)[] items)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (n, m) in items) d[NormalizedText.Key(n)] = m;
        return d;
    }

    /// <summary>A Hijri month name at token i: (month, tokens used), or (0, 0).</summary>
    private static (int Month, int Len) MonthAt(IReadOnlyList<Token> t, int i, int to)
    {
        if (i >= to || t[i].IsNumber) return (0, 0);
        if (i + 1 < to && !t[i + 1].HardGapBefore && !t[i + 1].IsNumber && ArabicLexicon.Is(t[i], FirstWords))
            foreach (var (f, _) in t[i].Forms)
                if (Months.TryGetValue(f + " " + t[i + 1].Text, out var m2)) return (m2, 2);
        if (!ArabicLexicon.Is(t[i], SingleWords)) return (0, 0);
        foreach (var (f, _) in t[i].Forms)
            if (Months.TryGetValue(f, out var m)) return (m, 1);
        return (0, 0);
    }

    /// <summary>The Hijri year after a month («1444»، «1444 هـ»، «عام 1444 للهجرة»): (year, tokens used), or (0, 0).</summary>
    private static (int Year, int Len) YearAt(IReadOnlyList<Token> t, int k, int to)
    {
        var s = k;
        if (k < to && !t[k].HardGapBefore && ArabicLexicon.Is(t[k], YearWord)) k++;
        if (k >= to || !t[k].IsNumber || t[k].Text.Length != 4 || t[k].HardGapBefore) return (0, 0);
        var y = t[k].Value;
        if (y < Calendar.GetYear(Calendar.MinSupportedDateTime) + 1 || y > Calendar.GetYear(Calendar.MaxSupportedDateTime) - 1) return (0, 0);
        k++;
        if (k < to && !t[k].HardGapBefore && ArabicLexicon.Is(t[k], Markers)) k++;
        return (y, k - s);
    }

    /// <summary>
    /// «من شهر رمضان 1445 هـ» from token k: the month and year, and the last token used; (0, 0, -1) when there is no
    /// Hijri month with its year (a month alone is too often an ordinary word or a name to be read as a date).
    /// </summary>
    public static (int Month, int Year, int Last) MonthYearAt(IReadOnlyList<Token> t, int k, int to)
    {
        k = SkipOfMonth(t, k, to);
        var (month, ml) = MonthAt(t, k, to);
        if (ml == 0) return (0, 0, -1);
        var (year, yl) = YearAt(t, k + ml, to);
        return yl == 0 ? (0, 0, -1) : (month, year, k + ml + yl - 1);
    }

    public static int DaysInMonth(int year, int month) => Calendar.GetDaysInMonth(year, month);

    public static DateOnly ToGregorian(int year, int month, int day) => DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));

    /// <summary>Skips «من» and «شهر» between a day and a Hijri month.</summary>
    private static int SkipOfMonth(IReadOnlyList<Token> t, int k, int to)
    {
        if (k < to && ArabicLexicon.Is(t[k], Of)) k++;
        if (k < to && ArabicLexicon.Is(t[k], MonthWord)) k++;
        return k;
    }
}
