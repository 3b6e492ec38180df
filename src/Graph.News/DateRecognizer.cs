namespace Graph.News;

/// <summary>
/// Finds date expressions in a sentence and resolves them against the publication date, following the
/// conventions of ../shared/eval/README.md: «اليوم» is the publication day, «أمس» the day before, «غداً» the day
/// after; a weekday is the nearest such day on or before publication for a past verb, on or after for a future
/// one; a month without a year is the publication month («الجاري»), its latest occurrence before («الماضي»), its
/// next occurrence after («المقبل»), else the occurrence nearest the publication date; parts of a month are
/// 1–10 («مطلع/أوائل»), 11–20 («منتصف»), 21–end («نهاية/أواخر»).
/// </summary>
public static class DateRecognizer
{
    private static readonly HashSet<string> Today = ArabicLexicon.Set("اليوم");
    private static readonly HashSet<string> Yesterday = ArabicLexicon.Set("أمس", "الأمس", "البارحة");
    private static readonly HashSet<string> Tomorrow = ArabicLexicon.Set("غداً", "غد", "الغد");
    private static readonly HashSet<string> DayWord = ArabicLexicon.Set("يوم", "يومي", "يوما");
    private static readonly HashSet<string> TimeOfDay = ArabicLexicon.Set("صباح", "مساء", "ظهر", "ظهيرة", "فجر", "ليل", "ليلة", "عصر", "صبيحة");
    private static readonly HashSet<string> Past = ArabicLexicon.Set("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق");
    private static readonly HashSet<string> Next = ArabicLexicon.Set("المقبل", "المقبلة", "القادم", "القادمة", "التالي");
    private static readonly HashSet<string> Current = ArabicLexicon.Set("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه");
    private static readonly HashSet<string> MonthWord = ArabicLexicon.Set("شهر", "الشهر");
    private static readonly HashSet<string> YearWord = ArabicLexicon.Set("عام", "العام", "سنة", "السنة");
    private static readonly HashSet<string> Early = ArabicLexicon.Set("مطلع", "أوائل", "بداية", "مستهل", "بدايات", "اوائل");
    private static readonly HashSet<string> Mid = ArabicLexicon.Set("منتصف", "أواسط", "اواسط", "نصف");
    private static readonly HashSet<string> Late = ArabicLexicon.Set("نهاية", "أواخر", "آخر", "اواخر", "ختام", "أخير");
    private static readonly HashSet<string> Half = ArabicLexicon.Set("النصف");
    private static readonly HashSet<string> FirstWord = ArabicLexicon.Set("الأول", "الاول");
    private static readonly HashSet<string> SecondWord = ArabicLexicon.Set("الثاني");
    private static readonly HashSet<string> Between = ArabicLexicon.Set("بين", "الفترة");
    private static readonly HashSet<string> And = ArabicLexicon.Set("و");
    private static readonly HashSet<string> Until = ArabicLexicon.Set("إلى", "الى", "حتى", "و");
    private static readonly HashSet<string> Of = ArabicLexicon.Set("من");
    private static readonly HashSet<string> After = ArabicLexicon.Set("بعد");
    private static readonly HashSet<string> Before = ArabicLexicon.Set("قبل");
    private static readonly HashSet<string> FirstWordOfBeforeYesterday = ArabicLexicon.Set("أول");

    private static readonly HashSet<string> WeekWord = ArabicLexicon.Set("الأسبوع", "الاسبوع");

    /// <summary>
    /// Every word a date expression can start with: the first-token tests of <see cref="At"/> and of each reading it
    /// tries (relative days, days of a month, Hijri dates, weeks, months, years, weekdays). Most tokens are none of
    /// these, and one cached test skips the twenty-odd others. A new reading must add its first words here.
    /// </summary>
    private static readonly WordSet StartWords = new(
        new[] { After, Before, TimeOfDay, Today, Yesterday, Tomorrow, FirstWordOfBeforeYesterday, DayWord, Between, Early, Mid, Late,
                WeekWord, Half, MonthWord, Of, YearWord, ArabicLexicon.MonthFirstWords, ArabicLexicon.MonthNames, ArabicLexicon.WeekdayNames }
        .SelectMany(set => set).Concat(ArabicLexicon.OrdinalStartWords).Concat(HijriDates.StartWords));

