using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Graph.Rdf;

/// <summary>
/// Canonical N-Triples spelling of IRIs and string literals (RDF 1.2 N-Triples, canonical form): ECHAR for
/// \b \t \n \f \r \" \\, \uXXXX (upper-case hex) for the other controls, U+007F, U+FFFE and U+FFFF, everything else
/// as is. The one place these rules live: every writer (N-Triples, Turtle, SPARQL results) escapes through here.
/// </summary>
public static class NTriplesText
{
    private static readonly SearchValues<char> s_stringSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFFFE\uFFFF\"\\");

    // Characters that may not appear raw inside < >, written as UCHARs.
    private static readonly SearchValues<char> s_iriSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"{}|^`\\");

    // Escapes are looked up, not formatted, so escaping allocates nothing.
    private static readonly string[] s_uchars = BuildUchars();

    private static string[] BuildUchars()
    {
        var t = new string[128];
        for (var c = 0; c < t.Length; c++) t[c] = "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);
        return t;
    }

    /// <summary>Index of the first character of a string literal's content that must be escaped, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfStringSpecial(ReadOnlySpan<char> s) => s.IndexOfAny(s_stringSpecials);

    /// <summary>Index of the first character of an IRI that must be written as a UCHAR, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfIriSpecial(ReadOnlySpan<char> s) => s.IndexOfAny(s_iriSpecials);

    /// <summary>The escape of a character <see cref="IndexOfStringSpecial"/> found (always ASCII).</summary>
    public static string StringEscape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => Uchar(c),
    };

    /// <summary>The escape of a character <see cref="IndexOfIriSpecial"/> found (always ASCII).</summary>
    public static string IriEscape(char c) => Uchar(c);

    private static string Uchar(char c) => c < s_uchars.Length ? s_uchars[c] : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    public static string Iri(string iri)
    {
        var sb = new StringBuilder(iri.Length + 2);
        AppendIri(sb, iri);
        return sb.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendIri(StringBuilder sb, string iri)
    {
        sb.Append('<');
        var span = iri.AsSpan();
        while (true)
        {
            var idx = IndexOfIriSpecial(span);
            if (idx < 0) { sb.Append(span); break; }
            sb.Append(span[..idx]).Append(IriEscape(span[idx]));
            span = span[(idx + 1)..];
        }
        sb.Append('>');
    }

    public static string Quoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    /// <summary>Writes "value" escaping only what canonical N-Triples escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        var span = value.AsSpan();
        while (true)
        {
            var idx = IndexOfStringSpecial(span);
            if (idx < 0) { sb.Append(span); break; }
            sb.Append(span[..idx]).Append(StringEscape(span[idx]));
            span = span[(idx + 1)..];
        }
        sb.Append('"');
    }
}
