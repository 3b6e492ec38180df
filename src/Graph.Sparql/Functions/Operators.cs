using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>The SPARQL operators (§17.3): arithmetic with numeric type promotion, comparison, EBV and the ORDER BY order.</summary>
public static class Operators
{
    public static INode Add(INode a, INode b) => Arithmetic(a, b, '+');
    public static INode Subtract(INode a, INode b) => Arithmetic(a, b, '-');
    public static INode Multiply(INode a, INode b) => Arithmetic(a, b, '*');
    public static INode Divide(INode a, INode b) => Arithmetic(a, b, '/');

    /// <summary>Unary minus.</summary>
    public static INode Negate(INode a)
    {
        var x = Numeric.From(a, "unary -");
        return (x.Type switch
        {
            NumericType.Integer => Numeric.FromInteger(-x.IntegerValue),
            NumericType.Decimal => Numeric.FromDecimal(-x.DecimalValue),
            NumericType.Float => Numeric.FromFloat(-x.DoubleValue),
            _ => Numeric.FromDouble(-x.DoubleValue),
        }).ToLiteral();
    }

    /// <summary>Unary plus: the same numeric value (an error for non-numerics).</summary>
    public static INode Plus(INode a)
    {
        Numeric.From(a, "unary +");
        return a;
    }

    /// <summary>Binary arithmetic on two numerics: both are promoted to the wider type; integer division gives a decimal.</summary>
    public static Numeric Arithmetic(Numeric x, Numeric y, char op)
    {
        var type = (NumericType)Math.Max((byte)x.Type, (byte)y.Type);
        if (op == '/' && type == NumericType.Integer) type = NumericType.Decimal;
        x = x.PromoteTo(type);
        y = y.PromoteTo(type);
        try
        {
            switch (type)
            {
                case NumericType.Integer:
                    return Numeric.FromInteger(op switch
                    {
                        '+' => x.IntegerValue + y.IntegerValue,
                        '-' => x.IntegerValue - y.IntegerValue,
                        _ => x.IntegerValue * y.IntegerValue,
                    });
                case NumericType.Decimal:
                    if (op == '/' && y.DecimalValue == 0) throw new ExpressionError("Division by zero.");
                    return Numeric.FromDecimal(op switch
                    {
                        '+' => x.DecimalValue + y.DecimalValue,
                        '-' => x.DecimalValue - y.DecimalValue,
                        '*' => x.DecimalValue * y.DecimalValue,
                        _ => x.DecimalValue / y.DecimalValue,
                    });
                default:
                    var d = op switch
                    {
                        '+' => x.DoubleValue + y.DoubleValue,
                        '-' => x.DoubleValue - y.DoubleValue,
                        '*' => x.DoubleValue * y.DoubleValue,
                        _ => x.DoubleValue / y.DoubleValue,
                    };
                    return type == NumericType.Float ? Numeric.FromFloat(d) : Numeric.FromDouble(d);
            }
        }
        catch (OverflowException e)
        {
            throw new ExpressionError("Numeric overflow in xsd:decimal arithmetic.", e);
        }
    }

    private static INode Arithmetic(INode a, INode b, char op) =>
        Arithmetic(Numeric.From(a, op.ToString()), Numeric.From(b, op.ToString()), op).ToLiteral();

    /// <summary>
    /// The = operator: value equality for numerics, strings, booleans and dates; RDF term equality otherwise.
    /// Two literals that are different terms and that cannot be compared by value (an unknown datatype or an
    /// ill-formed lexical form) are an error, as RDFterm-equal says. Literals of known but disjoint value spaces
    /// ("1" and 1, a date and a dateTime, a language-tagged string and anything else) are unequal, as the W3C
    /// open-world tests (open-eq-*, date-2) expect. A date/time pair whose order is indeterminate (one with a
    /// timezone, one without, within 14 hours) is an error.
    /// </summary>
    public static bool ValueEquals(INode a, INode b)
    {
        if (a is not LiteralNode x || b is not LiteralNode y)
        {
            if (a is TripleNode ta && b is TripleNode tb) return TripleEquals(ta, tb);
            return a.Equals(b);
        }
        // Value comparison comes first: NaN is a term equal to itself but not a value equal to itself.
        var cx = Category(x);
        if (cx != ValueCategory.None && cx == Category(y)) return CompareSameCategory(x, y, cx, forEquality: true) == 0;
        if (x.Equals(y)) return true;
        if (x.Language is not null || y.Language is not null) return false;
        if (cx != ValueCategory.None && Category(y) != ValueCategory.None) return false;
        throw new ExpressionError("Cannot compare " + x + " and " + y + ": not the same term and no common value space.");
    }