    /// <summary>All date expressions of tokens [from, to).</summary>
    /// <param name="isFuture">Whether the verb governing token i is in the future (for bare weekdays).</param>
    public static List<DateExpression> Find(IReadOnlyList<Token> t, int from, int to, DateOnly published, Func<int, bool> isFuture) =>
        Find(t, from, to, published, isFuture, skipNonStartWords: true);

    /// <summary>Without <paramref name="skipNonStartWords"/> every token is tried: the tests check that the filter changes nothing.</summary>
    internal static List<DateExpression> Find(IReadOnlyList<Token> t, int from, int to, DateOnly published, Func<int, bool> isFuture, bool skipNonStartWords)
    {
        var found = new List<DateExpression>();
        var i = from;
        while (i < to)
        {
            if (skipNonStartWords && !t[i].IsNumber && !ArabicLexicon.Is(t[i], StartWords)) { i++; continue; }
            var d = At(t, i, to, published, isFuture);
            if (d is null) { i++; continue; }
            found.Add(d);
            i = d.Last + 1;
        }
        return found.Count > 1 ? Merge(t, found) : found;
    }

    private static readonly HashSet<string> Linkers = ArabicLexicon.Set("الموافق", "الموافقة", "الموافق", "ل", "م", "ميلادي", "ميلادية", "للميلاد", "أي", "اي");

    /// <summary>
    /// One day written twice is one date: «28 ربيع الآخر 1444 هـ الموافق 22 تشرين الثاني 2022»، «الثلاثاء 22 تشرين الثاني».
    /// The Gregorian (or the explicit) reading wins: Hijri conversion and weekday resolution are the less certain ones.
    /// </summary>
    private static List<DateExpression> Merge(IReadOnlyList<Token> t, List<DateExpression> found)
    {
        var result = new List<DateExpression> { found[0] };
        for (var j = 1; j < found.Count; j++)
        {
            var a = result[^1];
            var b = found[j];
            var between = Enumerable.Range(a.Last + 1, Math.Max(0, b.First - a.Last - 1)).ToList();
            var linked = between.Count <= 3 && between.All(k => !t[k].IsNumber && ArabicLexicon.Is(t[k], Linkers));
            var calendars = a.Hijri != b.Hijri;
            var weekday = between.Count == 0 && a.Relative && !a.StatedDay && a.Kind == DateKind.Day && b.StatedDay && !t[b.First].HardGapBefore;
            if (linked && (calendars || weekday))
            {
                var keep = calendars ? (a.Hijri ? b : a) : b;
                result[^1] = new DateExpression
                {
                    First = a.First, Last = b.Last, Kind = keep.Kind, Earliest = keep.Earliest, Latest = keep.Latest,
                    Days = keep.Days, Relative = keep.Relative, Hijri = false, StatedDay = keep.StatedDay,
                };
            }
            else result.Add(b);
        }
        return result;
    }

    private static DateExpression? At(IReadOnlyList<Token> t, int i, int to, DateOnly p, Func<int, bool> isFuture)
    {
        var start = i;
        // «بعد العشرين من ديسمبر»: the days after a stated day.
        if (ArabicLexicon.Is(t[i], After) && i + 1 < to)
        {
            var inner = DayMonth(t, i + 1, to, p, start);
            if (inner is { Kind: DateKind.Day })
            {
                var d = inner.Days[0].AddDays(1);
                return new DateExpression { First = start, Last = inner.Last, Kind = DateKind.Open, Earliest = d, Latest = EndOfMonth(inner.Days[0]) };
            }
        }
        // «قبل نهاية العام»: from publication to the end of the year.
        if (ArabicLexicon.Is(t[i], Before) && i + 2 < to && ArabicLexicon.Is(t[i + 1], Late) && ArabicLexicon.Is(t[i + 2], YearWord))
        {
            var (year, len) = YearSpec(t, i + 3, to, p, allowBare: true);
            var y = len > 0 ? year : p.Year;
            return new DateExpression { First = start, Last = i + 2 + len, Kind = DateKind.Open, Earliest = p, Latest = new DateOnly(y, 12, 31), Relative = true };
        }
        if (ArabicLexicon.Is(t[i], TimeOfDay) && i + 1 < to && !t[i + 1].HardGapBefore) i++;
        var rel = Relative(t, i, to, p, start);
        if (rel is not null) return rel;
        var dm = DayMonth(t, i, to, p, start) ?? HijriDayMonth(t, i, to, start) ?? HijriMonth(t, i, to, start);
        if (dm is not null) return dm;
        return Week(t, i, to, p, start) ?? MonthOrYear(t, start, to, p) ?? Weekday(t, i, to, p, start, isFuture);
    }

