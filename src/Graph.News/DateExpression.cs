namespace Graph.News;

public enum DateKind { Day, DayPair, Month, PartOfMonth, Year, PartOfYear, Open }

/// <summary>A date expression of the text, resolved against the publication date.</summary>
public sealed class DateExpression
{
    public required int First { get; init; }
    /// <summary>Last token (inclusive).</summary>
    public required int Last { get; init; }
    public required DateKind Kind { get; init; }
    /// <summary>The smallest interval the expression guarantees.</summary>
    public required DateOnly Earliest { get; init; }
    public required DateOnly Latest { get; init; }
    /// <summary>The stated day(s): one for a day, two for «يومي 15 و16».</summary>
    public IReadOnlyList<DateOnly> Days { get; init; } = [];
    /// <summary>True when resolved from «اليوم»، «أمس»، a weekday or «الجاري»-style words.</summary>
    public bool Relative { get; init; }
    /// <summary>True when stated in the Hijri calendar (and converted).</summary>
    public bool Hijri { get; init; }
    /// <summary>True when the day is written as a number or ordinal of a named month (not «اليوم» or a weekday).</summary>
    public bool StatedDay { get; init; }

    public override string ToString() => $"{Kind} {Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd} [{First}-{Last}]";
}
