using System.Globalization;
using System.Numerics;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>The four numeric types of SPARQL's type promotion, in promotion order.</summary>
public enum NumericType : byte
{
    Integer = 0,
    Decimal = 1,
    Float = 2,
    Double = 3,
}

/// <summary>
/// A numeric value: xsd:integer (and its derived types) as a BigInteger, xsd:decimal as System.Decimal
/// (28 significant digits; beyond that is an error rather than a silent loss), xsd:float and xsd:double as double
/// (floats rounded to single precision).
/// </summary>
public readonly struct Numeric
{
    private Numeric(NumericType type, BigInteger i, decimal m, double d)
    {
        Type = type;
        IntegerValue = i;
        DecimalValue = m;
        DoubleValue = d;
    }

    public NumericType Type { get; }
    public BigInteger IntegerValue { get; }
    public decimal DecimalValue { get; }
    public double DoubleValue { get; }

    public static Numeric FromInteger(BigInteger v) => new(NumericType.Integer, v, 0, 0);
    public static Numeric FromDecimal(decimal v) => new(NumericType.Decimal, 0, v, 0);
    public static Numeric FromDouble(double v) => new(NumericType.Double, 0, 0, v);
    public static Numeric FromFloat(double v) => new(NumericType.Float, 0, 0, (float)v);

    public bool IsNaN => Type >= NumericType.Float && double.IsNaN(DoubleValue);

    /// <summary>This value in a wider type (promotion); integer→decimal can overflow System.Decimal, which is an error.</summary>
    public Numeric PromoteTo(NumericType target)
    {
        if (target == Type) return this;
        if (target < Type) throw new InvalidOperationException("Numeric promotion only widens.");
        return target switch
        {
            NumericType.Decimal => FromDecimal(IntegerToDecimal(IntegerValue)),
            NumericType.Float => FromFloat(AsDouble()),
            _ => FromDouble(AsDouble()),
        };
    }

    public double AsDouble() => Type switch
    {
        NumericType.Integer => (double)IntegerValue,
        NumericType.Decimal => (double)DecimalValue,
        _ => DoubleValue,
    };

    internal static decimal IntegerToDecimal(BigInteger v)
    {
        if (v > new BigInteger(decimal.MaxValue) || v < new BigInteger(decimal.MinValue))
            throw new ExpressionError("Integer " + v.ToString(CultureInfo.InvariantCulture) + " is too large for xsd:decimal arithmetic.");
        return (decimal)v;
    }

    /// <summary>The literal with this value's type and canonical lexical form.</summary>
    public LiteralNode ToLiteral() => Type switch
    {
        NumericType.Integer => XsdLexical.IntegerLiteral(IntegerValue),
        NumericType.Decimal => XsdLexical.DecimalLiteral(DecimalValue),
        NumericType.Float => LiteralNode.Typed(XsdLexical.CanonicalFloat(DoubleValue), XsdNames.FloatNode),
        _ => XsdLexical.DoubleLiteral(DoubleValue),
    };

    /// <summary>The numeric value of a literal of a numeric datatype with a valid lexical form; false otherwise.</summary>
    public static bool TryFrom(INode node, out Numeric value)
    {
        value = default;
        if (node is not LiteralNode lit || lit.Language is not null) return false;
        var dt = lit.Datatype.Value;
        if (dt == Vocab.Xsd.Double)
        {
            if (!XsdLexical.TryParseDouble(lit.Value, out var d)) return false;
            value = FromDouble(d);
            return true;
        }
        if (dt == Vocab.Xsd.Float)
        {
            if (!XsdLexical.TryParseDouble(lit.Value, out var f)) return false;
            value = FromFloat(f);
            return true;
        }
        if (dt == Vocab.Xsd.Decimal)
        {
            if (!XsdLexical.TryParseDecimal(lit.Value, out var m)) return false;
            value = FromDecimal(m);
            return true;
        }
        if (XsdNames.IntegerTypes.TryGetValue(dt, out var range))
        {
            if (!XsdLexical.TryParseInteger(lit.Value, out var i)) return false;
            if (range.Min is { } min && i < min || range.Max is { } max && i > max) return false;
            value = FromInteger(i);
            return true;
        }
        return false;
    }

    /// <summary>The numeric value of a term, or an expression error saying why it has none.</summary>
    public static Numeric From(INode node, string function)
    {
        if (TryFrom(node, out var v)) return v;
        throw new ExpressionError(function + ": expected a numeric literal, got " + node);
    }

    public override string ToString() => ToLiteral().ToString();
}
