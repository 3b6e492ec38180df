using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Sparql.Functions;

/// <summary>
/// XPath/XQuery regular expressions (F&amp;O 3.1 §5.6) on .NET: flag handling, translation of the few constructs that
/// differ, and protection from catastrophic backtracking (the linear-time engine when the pattern allows it, a
/// match timeout otherwise).
/// </summary>
public static class XPathRegex
{
    /// <summary>How long one backtracking match may run before it becomes an expression error.</summary>
    public static TimeSpan MatchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // One entry per (pattern, flags): its plain-text matcher when it has one, else its compiled regex. A plain
    // dictionary under a lock: ConcurrentDictionary.Count takes every lock and, the first time, sets up an event
    // source by reflection, which a one-shot `kg query` process pays for in full.
    private static readonly Dictionary<(string, string), Matcher> s_cache = [];
    private const int CacheLimit = 512;

    // A FILTER's pattern is usually one constant, the same string object on every row: remembering the last entry
    // per thread and comparing by reference skips the lock and the hashing of the pattern for each row.
    [ThreadStatic] private static Matcher? t_last;

    private sealed class Matcher(string pattern, string flags)
    {
        public readonly string Pattern = pattern;
        public readonly string Flags = flags;
        public readonly PlainText? Plain = PlainText.Of(pattern, flags);
        private Regex? _regex;

        public Regex Regex => _regex ??= Build(Pattern, Flags);
    }

    private static Matcher Lookup(string pattern, string flags)
    {
        var last = t_last;
        if (last is not null && ReferenceEquals(last.Pattern, pattern) && ReferenceEquals(last.Flags, flags)) return last;
        Matcher? m;
        lock (s_cache)
        {
            if (!s_cache.TryGetValue((pattern, flags), out m))
            {
                if (s_cache.Count >= CacheLimit) s_cache.Clear();
                s_cache[(pattern, flags)] = m = new Matcher(pattern, flags);
            }
        }
        return t_last = m;
    }

    /// <summary>The compiled regex for an XPath pattern and flags (cached); an expression error when either is invalid.</summary>
    public static Regex Get(string pattern, string flags) => Lookup(pattern, flags).Regex;