    /// <summary>
    /// «الأسبوع المقبل/الماضي/الجاري»: weeks start on Saturday, Sunday or Monday depending on the country, so only
    /// the days every convention agrees on are guaranteed: the next week lies within 1..13 days after publication,
    /// the last within 1..13 days before, the current within 6 days either side.
    /// </summary>
    private static DateExpression? Week(IReadOnlyList<Token> t, int i, int to, DateOnly p, int start)
    {
        if (!ArabicLexicon.Is(t[i], WeekWord) || i + 1 >= to || t[i + 1].HardGapBefore) return null;
        var (a, b) = ArabicLexicon.Is(t[i + 1], Next) ? (1, 13) : ArabicLexicon.Is(t[i + 1], Past) ? (-13, -1) : ArabicLexicon.Is(t[i + 1], Current) ? (-6, 6) : (0, 0);
        if (a == 0) return null;
        return new DateExpression { First = start, Last = i + 1, Kind = DateKind.Open, Earliest = p.AddDays(a), Latest = p.AddDays(b), Relative = true };
    }

    private static DateExpression? Relative(IReadOnlyList<Token> t, int i, int to, DateOnly p, int start)
    {
        DateOnly day;
        var last = i;
        if (ArabicLexicon.Is(t[i], Today))
        {
            // «اليوم الأول» is the first day of a meeting, not today.
            if (i + 1 < to && !t[i + 1].HardGapBefore && ArabicLexicon.OrdinalAt(t, i + 1, to).Number > 0) return null;
            day = p;
        }
        else if (ArabicLexicon.Is(t[i], Yesterday)) day = p.AddDays(-1);
        else if (ArabicLexicon.Is(t[i], Tomorrow)) day = p.AddDays(1);
        // «بعد غد» is two days after publication, «أول أمس» two days before.
        else if (ArabicLexicon.Is(t[i], After) && i + 1 < to && !t[i + 1].HardGapBefore && ArabicLexicon.Is(t[i + 1], Tomorrow)) { day = p.AddDays(2); last = i + 1; }
        else if (ArabicLexicon.Is(t[i], FirstWordOfBeforeYesterday) && i + 1 < to && !t[i + 1].HardGapBefore && ArabicLexicon.Is(t[i + 1], Yesterday)) { day = p.AddDays(-2); last = i + 1; }
        else if (ArabicLexicon.Is(t[i], DayWord) && i + 1 < to && ArabicLexicon.Is(t[i + 1], Tomorrow)) { day = p.AddDays(1); last = i + 1; }
        else return null;
        // A weekday after it only confirms the day: «اليوم الإثنين»، «أمس الأربعاء»، «غداً الثلاثاء».
        if (last + 1 < to && !t[last + 1].HardGapBefore && Weekday(t[last + 1]) is not null) last++;
        return new DateExpression { First = start, Last = last, Kind = DateKind.Day, Earliest = day, Latest = day, Days = [day], Relative = true };
    }

    private static DayOfWeek? Weekday(Token t)
    {
        if (t.IsNumber || !ArabicLexicon.Is(t, ArabicLexicon.WeekdayNames)) return null;
        foreach (var (f, _) in t.Forms) if (ArabicLexicon.Weekdays.TryGetValue(f, out var w)) return w;
        return null;
    }

