using System.Globalization;
using System.Numerics;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>XSD lexical spaces of the numeric and boolean types, and the canonical forms of computed values.</summary>
public static class XsdLexical
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static readonly LiteralNode True = LiteralNode.Typed("true", Vocab.Xsd.BooleanNode);
    public static readonly LiteralNode False = LiteralNode.Typed("false", Vocab.Xsd.BooleanNode);

    public static LiteralNode Boolean(bool b) => b ? True : False;

    public static LiteralNode IntegerLiteral(BigInteger v) => LiteralNode.Typed(v.ToString(Inv), Vocab.Xsd.IntegerNode);

    public static LiteralNode IntegerLiteral(long v) => LiteralNode.Typed(v.ToString(Inv), Vocab.Xsd.IntegerNode);

    public static LiteralNode DecimalLiteral(decimal v) => LiteralNode.Typed(CanonicalDecimal(v), Vocab.Xsd.DecimalNode);

    public static LiteralNode DoubleLiteral(double v) => LiteralNode.Typed(CanonicalDouble(v), Vocab.Xsd.DoubleNode);

    /// <summary>[+-]?[0-9]+</summary>
    public static bool TryParseInteger(string s, out BigInteger value)
    {
        value = default;
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (i == s.Length) return false;
        for (var j = i; j < s.Length; j++)
            if (!char.IsAsciiDigit(s[j])) return false;
        // Up to 18 digits fit a long: the common case avoids BigInteger.Parse, which dominates sorting and arithmetic.
        if (s.Length - i <= 18)
        {
            long v = 0;
            for (var j = i; j < s.Length; j++) v = v * 10 + (s[j] - '0');
            value = s[0] == '-' ? -v : v;
            return true;
        }
        value = BigInteger.Parse(s.AsSpan(i), NumberStyles.None, Inv);
        if (s[0] == '-') value = -value;
        return true;
    }

    /// <summary>[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+), within System.Decimal's range.</summary>
    public static bool TryParseDecimal(string s, out decimal value)
    {
        value = default;
        if (!IsDecimalLexical(s, 0, s.Length)) return false;
        var text = s[0] == '+' ? s[1..] : s;
        // System.Decimal holds 28-29 significant digits: longer fractions are rounded, larger magnitudes overflow.
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out value);
    }

    private static bool IsDecimalLexical(string s, int start, int end)
    {
        var i = start;
        if (i < end && (s[i] == '+' || s[i] == '-')) i++;
        var digits = 0;
        while (i < end && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < end && s[i] == '.')
        {
            i++;
            while (i < end && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        return digits > 0 && i == end;
    }

    /// <summary>The xsd:double / xsd:float lexical space: decimal with an optional exponent, INF, +INF, -INF, NaN.</summary>
    public static bool TryParseDouble(string s, out double value)
    {
        value = default;
        switch (s)
        {
            case "INF" or "+INF": value = double.PositiveInfinity; return true;
            case "-INF": value = double.NegativeInfinity; return true;
            case "NaN": value = double.NaN; return true;
        }
        var e = s.IndexOfAny(['e', 'E']);
        if (e < 0)
        {
            if (!IsDecimalLexical(s, 0, s.Length)) return false;
        }
        else
        {
            if (!IsDecimalLexical(s, 0, e)) return false;
            var j = e + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            if (j == s.Length) return false;
            for (; j < s.Length; j++)
                if (!char.IsAsciiDigit(s[j])) return false;
        }
        return double.TryParse(s, NumberStyles.Float, Inv, out value);
    }

    public static bool TryParseBoolean(string s, out bool value)
    {
        switch (s)
        {
            case "true" or "1": value = true; return true;
            case "false" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>XSD canonical decimal: no exponent, at least one digit either side of the point ("2.0", "-0.5").</summary>
    public static string CanonicalDecimal(decimal v)
    {
        if (v == 0m) return "0.0";
        return v.ToString("0.0###########################", Inv);
    }

    /// <summary>XSD 1.0 canonical double: one non-zero digit before the point, at least one after, an exponent ("4.0E-1", "1.0E0").</summary>
    public static string CanonicalDouble(double v) => CanonicalFloating(v, v.ToString("R", Inv));

    /// <summary>As <see cref="CanonicalDouble"/>, with the shortest digits that round-trip through single precision.</summary>
    public static string CanonicalFloat(double v) => CanonicalFloating(v, ((float)v).ToString("R", Inv));

    private static string CanonicalFloating(double v, string roundTrip)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "INF";
        if (double.IsNegativeInfinity(v)) return "-INF";
        if (v == 0) return double.IsNegative(v) ? "-0.0E0" : "0.0E0";
        var s = roundTrip;
        var negative = s[0] == '-';
        if (negative) s = s[1..];
        var exp = 0;
        var e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(s[(e + 1)..], NumberStyles.AllowLeadingSign, Inv);
            s = s[..e];
        }
        var dot = s.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            digits = s[..dot] + s[(dot + 1)..];
            exp += dot - 1;
        }
        else
        {
            digits = s;
            exp += s.Length - 1;
        }
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; exp--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]).Append('.');
        sb.Append(digits.Length > 1 ? digits[1..] : "0");
        sb.Append('E').Append(exp.ToString(Inv));
        return sb.ToString();
    }
}
