namespace Graph.Rdf;

/// <summary>Bad input, with where it is: the message a user sees is <c>SOURCE:LINE:COL: message</c>.</summary>
public class RdfParseException : Exception
{
    public RdfParseException(string message, string? source, long line, long column, Exception? inner = null)
        : base(message, inner)
    {
        SourceName = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file name or "-" for stdin; null when unknown.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line; 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>1-based column in characters (code points); 0 when unknown.</summary>
    public long Column { get; }

    /// <summary>The error as a compiler would print it.</summary>
    public string Describe() => $"{SourceName ?? "<input>"}:{Line}:{Column}: {Message}";
}