    private static bool TripleEquals(TripleNode a, TripleNode b)
    {
        // Triple terms are equal when their components are (§ RDF 1.2 SPARQL: sameTerm on each, value = on objects).
        var ta = a.Triple;
        var tb = b.Triple;
        return ta.Subject.Equals(tb.Subject) && ta.Predicate.Equals(tb.Predicate) && ValueEquals(ta.Object, tb.Object);
    }

    /// <summary>&lt; &gt; &lt;= &gt;=: numerics, strings (by code point), booleans, dateTimes and dates; an error otherwise.</summary>
    public static int Compare(INode a, INode b)
    {
        if (a is LiteralNode x && b is LiteralNode y && x.Language is null && y.Language is null)
        {
            var cx = Category(x);
            if (cx != ValueCategory.None && cx == Category(y)) return CompareSameCategory(x, y, cx, forEquality: false);
        }
        throw new ExpressionError("Cannot order " + StringArgs.Describe(a) + " and " + StringArgs.Describe(b) + ".");
    }

    internal enum ValueCategory : byte { None, Numeric, String, Boolean, DateTime, Date }

    internal static ValueCategory Category(LiteralNode l) => ValueOf(l).Category;

    /// <summary>A literal's comparable value, parsed once: the category and the parsed date or number.</summary>
    private sealed class LiteralValue(LiteralNode node, ValueCategory category)
    {
        public readonly LiteralNode Node = node;
        public readonly ValueCategory Category = category;
        public XsdDateTime Date;
        public decimal Instant;
        public Numeric Number;
        public bool Boolean;
    }

    private const int ValueCacheSize = 1 << 12;

    // Comparisons in filters and ORDER BY meet the same literal objects again and again (a query's constants, the
    // store's cached terms); parsing each lexical form once per object, not once per comparison, is what keeps a
    // date-range FILTER cheap. Literals are immutable, so an entry keyed by the object never goes stale.
    [ThreadStatic] private static LiteralValue?[]? t_values;

    /// <summary>The numeric value of a literal of category <see cref="ValueCategory.Numeric"/>.</summary>
    internal static Numeric NumberOf(LiteralNode l) => ValueOf(l).Number;

    private static LiteralValue ValueOf(LiteralNode l)
    {
        var cache = t_values ??= new LiteralValue?[ValueCacheSize];
        var slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(l) & (ValueCacheSize - 1);
        var entry = cache[slot];
        if (entry is not null && ReferenceEquals(entry.Node, l)) return entry;
        entry = Parse(l);
        cache[slot] = entry;
        return entry;
    }

    private static LiteralValue Parse(LiteralNode l)
    {
        if (l.Language is not null) return new LiteralValue(l, ValueCategory.None);
        var dt = l.Datatype.Value;
        if (dt == Vocab.Xsd.String) return new LiteralValue(l, ValueCategory.String);
        if (dt == Vocab.Xsd.Boolean)
            return XsdLexical.TryParseBoolean(l.Value, out var b) ? new LiteralValue(l, ValueCategory.Boolean) { Boolean = b } : new LiteralValue(l, ValueCategory.None);
        if (dt == Vocab.Xsd.DateTime || dt == Vocab.Xsd.Date)
        {
            var isDate = dt == Vocab.Xsd.Date;
            var ok = isDate ? XsdDateTime.TryParseDate(l.Value, out var d) : XsdDateTime.TryParseDateTime(l.Value, out d);
            return ok
                ? new LiteralValue(l, isDate ? ValueCategory.Date : ValueCategory.DateTime) { Date = d, Instant = d.InstantSeconds }
                : new LiteralValue(l, ValueCategory.None);
        }
        if (XsdNames.IsNumericType(dt))
            return Numeric.TryFrom(l, out var n) ? new LiteralValue(l, ValueCategory.Numeric) { Number = n } : new LiteralValue(l, ValueCategory.None);
        return new LiteralValue(l, ValueCategory.None);
    }

