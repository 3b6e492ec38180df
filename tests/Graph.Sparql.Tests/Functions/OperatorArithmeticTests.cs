using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

[TestClass]
public sealed class OperatorArithmeticTests
{
    [TestMethod]
    public void IntegerPlusIntegerIsAnInteger() =>
        Assert.AreEqual(T.Int(3), Operators.Add(T.Int(1), T.Int(2)));

    [TestMethod]
    public void IntegerPlusDecimalIsADecimalInCanonicalForm() =>
        Assert.AreEqual(T.Dec("2.5"), Operators.Add(T.Int(1), T.Dec("1.50")));

    [TestMethod]
    public void DecimalResultsWithoutFractionKeepOneZeroDigit() =>
        Assert.AreEqual(T.Dec("2.0"), Operators.Add(T.Dec("1.5"), T.Dec("0.5")));

    [TestMethod]
    public void IntegerDivisionGivesADecimal() =>
        Assert.AreEqual(T.Dec("1.5"), Operators.Divide(T.Int(3), T.Int(2)));

    [TestMethod]
    public void IntegerDivisionByZeroIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Divide(T.Int(1), T.Int(0)));

    [TestMethod]
    public void DoubleDivisionByZeroIsInfinity() =>
        Assert.AreEqual(T.Dbl("INF"), Operators.Divide(T.Dbl("1.0E0"), T.Int(0)));

    [TestMethod]
    public void ZeroDividedByZeroAsDoubleIsNaN() =>
        Assert.AreEqual(T.Dbl("NaN"), Operators.Divide(T.Dbl("0"), T.Dbl("0")));

    [TestMethod]
    public void DoublesUseTheCanonicalExponentForm()
    {
        Assert.AreEqual(T.Dbl("4.0E-1"), Operators.Multiply(T.Dbl("0.2"), T.Int(2)));
        Assert.AreEqual(T.Dbl("3.0E4"), Operators.Multiply(T.Dbl("3"), T.Int(10000)));
        Assert.AreEqual(T.Dbl("1.0E0"), Operators.Add(T.Dbl("0.5"), T.Dbl("0.5")));
    }

    [TestMethod]
    public void FloatPlusIntegerIsAFloat() =>
        Assert.AreEqual(T.Flt("1.5E0"), Operators.Add(T.Flt("0.5"), T.Int(1)));

    [TestMethod]
    public void FloatPlusDoubleIsADouble() =>
        Assert.AreEqual(Vocab.Xsd.Double, ((LiteralNode)Operators.Add(T.Flt("0.5"), T.Dbl("1"))).Datatype.Value);

    [TestMethod]
    public void DerivedIntegerTypesPromoteToInteger() =>
        Assert.AreEqual(T.Int(300), Operators.Multiply(T.Typed("30", "short"), T.Typed("10", "byte")));

    [TestMethod]
    public void IntegersDoNotOverflow() =>
        Assert.AreEqual(T.Typed("85070591730234615847396907784232501249", "integer"),
            Operators.Multiply(T.Typed("9223372036854775807", "integer"), T.Typed("9223372036854775807", "integer")));

    [TestMethod]
    public void ArithmeticOnAStringIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Add(T.Str("1"), T.Int(1)));

    [TestMethod]
    public void ArithmeticOnAnIllFormedIntegerIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Add(T.Typed("abc", "integer"), T.Int(1)));

    [TestMethod]
    public void NegationKeepsTheType()
    {
        Assert.AreEqual(T.Int(-5), Operators.Negate(T.Int(5)));
        Assert.AreEqual(T.Dec("-1.5"), Operators.Negate(T.Dec("1.5")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Negate(T.Iri("http://x/")));
    }

    [TestMethod]
    public void UnaryPlusOfANonNumberIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Plus(T.Str("a")));
}