    private static DateExpression? Weekday(IReadOnlyList<Token> t, int i, int to, DateOnly p, int start, Func<int, bool> isFuture)
    {
        var k = i;
        if (ArabicLexicon.Is(t[k], DayWord) && k + 1 < to) k++;
        var w = Weekday(t[k]);
        if (w is null) return null;
        var last = k;
        int dir;
        if (k + 1 < to && ArabicLexicon.Is(t[k + 1], Next)) { dir = 2; last++; }
        else if (k + 1 < to && ArabicLexicon.Is(t[k + 1], Past)) { dir = -2; last++; }
        else dir = isFuture(k) ? 1 : -1;
        var day = p;
        if (dir == 2) { day = p.AddDays(1); while (day.DayOfWeek != w) day = day.AddDays(1); }
        else if (dir == -2) { day = p.AddDays(-1); while (day.DayOfWeek != w) day = day.AddDays(-1); }
        else if (dir == 1) { while (day.DayOfWeek != w) day = day.AddDays(1); }
        else { while (day.DayOfWeek != w) day = day.AddDays(-1); }
        return new DateExpression { First = start, Last = last, Kind = DateKind.Day, Earliest = day, Latest = day, Days = [day], Relative = true };
    }

    /// <summary>A day of the month: a number 1–31 or an ordinal word.</summary>
    private static (int Day, int Len) DayAt(IReadOnlyList<Token> t, int i, int to)
    {
        if (i >= to) return (0, 0);
        if (t[i].IsNumber)
        {
            var v = t[i].Value;
            return v is >= 1 and <= 31 && t[i].Text.Length <= 2 ? (v, 1) : (0, 0);
        }
        var (n, len) = ArabicLexicon.OrdinalAt(t, i, to);
        return n is >= 1 and <= 31 ? (n, len) : (0, 0);
    }

    /// <summary>One day or a pair of days of a month: «15»، «يوم 15»، «يومي 15 و16»، «بين 14 و16»، «الخامس عشر والسادس عشر». K is the token after them.</summary>
    private static (int D1, int D2, int K) Days(IReadOnlyList<Token> t, int i, int to)
    {
        var k = i;
        var pair = false;
        if (ArabicLexicon.Is(t[k], DayWord)) k++;
        else if (ArabicLexicon.Is(t[k], Between)) { k++; pair = true; if (k < to && ArabicLexicon.Is(t[k], Between)) k++; }
        var (d1, l1) = DayAt(t, k, to);
        if (l1 == 0) return (0, 0, i);
        k += l1;
        var d2 = 0;
        // «15 و16»، «15-16»، «من 14 إلى 16»، «الخامس عشر والسادس عشر»
        if (k < to && !t[k].HardGapBefore)
        {
            if (ArabicLexicon.Is(t[k], Until) && !t[k].IsNumber && t[k].Text.Length <= 4 && k + 1 < to)
            {
                var (x, lx) = DayAt(t, k + 1, to);
                if (lx > 0) { d2 = x; k += 1 + lx; }
            }
            else if (t[k].Text.StartsWith('و') && !t[k].IsNumber)
            {
                var (x, lx) = DayAt(t, k, to);
                if (lx > 0) { d2 = x; k += lx; }
            }
            else if (t[k].IsNumber && t[k].GapBefore.Contains('-'))
            {
                var (x, lx) = DayAt(t, k, to);
                if (lx > 0) { d2 = x; k += lx; }
            }
        }
        if (pair && d2 == 0) return (0, 0, i);
        return (d1, d2, k);
    }

