using System.Globalization;
using System.Numerics;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>XSD constructor functions (SPARQL 1.1 §17.5 and the XPath casting rules it refers to).</summary>
public static class Casts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The datatype IRIs that can be called as cast functions.</summary>
    public static IEnumerable<string> Targets =>
        new[] { Vocab.Xsd.String, Vocab.Xsd.Boolean, Vocab.Xsd.Decimal, Vocab.Xsd.Float, Vocab.Xsd.Double, Vocab.Xsd.DateTime, Vocab.Xsd.Date }
            .Concat(XsdNames.IntegerTypes.Keys);

    /// <summary>Casts a term to an XSD type; an expression error when the cast table says no or the value does not fit.</summary>
    public static INode Cast(INode value, string target)
    {
        if (value is IriNode iri)
        {
            if (target == Vocab.Xsd.String) return new LiteralNode(iri.Value);
            throw Fail(value, target, "an IRI can only be cast to xsd:string");
        }
        if (value is not LiteralNode lit) throw Fail(value, target, "only literals and IRIs can be cast");
        if (lit.Language is not null) throw Fail(value, target, "a language-tagged string cannot be cast");
        var source = lit.Datatype.Value;
        var isString = source == Vocab.Xsd.String;
        if (!isString && !IsKnownSource(source)) throw Fail(value, target, "its datatype is not one the cast table covers");
        if (!isString && Operators.Category(lit) == Operators.ValueCategory.None)
            throw Fail(value, target, "its lexical form is not valid for its datatype");

        if (target == Vocab.Xsd.String) return new LiteralNode(isString ? lit.Value : ToXPathString(lit));
        if (XsdNames.IntegerTypes.TryGetValue(target, out var range)) return ToInteger(lit, isString, target, range);
        var text = isString ? lit.Value.Trim(' ', '\t', '\n', '\r') : null;
        switch (target)
        {
            case Vocab.Xsd.Boolean:
                if (text is not null)
                    return XsdLexical.TryParseBoolean(text, out var b) ? XsdLexical.Boolean(b) : throw Fail(value, target, "not a boolean");
                if (source == Vocab.Xsd.Boolean) return XsdLexical.Boolean(Operators.EffectiveBooleanValue(lit));
                if (Numeric.TryFrom(lit, out var nb)) return XsdLexical.Boolean(Operators.EffectiveBooleanValue(lit));
                throw Fail(value, target, "no boolean value");
            case Vocab.Xsd.Decimal:
                if (text is not null)
                    return XsdLexical.TryParseDecimal(text, out var m) ? XsdLexical.DecimalLiteral(m) : throw Fail(value, target, "not an xsd:decimal lexical form");
                return XsdLexical.DecimalLiteral(ToDecimal(lit, target));
            case Vocab.Xsd.Float:
            case Vocab.Xsd.Double:
                double d;
                if (text is not null)
                {
                    if (!XsdLexical.TryParseDouble(text, out d)) throw Fail(value, target, "not a floating-point lexical form");
                }
                else if (source == Vocab.Xsd.Boolean) d = Operators.EffectiveBooleanValue(lit) ? 1 : 0;
                else if (Numeric.TryFrom(lit, out var nd)) d = nd.AsDouble();
                else throw Fail(value, target, "no numeric value");
                return target == Vocab.Xsd.Float ? Numeric.FromFloat(d).ToLiteral() : XsdLexical.DoubleLiteral(d);
            case Vocab.Xsd.DateTime:
                {
                    if (text is not null)
                        return XsdDateTime.TryParseDateTime(text, out var dt) ? LiteralNode.Typed(text, Vocab.Xsd.DateTimeNode) : throw Fail(value, target, "not an xsd:dateTime lexical form");
                    if (XsdDateTime.TryFrom(lit, out var v))
                        return LiteralNode.Typed(new XsdDateTime(v.Year, v.Month, v.Day, v.Hour, v.Minute, v.Second, v.TimezoneMinutes, false).ToString(), Vocab.Xsd.DateTimeNode);
                    throw Fail(value, target, "no date/time value");
                }
            case Vocab.Xsd.Date:
                {
                    if (text is not null)
                        return XsdDateTime.TryParseDate(text, out _) ? LiteralNode.Typed(text, Vocab.Xsd.DateNode) : throw Fail(value, target, "not an xsd:date lexical form");
                    if (XsdDateTime.TryFrom(lit, out var v))
                        return LiteralNode.Typed(new XsdDateTime(v.Year, v.Month, v.Day, 0, 0, 0, v.TimezoneMinutes, true).ToString(), Vocab.Xsd.DateNode);
                    throw Fail(value, target, "no date value");
                }
            default:
                throw Fail(value, target, "unknown cast target");
        }
    }

    private static bool IsKnownSource(string dt) =>
        dt == Vocab.Xsd.Boolean || dt == Vocab.Xsd.DateTime || dt == Vocab.Xsd.Date || XsdNames.IsNumericType(dt);

    private static ExpressionError Fail(INode value, string target, string why) =>
        new("Cannot cast " + StringArgs.Describe(value) + " to <" + target + ">: " + why + ".");

    private static LiteralNode ToInteger(LiteralNode lit, bool isString, string target, (BigInteger? Min, BigInteger? Max) range)
    {
        BigInteger i;
        if (isString)
        {
            if (!XsdLexical.TryParseInteger(lit.Value.Trim(' ', '\t', '\n', '\r'), out i)) throw Fail(lit, target, "not an integer lexical form");
        }
        else if (lit.Datatype.Value == Vocab.Xsd.Boolean) i = Operators.EffectiveBooleanValue(lit) ? 1 : 0;
        else if (Numeric.TryFrom(lit, out var n))
        {
            switch (n.Type)
            {
                case NumericType.Integer: i = n.IntegerValue; break;
                case NumericType.Decimal: i = new BigInteger(decimal.Truncate(n.DecimalValue)); break;
                default:
                    if (double.IsNaN(n.DoubleValue) || double.IsInfinity(n.DoubleValue)) throw Fail(lit, target, "NaN and INF have no integer value");
                    i = new BigInteger(Math.Truncate(n.DoubleValue));
                    break;
            }
        }
        else throw Fail(lit, target, "no integer value");
        if (range.Min is { } min && i < min || range.Max is { } max && i > max) throw Fail(lit, target, "out of range");
        return LiteralNode.Typed(i.ToString(Inv), target == Vocab.Xsd.Integer ? Vocab.Xsd.IntegerNode : new IriNode(target));
    }

    private static decimal ToDecimal(LiteralNode lit, string target)
    {
        if (lit.Datatype.Value == Vocab.Xsd.Boolean) return Operators.EffectiveBooleanValue(lit) ? 1m : 0m;
        if (!Numeric.TryFrom(lit, out var n)) throw Fail(lit, target, "no numeric value");
        try
        {
            return n.Type switch
            {
                NumericType.Integer => Numeric.IntegerToDecimal(n.IntegerValue),
                NumericType.Decimal => n.DecimalValue,
                _ => double.IsNaN(n.DoubleValue) || double.IsInfinity(n.DoubleValue)
                    ? throw Fail(lit, target, "NaN and INF have no decimal value")
                    : decimal.Parse(n.Type == NumericType.Float ? ((float)n.DoubleValue).ToString("R", Inv) : n.DoubleValue.ToString("R", Inv), NumberStyles.Float, Inv),
            };
        }
        catch (OverflowException e)
        {
            throw new ExpressionError("Cannot cast " + lit + " to xsd:decimal: out of range.", e);
        }
    }

    /// <summary>XPath's cast to xs:string: canonical forms, with decimals and mid-range doubles written without exponent.</summary>
    internal static string ToXPathString(LiteralNode lit)
    {
        var dt = lit.Datatype.Value;
        if (dt == Vocab.Xsd.Boolean) return Operators.EffectiveBooleanValue(lit) ? "true" : "false";
        if (Numeric.TryFrom(lit, out var n))
        {
            switch (n.Type)
            {
                case NumericType.Integer: return n.IntegerValue.ToString(Inv);
                case NumericType.Decimal: return DecimalNoTrailingZeros(n.DecimalValue);
                default:
                    var d = n.DoubleValue;
                    if (double.IsNaN(d)) return "NaN";
                    if (double.IsInfinity(d)) return d > 0 ? "INF" : "-INF";
                    if (d == 0) return double.IsNegative(d) ? "-0" : "0";
                    var abs = Math.Abs(d);
                    var shortest = n.Type == NumericType.Float ? ((float)d).ToString("R", Inv) : d.ToString("R", Inv);
                    if (abs >= 1e-6 && abs < 1e6)
                        return DecimalNoTrailingZeros(decimal.Parse(shortest, NumberStyles.Float, Inv));
                    return n.Type == NumericType.Float ? XsdLexical.CanonicalFloat(d) : XsdLexical.CanonicalDouble(d);
            }
        }
        return lit.Value;
    }

    private static string DecimalNoTrailingZeros(decimal m) => m == 0 ? "0" : m.ToString("0.############################", Inv);
}
