using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>An xsd:dateTime or xsd:date value: its fields as written, an optional timezone, and an instant for comparison.</summary>
public readonly partial struct XsdDateTime
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

    [GeneratedRegex(@"^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)(Z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeSyntax();

    [GeneratedRegex(@"^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateSyntax();

    public static bool TryParseDateTime(string s, out XsdDateTime value)
    {
        value = default;
        var m = DateTimeSyntax().Match(s);
        if (!m.Success) return false;
        if (!TryYear(m.Groups[1].Value, out var year)) return false;
        int month = Int(m.Groups[2].Value), day = Int(m.Groups[3].Value), hour = Int(m.Groups[4].Value), minute = Int(m.Groups[5].Value);
        var second = decimal.Parse(m.Groups[6].Value, NumberStyles.AllowDecimalPoint, Inv);
        if (!ValidDate(year, month, day)) return false;
        if (hour == 24) { if (minute != 0 || second != 0) return false; }
        else if (hour > 23 || minute > 59 || second >= 60) return false;
        if (!TryZone(m.Groups[7].Value, out var tz)) return false;
        value = new XsdDateTime(year, month, day, hour, minute, second, tz, false);
        return true;
    }

    public static bool TryParseDate(string s, out XsdDateTime value)
    {
        value = default;
        var m = DateSyntax().Match(s);
        if (!m.Success) return false;
        if (!TryYear(m.Groups[1].Value, out var year)) return false;
        int month = Int(m.Groups[2].Value), day = Int(m.Groups[3].Value);
        if (!ValidDate(year, month, day)) return false;
        if (!TryZone(m.Groups[4].Value, out var tz)) return false;
        value = new XsdDateTime(year, month, day, 0, 0, 0, tz, true);
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

    private static int Int(string s) => int.Parse(s, NumberStyles.None, Inv);

    private static bool TryYear(string s, out long year)
    {
        year = 0;
        var digits = s.TrimStart('-');
        // A year has no leading zero beyond four digits; "0000" is not a year in XSD 1.0 but is in 1.1: accept it.
        if (digits.Length > 4 && digits[0] == '0') return false;
        if (digits.Length > 15) return false;
        year = long.Parse(s, NumberStyles.AllowLeadingSign, Inv);
        return true;
    }

    private static bool TryZone(string z, out int? minutes)
    {
        minutes = null;
        if (z.Length == 0) return true;
        if (z == "Z") { minutes = 0; return true; }
        var h = Int(z.Substring(1, 2));
        var m = Int(z.Substring(4, 2));
        if (m > 59 || h > 14 || h == 14 && m != 0) return false;
        minutes = (z[0] == '-' ? -1 : 1) * (h * 60 + m);
        return true;
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
    public static int? Compare(XsdDateTime a, XsdDateTime b)
    {
        var x = a.InstantSeconds;
        var y = b.InstantSeconds;
        if (a.TimezoneMinutes.HasValue == b.TimezoneMinutes.HasValue) return x.CompareTo(y);
        const decimal fourteenHours = 14 * 3600;
        if (!a.TimezoneMinutes.HasValue)
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
