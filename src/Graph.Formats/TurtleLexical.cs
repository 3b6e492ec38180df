namespace Graph.Formats;

/// <summary>
/// Which lexical forms Turtle can write bare, and which prefixes and local names need no escaping: the grammar's
/// rules in one place for every writer of Turtle (the general writer and the converter's lean one).
/// </summary>
public static class TurtleLexical
{
    public static bool IsInteger(string s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (i >= s.Length) return false;
        for (; i < s.Length; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    public static bool IsDecimal(string s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        var dot = s.IndexOf('.', i);
        if (dot < 0 || dot == s.Length - 1) return false;
        for (var k = i; k < s.Length; k++) if (k != dot && !char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    public static bool IsDouble(string s)
    {
        var e = s.IndexOfAny(['e', 'E']);
        if (e <= 0 || e == s.Length - 1) return false;
        var mant = s[..e];
        var exp = s[(e + 1)..];
        if (!IsInteger(exp)) return false;
        var i = mant.Length > 0 && (mant[0] == '+' || mant[0] == '-') ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var k = i; k < mant.Length; k++)
        {
            if (char.IsAsciiDigit(mant[k])) digits++;
            else if (mant[k] == '.') dots++;
            else return false;
        }
        return digits > 0 && dots <= 1;
    }

    /// <summary>A PN_LOCAL written without escapes: name characters, ':' and inner '.'.</summary>
    public static bool IsSafeLocalName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return true;
        var c0 = s[0];
        if (!(CharClasses.IsPnCharsU(c0) || c0 == ':' || char.IsAsciiDigit(c0))) return false;
        if (s[^1] == '.') return false;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (!(CharClasses.IsPnChars(c) || c == ':' || c == '.')) return false;
        }
        return true;
    }

    /// <summary>A PN_PREFIX (or the empty prefix) that can be declared as written.</summary>
    public static bool IsValidPrefix(string p)
    {
        if (p.Length == 0) return true;
        if (!CharClasses.IsPnCharsBase(p[0]) || p[^1] == '.') return false;
        foreach (var c in p) if (!(CharClasses.IsPnChars(c) || c == '.')) return false;
        return true;
    }
}
