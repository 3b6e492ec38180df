using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>Functions on dates and times (§17.4.5). They take xsd:dateTime (and, as an extension, xsd:date).</summary>
internal static class DateTimeFunctions
{
    public static void Register(Builtins.Registrar add)
    {
        add("YEAR", 1, 1, (a, _) => XsdLexical.IntegerLiteral(Get(a[0], "YEAR").Year));
        add("MONTH", 1, 1, (a, _) => XsdLexical.IntegerLiteral(Get(a[0], "MONTH").Month));
        add("DAY", 1, 1, (a, _) => XsdLexical.IntegerLiteral(Get(a[0], "DAY").Day));
        add("HOURS", 1, 1, (a, _) => XsdLexical.IntegerLiteral(Get(a[0], "HOURS").Hour));
        add("MINUTES", 1, 1, (a, _) => XsdLexical.IntegerLiteral(Get(a[0], "MINUTES").Minute));
        add("SECONDS", 1, 1, (a, _) => XsdLexical.DecimalLiteral(Get(a[0], "SECONDS").Second));
        add("TIMEZONE", 1, 1, (a, _) => Timezone(a[0]));
        add("TZ", 1, 1, (a, _) => new LiteralNode(Get(a[0], "TZ").TimezoneText()));
        add("NOW", 0, 0, (_, c) => Now(c.Now));
    }

    private static XsdDateTime Get(INode n, string fn)
    {
        if (XsdDateTime.TryFrom(n, out var v)) return v;
        throw new ExpressionError(fn + ": expected an xsd:dateTime, got " + StringArgs.Describe(n));
    }

    private static LiteralNode Timezone(INode n)
    {
        var v = Get(n, "TIMEZONE");
        if (v.TimezoneMinutes is null) throw new ExpressionError("TIMEZONE: " + n + " has no timezone.");
        return LiteralNode.Typed(v.TimezoneDuration(), XsdNames.DayTimeDurationNode);
    }

    /// <summary>NOW() as an xsd:dateTime with the offset the context's instant carries.</summary>
    internal static LiteralNode Now(DateTimeOffset now)
    {
        var offset = (int)now.Offset.TotalMinutes;
        var seconds = now.Second + now.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond;
        var v = new XsdDateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, seconds, offset, false);
        return LiteralNode.Typed(v.ToString(), Vocab.Xsd.DateTimeNode);
    }
}