    private static DateExpression? DayMonth(IReadOnlyList<Token> t, int i, int to, DateOnly p, int start)
    {
        var (d1, d2, k) = Days(t, i, to);
        if (d1 == 0) return null;
        if (k < to && ArabicLexicon.Is(t[k], Of)) k++;
        int month, year;
        bool rel;
        // «يومي 11 و12 من الشهر الجاري»، «في 5 من الشهر المقبل»
        if (k + 1 < to && ArabicLexicon.Is(t[k], MonthWord) && !t[k + 1].HardGapBefore
            && (ArabicLexicon.Is(t[k + 1], Current) || ArabicLexicon.Is(t[k + 1], Past) || ArabicLexicon.Is(t[k + 1], Next)))
        {
            var shift = ArabicLexicon.Is(t[k + 1], Current) ? 0 : ArabicLexicon.Is(t[k + 1], Past) ? -1 : 1;
            var m = new DateOnly(p.Year, p.Month, 1).AddMonths(shift);
            (month, year, rel) = (m.Month, m.Year, true);
            k += 2;
        }
        else
        {
            if (k < to && ArabicLexicon.Is(t[k], MonthWord)) k++;
            int ml;
            (month, ml) = MonthAt(t, k, to, requireContext: false);
            if (ml == 0) return null;
            k += ml;
            int yl;
            (year, yl, rel) = MonthYear(t, k, to, p, month);
            k += yl;
        }
        var last = k - 1;
        if (d1 > DateTime.DaysInMonth(year, month) || d2 > DateTime.DaysInMonth(year, month)) return null;
        var a = new DateOnly(year, month, d1);
        if (d2 > 0 && d2 > d1)
        {
            var b = new DateOnly(year, month, d2);
            return new DateExpression { First = start, Last = last, Kind = DateKind.DayPair, Earliest = a, Latest = b, Days = [a, b], Relative = rel, StatedDay = true };
        }
        return new DateExpression { First = start, Last = last, Kind = DateKind.Day, Earliest = a, Latest = a, Days = [a], Relative = rel, StatedDay = true };
    }

    /// <summary>«28 ربيع الآخر 1444 هـ»، «يومي 5 و6 من شهر رمضان 1445»: Hijri days converted to Gregorian.</summary>
    private static DateExpression? HijriDayMonth(IReadOnlyList<Token> t, int i, int to, int start)
    {
        var (d1, d2, k) = Days(t, i, to);
        if (d1 == 0) return null;
        var (month, year, last) = HijriDates.MonthYearAt(t, k, to);
        if (last < 0) return null;
        var days = HijriDates.DaysInMonth(year, month);
        if (d1 > days || d2 > days) return null;
        var a = HijriDates.ToGregorian(year, month, d1);
        if (d2 > d1)
        {
            var b = HijriDates.ToGregorian(year, month, d2);
            return new DateExpression { First = start, Last = last, Kind = DateKind.DayPair, Earliest = a, Latest = b, Days = [a, b], Hijri = true, StatedDay = true };
        }
        return new DateExpression { First = start, Last = last, Kind = DateKind.Day, Earliest = a, Latest = a, Days = [a], Hijri = true, StatedDay = true };
    }

    /// <summary>«مطلع شهر رمضان 1445 هـ»، «ذي الحجة 1444»: a Hijri month or part of it, as a Gregorian interval (parts of a month as for Gregorian months).</summary>
    private static DateExpression? HijriMonth(IReadOnlyList<Token> t, int i, int to, int start)
    {
        var k = i;
        var part = ArabicLexicon.Is(t[k], Early) ? 1 : ArabicLexicon.Is(t[k], Mid) ? 2 : ArabicLexicon.Is(t[k], Late) ? 3 : 0;
        if (part > 0) k++;
        var (month, year, last) = HijriDates.MonthYearAt(t, k, to);
        if (last < 0) return null;
        var days = HijriDates.DaysInMonth(year, month);
        var (a, b) = part switch { 1 => (1, 10), 2 => (11, 20), 3 => (21, days), _ => (1, days) };
        return new DateExpression
        {
            First = start, Last = last, Kind = part > 0 ? DateKind.PartOfMonth : DateKind.Month,
            Earliest = HijriDates.ToGregorian(year, month, a), Latest = HijriDates.ToGregorian(year, month, b), Hijri = true,
        };
    }

