using System.Globalization;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>An xsd:dateTime or xsd:date value: its fields as written, an optional timezone, and an instant for comparison.</summary>
public readonly struct XsdDateTime
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public XsdDateTime(long year, int month, int day, int hour, int minute, decimal second, int? timezoneMinutes, bool isDate)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        TimezoneMinutes = timezoneMinutes;
        IsDate = isDate;
    }

    public long Year { get; }
    public int Month { get; }
    public int Day { get; }
    public int Hour { get; }
    public int Minute { get; }
    public decimal Second { get; }

    /// <summary>Offset from UTC in minutes, or null when the value has no timezone.</summary>
    public int? TimezoneMinutes { get; }

    /// <summary>True for xsd:date values (no time of day).</summary>
    public bool IsDate { get; }

    // The lexical forms, read by hand (a regex here ran for every comparison of every row):
    //   dateTime  -?YYYY+-MM-DDThh:mm:ss(.s+)?(Z|[+-]hh:mm)?      date  -?YYYY+-MM-DD(Z|[+-]hh:mm)?
    // As with a regex anchored by '$', one final line feed is tolerated.

    public static bool TryParseDateTime(string s, out XsdDateTime value) => TryParse(s, isDate: false, out value);

    public static bool TryParseDate(string s, out XsdDateTime value) => TryParse(s, isDate: true, out value);

    private static bool TryParse(string s, bool isDate, out XsdDateTime value)
    {
        value = default;
        var text = s.AsSpan();
        if (text.Length > 0 && text[^1] == '\n') text = text[..^1];
        var i = 0;
        if (!TryYear(text, ref i, out var year)) return false;
        if (!Expect(text, ref i, '-') || !TwoDigits(text, ref i, out var month) || !Expect(text, ref i, '-') || !TwoDigits(text, ref i, out var day))
            return false;
        int hour = 0, minute = 0;
        decimal second = 0;
        if (!isDate)
        {
            if (!Expect(text, ref i, 'T') || !TwoDigits(text, ref i, out hour) || !Expect(text, ref i, ':')
                || !TwoDigits(text, ref i, out minute) || !Expect(text, ref i, ':') || !TrySeconds(text, ref i, out second))
                return false;
        }
        if (!TryZone(text, ref i, out var tz) || i != text.Length) return false;
        if (!ValidDate(year, month, day)) return false;
        if (!isDate)
        {
            if (hour == 24) { if (minute != 0 || second != 0) return false; }
            else if (hour > 23 || minute > 59 || second >= 60) return false;
        }
        value = new XsdDateTime(year, month, day, hour, minute, second, tz, isDate);
        return true;
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i >= s.Length || s[i] != c) return false;
        i++;
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, ref int i, out int value)
    {
        value = 0;
        if (i + 2 > s.Length || !IsDigit(s[i]) || !IsDigit(s[i + 1])) return false;
        value = (s[i] - '0') * 10 + (s[i + 1] - '0');
        i += 2;
        return true;
    }

    private static bool TryYear(ReadOnlySpan<char> s, ref int i, out long year)
    {
        year = 0;
        var negative = i < s.Length && s[i] == '-';
        var start = negative ? i + 1 : i;
        var end = start;
        while (end < s.Length && IsDigit(s[end])) end++;
        var digits = end - start;
        // At least four digits; no leading zero beyond four; "0000" is not a year in XSD 1.0 but is in 1.1: accept it.
        if (digits < 4 || digits > 15 || (digits > 4 && s[start] == '0')) return false;
        for (var k = start; k < end; k++) year = year * 10 + (s[k] - '0');
        if (negative) year = -year;
        i = end;
        return true;
    }

    private static bool TrySeconds(ReadOnlySpan<char> s, ref int i, out decimal seconds)
    {
        seconds = 0;
        var start = i;
        if (!TwoDigits(s, ref i, out var whole)) return false;
        if (i >= s.Length || s[i] != '.')
        {
            seconds = whole;
            return true;
        }
        var fracStart = ++i;
        while (i < s.Length && IsDigit(s[i])) i++;
        var fracDigits = i - fracStart;
        if (fracDigits == 0) return false;
        if (fracDigits <= 17)
        {
            // Exact: the digits as an integer with the fraction's length as scale (what decimal.Parse gives).
            ulong units = (ulong)whole;
            for (var k = fracStart; k < i; k++) units = units * 10 + (ulong)(s[k] - '0');
            seconds = new decimal((int)(uint)units, (int)(uint)(units >> 32), 0, false, (byte)fracDigits);
            return true;
        }
        seconds = decimal.Parse(s[start..i], NumberStyles.AllowDecimalPoint, Inv);
        return true;
    }

    private static bool TryZone(ReadOnlySpan<char> s, ref int i, out int? minutes)
    {
        minutes = null;
        if (i == s.Length) return true;
        if (s[i] == 'Z')
        {
            i++;
            minutes = 0;
            return true;
        }
        if (s[i] is not ('+' or '-')) return false;
        var sign = s[i] == '-' ? -1 : 1;
        i++;
        if (!TwoDigits(s, ref i, out var h) || !Expect(s, ref i, ':') || !TwoDigits(s, ref i, out var m)) return false;
        if (m > 59 || h > 14 || h == 14 && m != 0) return false;
        minutes = sign * (h * 60 + m);
        return true;
    }

    /// <summary>The dateTime or date value of a literal of either type with a valid lexical form.</summary>
    public static bool TryFrom(INode node, out XsdDateTime value)
    {
        value = default;
        if (node is not LiteralNode lit || lit.Language is not null) return false;
        return lit.Datatype.Value switch
        {
            Vocab.Xsd.DateTime => TryParseDateTime(lit.Value, out value),
            Vocab.Xsd.Date => TryParseDate(lit.Value, out value),
            _ => false,
        };
    }

    private static bool ValidDate(long year, int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);

    private static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeap(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // XSD 1.1 counts year 0 as 1 BCE, so the proleptic Gregorian rule applies to it directly.
    private static bool IsLeap(long y) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).</summary>
    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var mp = (m + 9) % 12;
        var doy = (153 * mp + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// <summary>Seconds since 1970-01-01T00:00:00Z, taking a missing timezone as UTC.</summary>
    public decimal InstantSeconds =>
        DaysFromCivil(Year, Month, Day) * 86400m + Hour * 3600 + Minute * 60 + Second - (TimezoneMinutes ?? 0) * 60;

    /// <summary>
    /// XPath order of two values (XML Schema 1.1 §D.2.1): null when one has a timezone and the other not and
    /// they are within 14 hours of each other, which makes the order indeterminate.
    /// </summary>
    public static int? Compare(XsdDateTime a, XsdDateTime b) =>
        Compare(a.InstantSeconds, a.TimezoneMinutes.HasValue, b.InstantSeconds, b.TimezoneMinutes.HasValue);

    /// <summary><see cref="Compare(XsdDateTime, XsdDateTime)"/> on instants computed beforehand.</summary>
    public static int? Compare(decimal x, bool xHasZone, decimal y, bool yHasZone)
    {
        if (xHasZone == yHasZone) return x.CompareTo(y);
        const decimal fourteenHours = 14 * 3600;
        if (!xHasZone)
        {
            if (x + fourteenHours < y) return -1;
            if (x - fourteenHours > y) return 1;
            return null;
        }
        if (x < y - fourteenHours) return -1;
        if (x > y + fourteenHours) return 1;
        return null;
    }

    /// <summary>"Z", "-05:00", or "" without a timezone (the TZ function).</summary>
    public string TimezoneText()
    {
        if (TimezoneMinutes is not int tz) return "";
        if (tz == 0) return "Z";
        var a = Math.Abs(tz);
        return (tz < 0 ? "-" : "+") + (a / 60).ToString("00", Inv) + ":" + (a % 60).ToString("00", Inv);
    }

    /// <summary>The timezone as an xsd:dayTimeDuration lexical form ("-PT5H", "PT0S", "PT5H30M").</summary>
    public string TimezoneDuration()
    {
        var tz = TimezoneMinutes ?? throw new InvalidOperationException("No timezone.");
        if (tz == 0) return "PT0S";
        var a = Math.Abs(tz);
        var s = (tz < 0 ? "-" : "") + "PT";
        if (a / 60 != 0) s += (a / 60).ToString(Inv) + "H";
        if (a % 60 != 0) s += (a % 60).ToString(Inv) + "M";
        return s;
    }

    /// <summary>The lexical form of this value (dateTime or date).</summary>
    public override string ToString()
    {
        var y = Year < 0 ? "-" + (-Year).ToString("0000", Inv) : Year.ToString("0000", Inv);
        var date = y + "-" + Month.ToString("00", Inv) + "-" + Day.ToString("00", Inv);
        if (!IsDate)
        {
            var sec = Second.ToString("00.#########################", Inv);
            date += "T" + Hour.ToString("00", Inv) + ":" + Minute.ToString("00", Inv) + ":" + sec;
        }
        return date + TimezoneText();
    }
}
