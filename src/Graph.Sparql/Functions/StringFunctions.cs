using System.Globalization;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>Functions on strings (§17.4.3), with the language-tag rules of §17.4.3.1.</summary>
internal static class StringFunctions
{
    public static void Register(Builtins.Registrar add)
    {
        add("STRLEN", 1, 1, (a, _) => XsdLexical.IntegerLiteral(StringArgs.CodePointLength(StringArgs.String(a[0], "STRLEN").Value)));
        add("SUBSTR", 2, 3, (a, _) => Substr(a));
        add("UCASE", 1, 1, (a, _) => MapCase(a[0], "UCASE", upper: true));
        add("LCASE", 1, 1, (a, _) => MapCase(a[0], "LCASE", upper: false));
        add("STRSTARTS", 2, 2, (a, _) => { var (x, y) = StringArgs.Compatible(a[0], a[1], "STRSTARTS"); return XsdLexical.Boolean(x.Value.StartsWith(y.Value, StringComparison.Ordinal)); });
        add("STRENDS", 2, 2, (a, _) => { var (x, y) = StringArgs.Compatible(a[0], a[1], "STRENDS"); return XsdLexical.Boolean(x.Value.EndsWith(y.Value, StringComparison.Ordinal)); });
        add("CONTAINS", 2, 2, (a, _) => { var (x, y) = StringArgs.Compatible(a[0], a[1], "CONTAINS"); return XsdLexical.Boolean(x.Value.Contains(y.Value, StringComparison.Ordinal)); });
        add("STRBEFORE", 2, 2, (a, _) => Before(a[0], a[1]));
        add("STRAFTER", 2, 2, (a, _) => After(a[0], a[1]));
        add("CONCAT", 0, int.MaxValue, (a, _) => Concat(a));
        add("ENCODE_FOR_URI", 1, 1, (a, _) => new LiteralNode(EncodeForUri(StringArgs.String(a[0], "ENCODE_FOR_URI").Value)));
        add("LANGMATCHES", 2, 2, (a, _) => XsdLexical.Boolean(LangMatches(StringArgs.Simple(a[0], "LANGMATCHES"), StringArgs.Simple(a[1], "LANGMATCHES"))));
        add("REGEX", 2, 3, (a, _) => Regex(a));
        add("REPLACE", 3, 4, (a, _) => Replace(a));
    }

    private static LiteralNode MapCase(INode n, string fn, bool upper)
    {
        var l = StringArgs.String(n, fn);
        return StringArgs.Like(l, upper ? l.Value.ToUpperInvariant() : l.Value.ToLowerInvariant());
    }

    /// <summary>fn:substring: 1-based code-point positions, with XPath's rounding of the start and length.</summary>
    private static LiteralNode Substr(IReadOnlyList<INode> a)
    {
        var l = StringArgs.String(a[0], "SUBSTR");
        var start = Numeric.From(a[1], "SUBSTR").AsDouble();
        var len = a.Count > 2 ? Numeric.From(a[2], "SUBSTR").AsDouble() : double.PositiveInfinity;
        var cps = CodePoints(l.Value);
        var first = RoundHalfUp(start);
        var end = first + RoundHalfUp(len);
        var sb = new StringBuilder();
        for (var p = 1; p <= cps.Length; p++)
            if (p >= first && p < end) sb.Append(cps[p - 1]);
        return StringArgs.Like(l, sb.ToString());
    }

    private static double RoundHalfUp(double d) => double.IsInfinity(d) || double.IsNaN(d) ? d : Math.Floor(d + 0.5);

    internal static string[] CodePoints(string s)
    {
        var list = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else list.Add(s[i].ToString());
        }
        return [.. list];
    }

    private static LiteralNode Before(INode a, INode b)
    {
        var (x, y) = StringArgs.Compatible(a, b, "STRBEFORE");
        var i = x.Value.IndexOf(y.Value, StringComparison.Ordinal);
        // No match gives the empty simple literal; a match keeps the first argument's tag, even when empty.
        return i < 0 ? new LiteralNode("") : StringArgs.Like(x, x.Value[..i]);
    }

    private static LiteralNode After(INode a, INode b)
    {
        var (x, y) = StringArgs.Compatible(a, b, "STRAFTER");
        var i = x.Value.IndexOf(y.Value, StringComparison.Ordinal);
        return i < 0 ? new LiteralNode("") : StringArgs.Like(x, x.Value[(i + y.Value.Length)..]);
    }

    private static LiteralNode Concat(IReadOnlyList<INode> a)
    {
        var sb = new StringBuilder();
        string? lang = null;
        string? dir = null;
        var sameTag = true;
        for (var i = 0; i < a.Count; i++)
        {
            var l = StringArgs.String(a[i], "CONCAT");
            sb.Append(l.Value);
            if (i == 0) { lang = l.Language; dir = l.Direction; }
            else if (!string.Equals(lang, l.Language, StringComparison.OrdinalIgnoreCase) || dir != l.Direction) sameTag = false;
        }
        return sameTag && lang is not null ? LiteralNode.LangString(sb.ToString(), lang, dir) : new LiteralNode(sb.ToString());
    }

    /// <summary>fn:encode-for-uri: percent-encodes the UTF-8 bytes of everything but A-Z a-z 0-9 - _ . ~</summary>
    internal static string EncodeForUri(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>RFC 4647 basic filtering, as langMatches defines it; "*" matches any non-empty tag.</summary>
    internal static bool LangMatches(string tag, string range)
    {
        if (range == "*") return tag.Length > 0;
        if (tag.Length < range.Length) return false;
        if (!tag.StartsWith(range, StringComparison.OrdinalIgnoreCase)) return false;
        return tag.Length == range.Length || tag[range.Length] == '-';
    }

    private static LiteralNode Regex(IReadOnlyList<INode> a)
    {
        var text = StringArgs.String(a[0], "REGEX");
        var pattern = StringArgs.Simple(a[1], "REGEX");
        var flags = a.Count > 2 ? StringArgs.Simple(a[2], "REGEX") : "";
        return XsdLexical.Boolean(XPathRegex.IsMatch(pattern, flags, text.Value));
    }

    private static LiteralNode Replace(IReadOnlyList<INode> a)
    {
        var text = StringArgs.String(a[0], "REPLACE");
        var pattern = StringArgs.Simple(a[1], "REPLACE");
        var replacement = StringArgs.Simple(a[2], "REPLACE");
        var flags = a.Count > 3 ? StringArgs.Simple(a[3], "REPLACE") : "";
        return StringArgs.Like(text, XPathRegex.Replace(pattern, flags, text.Value, replacement));
    }
}