    /// <summary>A month name, possibly two-word, possibly doubled «كانون الثاني/يناير»، «أيار (مايو)».</summary>
    internal static (int Month, int Len) MonthAt(IReadOnlyList<Token> t, int i, int to, bool requireContext)
    {
        var (m, len) = MonthName(t, i, to);
        if (len == 0) return (0, 0);
        if (requireContext && len == 1 && ArabicLexicon.AmbiguousMonths.Contains(t[i].Text)) return (0, 0);
        var k = i + len;
        if (k < to && (t[k].GapBefore.Contains('/') || t[k].GapBefore.Contains('(') || t[k].GapBefore.Contains('-')))
        {
            var (m2, len2) = MonthName(t, k, to);
            if (len2 > 0 && m2 == m) len += len2;
        }
        return (m, len);
    }

    private static (int Month, int Len) MonthName(IReadOnlyList<Token> t, int i, int to)
    {
        if (i >= to || t[i].IsNumber) return (0, 0);
        if (i + 1 < to && !t[i + 1].HardGapBefore && !t[i + 1].IsNumber && ArabicLexicon.Is(t[i], ArabicLexicon.MonthFirstWords))
            foreach (var (f, _) in t[i].Forms)
                if (ArabicLexicon.Months.TryGetValue(f + " " + t[i + 1].Text, out var m2)) return (m2, 2);
        if (!ArabicLexicon.Is(t[i], ArabicLexicon.MonthNames)) return (0, 0);
        foreach (var (f, _) in t[i].Forms)
            if (ArabicLexicon.Months.TryGetValue(f, out var m)) return (m, 1);
        return (0, 0);
    }

    /// <summary>The year of a month: stated («2017»، «من العام 2017»، «العام الماضي») or inferred from the publication date.</summary>
    private static (int Year, int Len, bool Relative) MonthYear(IReadOnlyList<Token> t, int k, int to, DateOnly p, int month)
    {
        if (k < to && !t[k].HardGapBefore)
        {
            if (ArabicLexicon.Is(t[k], Current)) return (p.Year, 1, true);
            if (ArabicLexicon.Is(t[k], Past)) return (month < p.Month ? p.Year : p.Year - 1, 1, true);
            if (ArabicLexicon.Is(t[k], Next)) return (month > p.Month ? p.Year : p.Year + 1, 1, true);
            var (y, yl) = YearSpec(t, k, to, p, allowBare: true);
            if (yl > 0) return (y, yl, false);
        }
        // Nearest occurrence to the publication date.
        var best = p.Year;
        var bestDist = int.MaxValue;
        for (var y = p.Year - 1; y <= p.Year + 1; y++)
        {
            var mid = new DateOnly(y, month, 15);
            var dist = Math.Abs(mid.DayNumber - p.DayNumber);
            if (dist < bestDist) { bestDist = dist; best = y; }
        }
        return (best, 0, true);
    }

    /// <summary>«2017»، «عام 2017»، «من العام 2017»، «العام الجاري/الماضي/المقبل».</summary>
    private static (int Year, int Len) YearSpec(IReadOnlyList<Token> t, int k, int to, DateOnly p, bool allowBare)
    {
        var s = k;
        if (k < to && ArabicLexicon.Is(t[k], Of) && k + 1 < to && (ArabicLexicon.Is(t[k + 1], YearWord) || t[k + 1].IsNumber)) k++;
        var hadWord = false;
        if (k < to && ArabicLexicon.Is(t[k], YearWord)) { k++; hadWord = true; }
        if (k < to && t[k].IsNumber && t[k].Text.Length == 4 && t[k].Value is >= 1900 and <= 2100 && (hadWord || allowBare))
            return (t[k].Value, k - s + 1);
        if (hadWord && k < to)
        {
            if (ArabicLexicon.Is(t[k], Current)) return (p.Year, k - s + 1);
            if (ArabicLexicon.Is(t[k], Past)) return (p.Year - 1, k - s + 1);
            if (ArabicLexicon.Is(t[k], Next)) return (p.Year + 1, k - s + 1);
        }
        return (0, 0);
    }

