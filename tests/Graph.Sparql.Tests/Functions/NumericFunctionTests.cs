using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Expectations from SPARQL 1.1 §17.4.4 and the XPath fn:abs/ceiling/floor/round examples.</summary>
[TestClass]
public sealed class NumericFunctionTests
{
    [TestMethod]
    public void AbsKeepsTheType()
    {
        Assert.AreEqual(T.Int(1), T.Call("ABS", T.Int(1)));
        Assert.AreEqual(T.Dec("1.5"), T.Call("ABS", T.Dec("-1.5")));
        Assert.AreEqual(T.Dbl("2.5E0"), T.Call("ABS", T.Dbl("-2.5")));
    }

    [TestMethod]
    public void CeilOfAnIntegerIsTheSameInteger() =>
        Assert.AreEqual(T.Int(3), T.Call("CEIL", T.Int(3)));

    [TestMethod]
    public void CeilAndFloorOfDecimals()
    {
        Assert.AreEqual(T.Dec("11.0"), T.Call("CEIL", T.Dec("10.5")));
        Assert.AreEqual(T.Dec("-10.0"), T.Call("CEIL", T.Dec("-10.5")));
        Assert.AreEqual(T.Dec("10.0"), T.Call("FLOOR", T.Dec("10.5")));
        Assert.AreEqual(T.Dec("-11.0"), T.Call("FLOOR", T.Dec("-10.5")));
    }

    [TestMethod]
    public void RoundRoundsHalvesTowardsPositiveInfinity()
    {
        Assert.AreEqual(T.Dec("2.0"), T.Call("ROUND", T.Dec("2.4999")));
        Assert.AreEqual(T.Dec("3.0"), T.Call("ROUND", T.Dec("2.5")));
        Assert.AreEqual(T.Dec("-2.0"), T.Call("ROUND", T.Dec("-2.5")));
        Assert.AreEqual(T.Dbl("3.0E0"), T.Call("ROUND", T.Dbl("2.5")));
        Assert.AreEqual(T.Dbl("-2.0E0"), T.Call("ROUND", T.Dbl("-2.5")));
    }

    [TestMethod]
    public void NumericFunctionsRejectNonNumbers()
    {
        foreach (var f in new[] { "ABS", "CEIL", "FLOOR", "ROUND" })
        {
            Assert.ThrowsExactly<ExpressionError>(() => T.Call(f, T.Str("1")), f);
            Assert.ThrowsExactly<ExpressionError>(() => T.Call(f, T.Iri("http://x/")), f);
        }
    }

    [TestMethod]
    public void RandIsADoubleBetweenZeroAndOne()
    {
        var ctx = T.Ctx();
        for (var i = 0; i < 50; i++)
        {
            var r = (LiteralNode)Builtins.Call("RAND", [], ctx);
            Assert.AreEqual(Vocab.Xsd.Double, r.Datatype.Value);
            var v = double.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsTrue(v is >= 0 and < 1, r.Value);
        }
    }

    [TestMethod]
    public void IsNumericNeedsAValidLexicalFormInRange()
    {
        Assert.AreEqual(T.Bool(true), T.Call("ISNUMERIC", T.Int(12)));
        Assert.AreEqual(T.Bool(false), T.Call("ISNUMERIC", T.Str("12")));
        Assert.AreEqual(T.Bool(true), T.Call("ISNUMERIC", T.Typed("1", "nonNegativeInteger")));
        Assert.AreEqual(T.Bool(false), T.Call("ISNUMERIC", T.Typed("1200", "byte")));
        Assert.AreEqual(T.Bool(false), T.Call("ISNUMERIC", T.Iri("http://example/")));
        Assert.AreEqual(T.Bool(false), T.Call("ISNUMERIC", T.Typed("abc", "integer")));
    }
}