    private static Regex Build(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        bool dotAll = false, multi = false, literal = false, stripSpace = false;
        foreach (var f in flags)
        {
            switch (f)
            {
                case 's': dotAll = true; break;
                case 'm': multi = true; options |= RegexOptions.Multiline; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': stripSpace = true; break;
                case 'q': literal = true; break;
                default: throw new ExpressionError("Invalid regular expression flag '" + f + "' in \"" + flags + "\" (allowed: s m i x q).");
            }
        }
        var net = literal ? Regex.Escape(pattern) : Translate(stripSpace ? StripWhitespace(pattern) : pattern, dotAll, multi);
        try
        {
            return new Regex(net, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Back-references and similar need the backtracking engine; the timeout bounds it instead.
        }
        catch (ArgumentException e)
        {
            throw new ExpressionError("Invalid regular expression \"" + pattern + "\": " + e.Message, e);
        }
        try
        {
            return new Regex(net, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ExpressionError("Invalid regular expression \"" + pattern + "\": " + e.Message, e);
        }
    }

    /// <summary>The x flag: whitespace is removed except inside character class expressions.</summary>
    private static string StripWhitespace(string p)
    {
        var sb = new StringBuilder(p.Length);
        var depth = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length) { sb.Append(c).Append(p[++i]); continue; }
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            if (depth == 0 && c is ' ' or '\t' or '\n' or '\r') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// XPath and .NET agree on most syntax (including class subtraction [a-z-[aeiou]] and \p{IsBlock}); they
    /// differ on '.', '$', \i \c and their negations, which are rewritten here outside character classes.
    /// </summary>
    private static string Translate(string p, bool dotAll, bool multi)
    {
        var sb = new StringBuilder(p.Length + 8);
        var depth = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length) throw new ExpressionError("Invalid regular expression \"" + p + "\": it ends with a lone backslash.");
                var e = p[++i];
                var inClass = depth > 0;
                switch (e)
                {
                    case 'i': sb.Append(inClass ? NameStartChars : "[" + NameStartChars + "]"); break;
                    case 'c': sb.Append(inClass ? NameChars : "[" + NameChars + "]"); break;
                    case 'I' when !inClass: sb.Append("[^" + NameStartChars + "]"); break;
                    case 'C' when !inClass: sb.Append("[^" + NameChars + "]"); break;
                    case 'I' or 'C': throw new ExpressionError("\\" + e + " inside a character class is not supported.");
                    default: sb.Append('\\').Append(e); break;
                }
                continue;
            }
            if (depth > 0)
            {
                if (c == '[') depth++;
                else if (c == ']') depth--;
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    depth = 1;
                    sb.Append(c);
                    // A ']' or '^]' right after the opening bracket is not allowed in XPath; copy as .NET reads it.
                    break;
                case '.':
                    sb.Append(dotAll ? "[\\s\\S]" : "[^\\n\\r]");
                    break;
                case '$':
                    // Without m, XPath's $ matches only at the very end; .NET's would also match before a final newline.
                    sb.Append(multi ? "$" : "\\z");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private const string NameStartChars = "\\p{L}\\p{Nl}_:";
    private const string NameChars = "\\p{L}\\p{Nl}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Pc}_:.\\-\\u00B7";

    /// <summary>
    /// Whether <paramref name="input"/> matches an XPath pattern with flags. A pattern that is plain text (no
    /// metacharacter but a leading ^ or a trailing $) and has no flags, or any pattern with the q flag alone, is
    /// matched by ordinal string search: same answer, and no regex to build or run.
    /// </summary>
    public static bool IsMatch(string pattern, string flags, string input)
    {
        var m = Lookup(pattern, flags);
        return m.Plain is { } plain ? plain.IsMatch(input) : IsMatch(m.Regex, input);
    }

    private sealed class PlainText(string text, bool start, bool end)
    {
        public static PlainText? Of(string pattern, string flags)
        {
            if (flags == "q") return new PlainText(pattern, false, false);
            if (flags.Length != 0) return null;
            var start = pattern.StartsWith('^');
            var end = pattern.Length > (start ? 1 : 0) && pattern.EndsWith('$');
            var body = pattern[(start ? 1 : 0)..(end ? pattern.Length - 1 : pattern.Length)];
            return body.AsSpan().IndexOfAny(@"\.?*+{}()[]|^$") >= 0 ? null : new PlainText(body, start, end);
        }

        public bool IsMatch(string input) => (start, end) switch
        {
            (true, true) => string.Equals(input, text, StringComparison.Ordinal),
            (true, false) => input.StartsWith(text, StringComparison.Ordinal),
            (false, true) => input.EndsWith(text, StringComparison.Ordinal),
            _ => input.Contains(text, StringComparison.Ordinal),
        };
    }

    public static bool IsMatch(Regex re, string input)
    {
        try
        {
            return re.IsMatch(input);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new ExpressionError("The regular expression \"" + re + "\" took longer than " + MatchTimeout.TotalSeconds + " s on one value (catastrophic backtracking?).", e);
        }
    }

    /// <summary>fn:replace: $N refers to group N, \$ and \\ are a literal $ and \; a pattern matching "" is an error.</summary>
    public static string Replace(string pattern, string flags, string input, string replacement)
    {
        var re = Get(pattern, flags);
        if (IsMatch(re, "")) throw new ExpressionError("REPLACE: the pattern \"" + pattern + "\" matches the empty string.");
        var groups = re.GetGroupNumbers().Length - 1;
        var parts = ParseReplacement(replacement, groups, flags.Contains('q'));
        try
        {
            return re.Replace(input, m =>
            {
                var sb = new StringBuilder();
                foreach (var (text, group) in parts)
                {
                    if (group < 0) sb.Append(text);
                    else if (group <= groups && m.Groups[group].Success) sb.Append(m.Groups[group].Value);
                }
                return sb.ToString();
            });
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new ExpressionError("REPLACE: the regular expression \"" + pattern + "\" timed out.", e);
        }
    }

    private static List<(string Text, int Group)> ParseReplacement(string r, int groups, bool literal)
    {
        var parts = new List<(string, int)>();
        if (literal) { parts.Add((r, -1)); return parts; }
        var sb = new StringBuilder();
        for (var i = 0; i < r.Length; i++)
        {
            var c = r[i];
            if (c == '\\')
            {
                if (i + 1 < r.Length && r[i + 1] is '\\' or '$') { sb.Append(r[++i]); continue; }
                throw new ExpressionError("REPLACE: in the replacement, '\\' must be followed by '\\' or '$'.");
            }
            if (c == '$')
            {
                if (i + 1 >= r.Length || !char.IsAsciiDigit(r[i + 1]))
                    throw new ExpressionError("REPLACE: in the replacement, '$' must be followed by a group number.");
                // The longest run of digits that names an existing group (F&O: $12 is group 1 then '2' when there is no group 12).
                var n = r[++i] - '0';
                while (i + 1 < r.Length && char.IsAsciiDigit(r[i + 1]) && n * 10 + (r[i + 1] - '0') <= groups)
                    n = n * 10 + (r[++i] - '0');
                if (sb.Length > 0) { parts.Add((sb.ToString(), -1)); sb.Clear(); }
                parts.Add(("", n));
                continue;
            }
            sb.Append(c);
        }
        if (sb.Length > 0) parts.Add((sb.ToString(), -1));
        return parts;
    }
}