    private static DateExpression? MonthOrYear(IReadOnlyList<Token> t, int i, int to, DateOnly p)
    {
        var start = i;
        var k = i;
        if (ArabicLexicon.Is(t[k], TimeOfDay)) return null;
        var part = 0; // 1 early, 2 mid, 3 late
        if (ArabicLexicon.Is(t[k], Early)) part = 1;
        else if (ArabicLexicon.Is(t[k], Mid)) part = 2;
        else if (ArabicLexicon.Is(t[k], Late)) part = 3;
        if (part > 0) k++;
        // «النصف الأول/الثاني من العام»
        if (part == 0 && ArabicLexicon.Is(t[k], Half) && k + 1 < to && (ArabicLexicon.Is(t[k + 1], FirstWord) || ArabicLexicon.Is(t[k + 1], SecondWord)))
        {
            var second = ArabicLexicon.Is(t[k + 1], SecondWord);
            k += 2;
            if (k < to && ArabicLexicon.Is(t[k], Of)) k++;
            var (y, yl) = YearSpec(t, k, to, p, allowBare: true);
            if (yl == 0) return null;
            var a = new DateOnly(y, second ? 7 : 1, 1);
            var b = second ? new DateOnly(y, 12, 31) : new DateOnly(y, 6, 30);
            return new DateExpression { First = start, Last = k + yl - 1, Kind = DateKind.PartOfYear, Earliest = a, Latest = b };
        }
        if (k >= to) return null;
        var monthWord = false;
        if (ArabicLexicon.Is(t[k], MonthWord))
        {
            // «الشهر الجاري/الماضي/المقبل»
            if (k + 1 < to && !t[k + 1].HardGapBefore)
            {
                DateOnly? m = null;
                if (ArabicLexicon.Is(t[k + 1], Current)) m = new DateOnly(p.Year, p.Month, 1);
                else if (ArabicLexicon.Is(t[k + 1], Past)) m = new DateOnly(p.Year, p.Month, 1).AddMonths(-1);
                else if (ArabicLexicon.Is(t[k + 1], Next)) m = new DateOnly(p.Year, p.Month, 1).AddMonths(1);
                if (m is { } first) return PartOfMonth(start, k + 1, part, first, relative: true);
            }
            k++;
            monthWord = true;
        }
        if (k < to)
        {
            // An ambiguous name («ماي»، «آب») is read as a month only with a year or «الماضي/المقبل» after it (checked below).
            var (month, ml) = MonthAt(t, k, to, requireContext: false);
            if (ml > 0)
            {
                var (year, yl, rel) = MonthYear(t, k + ml, to, p, month);
                if (part == 0 && !monthWord && yl == 0 && ArabicLexicon.AmbiguousMonths.Contains(t[k].Text)) return null;
                return PartOfMonth(start, k + ml + yl - 1, part, new DateOnly(year, month, 1), rel);
            }
        }
        // «عام 2017»، «مطلع العام المقبل»
        if (!monthWord)
        {
            var (y, yl) = YearSpec(t, k, to, p, allowBare: part > 0);
            if (yl > 0 && (part > 0 || ArabicLexicon.Is(t[k], YearWord) || ArabicLexicon.Is(t[k], Of)))
            {
                var (a, b) = part switch
                {
                    1 => (new DateOnly(y, 1, 1), new DateOnly(y, 3, 31)),
                    2 => (new DateOnly(y, 5, 1), new DateOnly(y, 8, 31)),
                    3 => (new DateOnly(y, 10, 1), new DateOnly(y, 12, 31)),
                    _ => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
                };
                return new DateExpression { First = start, Last = k + yl - 1, Kind = part > 0 ? DateKind.PartOfYear : DateKind.Year, Earliest = a, Latest = b };
            }
        }
        return null;
    }

    private static DateExpression PartOfMonth(int start, int last, int part, DateOnly first, bool relative)
    {
        var end = EndOfMonth(first);
        var (a, b) = part switch
        {
            1 => (first, first.AddDays(9)),
            2 => (first.AddDays(10), first.AddDays(19)),
            3 => (first.AddDays(20), end),
            _ => (first, end),
        };
        return new DateExpression { First = start, Last = last, Kind = part > 0 ? DateKind.PartOfMonth : DateKind.Month, Earliest = a, Latest = b, Relative = relative };
    }

    private static DateOnly EndOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
}