    private static int CompareSameCategory(LiteralNode x, LiteralNode y, ValueCategory c, bool forEquality)
    {
        switch (c)
        {
            case ValueCategory.String:
                return CodePointOrder(x.Value, y.Value);
            case ValueCategory.Boolean:
                return ValueOf(x).Boolean.CompareTo(ValueOf(y).Boolean);
            case ValueCategory.DateTime:
            case ValueCategory.Date:
            {
                var vx = ValueOf(x);
                var vy = ValueOf(y);
                var r = XsdDateTime.Compare(vx.Instant, vx.Date.TimezoneMinutes.HasValue, vy.Instant, vy.Date.TimezoneMinutes.HasValue);
                if (r is int k) return k;
                throw new ExpressionError("The order of " + x + " and " + y + " is indeterminate (one has a timezone, the other not).");
            }
            default:
                var cmp = CompareNumeric(ValueOf(x).Number, ValueOf(y).Number);
                if (cmp is int n) return n;
                // NaN: unequal to everything, and not ordered.
                if (forEquality) return 1;
                throw new ExpressionError("NaN cannot be ordered.");
        }
    }

    /// <summary>Orders UTF-16 strings by code point (ordinal UTF-16 order differs for characters above U+FFFF).</summary>
    internal static int CodePointOrder(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] == b[i]) continue;
            var sa = char.IsSurrogate(a[i]);
            var sb = char.IsSurrogate(b[i]);
            if (sa == sb) return a[i] < b[i] ? -1 : 1;
            return sa ? 1 : -1;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Numeric comparison after promotion; null when either is NaN.</summary>
    public static int? CompareNumeric(Numeric x, Numeric y)
    {
        var type = (NumericType)Math.Max((byte)x.Type, (byte)y.Type);
        x = x.Type == type ? x : PromoteForCompare(x, type);
        y = y.Type == type ? y : PromoteForCompare(y, type);
        return type switch
        {
            NumericType.Integer => x.IntegerValue.CompareTo(y.IntegerValue),
            NumericType.Decimal => x.DecimalValue.CompareTo(y.DecimalValue),
            _ => double.IsNaN(x.DoubleValue) || double.IsNaN(y.DoubleValue) ? null : x.DoubleValue.CompareTo(y.DoubleValue),
        };
    }

    private static Numeric PromoteForCompare(Numeric v, NumericType type)
    {
        // A huge integer compared with a decimal is compared as a double rather than failing.
        if (type == NumericType.Decimal && v.Type == NumericType.Integer)
        {
            var big = v.IntegerValue;
            if (big > new System.Numerics.BigInteger(decimal.MaxValue) || big < new System.Numerics.BigInteger(decimal.MinValue))
                return Numeric.FromDecimal(big.Sign > 0 ? decimal.MaxValue : decimal.MinValue);
        }
        return v.PromoteTo(type);
    }

    /// <summary>Effective boolean value (§17.2.2); an error for IRIs, blank nodes and literals of other types.</summary>
    public static bool EffectiveBooleanValue(INode n)
    {
        if (n is not LiteralNode l) throw new ExpressionError("No effective boolean value for " + StringArgs.Describe(n) + ".");
        if (l.Language is not null) return l.Value.Length > 0;
        var dt = l.Datatype.Value;
        if (dt == Vocab.Xsd.String) return l.Value.Length > 0;
        if (dt == Vocab.Xsd.Boolean)
            return XsdLexical.TryParseBoolean(l.Value, out var b) ? b : false;
        if (XsdNames.IsNumericType(dt))
        {
            if (!Numeric.TryFrom(l, out var v)) return false;
            return v.Type switch
            {
                NumericType.Integer => !v.IntegerValue.IsZero,
                NumericType.Decimal => v.DecimalValue != 0,
                _ => !(double.IsNaN(v.DoubleValue) || v.DoubleValue == 0),
            };
        }
        throw new ExpressionError("No effective boolean value for " + l + ".");
    }

    /// <summary>sameTerm: RDF term equality.</summary>
    public static bool SameTerm(INode a, INode b) => a.Equals(b);

    /// <summary>
    /// The ORDER BY order (§15.1): unbound &lt; blank nodes &lt; IRIs &lt; literals &lt; triple terms. Literals that
    /// compare by value are ordered by value; the rest by a fixed ranking of kinds and then lexically, so the
    /// order is total and deterministic.
    /// </summary>
    public static int OrderCompare(INode? a, INode? b) => TermOrder.Compare(a, b);
}
