using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>Functions on numerics (§17.4.4). Each keeps its argument's type; integer results stay integers.</summary>
internal static class NumericFunctions
{
    public static void Register(Builtins.Registrar add)
    {
        add("ABS", 1, 1, (a, _) => Map(a[0], "ABS", System.Numerics.BigInteger.Abs, Math.Abs, Math.Abs));
        add("CEIL", 1, 1, (a, _) => Map(a[0], "CEIL", i => i, Math.Ceiling, Math.Ceiling));
        add("FLOOR", 1, 1, (a, _) => Map(a[0], "FLOOR", i => i, Math.Floor, Math.Floor));
        // fn:round rounds halves towards positive infinity: round(2.5) = 3, round(-2.5) = -2.
        add("ROUND", 1, 1, (a, _) => Map(a[0], "ROUND", i => i, m => Math.Floor(m + 0.5m), RoundDouble));
        add("RAND", 0, 0, (_, c) => XsdLexical.DoubleLiteral(c.Random.NextDouble()));
    }

    private static double RoundDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return d;
        var r = Math.Floor(d + 0.5);
        // Keep the sign of negative values that round to zero (-0.4 → -0), and exact halves computed without
        // the rounding error of d + 0.5 on large values.
        if (Math.Abs(d) >= 4503599627370496.0) return d;
        return r == 0 && double.IsNegative(d) ? -0.0 : r;
    }

    private static INode Map(INode n, string fn, Func<System.Numerics.BigInteger, System.Numerics.BigInteger> onInt, Func<decimal, decimal> onDec, Func<double, double> onDouble)
    {
        var v = Numeric.From(n, fn);
        return (v.Type switch
        {
            NumericType.Integer => Numeric.FromInteger(onInt(v.IntegerValue)),
            NumericType.Decimal => Numeric.FromDecimal(onDec(v.DecimalValue)),
            NumericType.Float => Numeric.FromFloat(onDouble(v.DoubleValue)),
            _ => Numeric.FromDouble(onDouble(v.DoubleValue)),
        }).ToLiteral();
    }
}
