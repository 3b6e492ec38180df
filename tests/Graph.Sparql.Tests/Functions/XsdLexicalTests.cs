using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Canonical lexical forms (XML Schema 1.0 Part 2 §3.2.3-§3.2.5) and the lexical spaces of the numeric types.</summary>
[TestClass]
public sealed class XsdLexicalTests
{
    [TestMethod]
    [DataRow(0.4, "4.0E-1")]
    [DataRow(1.0, "1.0E0")]
    [DataRow(100.0, "1.0E2")]
    [DataRow(-0.0025, "-2.5E-3")]
    [DataRow(12345.678, "1.2345678E4")]
    [DataRow(1e300, "1.0E300")]
    [DataRow(0.0, "0.0E0")]
    [DataRow(double.PositiveInfinity, "INF")]
    [DataRow(double.NegativeInfinity, "-INF")]
    [DataRow(double.NaN, "NaN")]
    public void CanonicalDoubles(double value, string expected) => Assert.AreEqual(expected, XsdLexical.CanonicalDouble(value));

    [TestMethod]
    public void CanonicalFloatsUseSinglePrecisionDigits() =>
        Assert.AreEqual("1.0E-1", XsdLexical.CanonicalFloat((float)0.1));

    [TestMethod]
    public void CanonicalDecimalsKeepOneDigitAfterThePoint()
    {
        Assert.AreEqual("2.0", XsdLexical.CanonicalDecimal(2m));
        Assert.AreEqual("1.5", XsdLexical.CanonicalDecimal(1.500m));
        Assert.AreEqual("-0.25", XsdLexical.CanonicalDecimal(-0.25m));
        Assert.AreEqual("0.0", XsdLexical.CanonicalDecimal(-0.0m));
        Assert.AreEqual("123456789012345678901234567.8", XsdLexical.CanonicalDecimal(123456789012345678901234567.8m));
    }

    [TestMethod]
    public void LexicalSpaces()
    {
        Assert.IsTrue(XsdLexical.TryParseInteger("+007", out var i));
        Assert.AreEqual(7, (int)i);
        Assert.IsFalse(XsdLexical.TryParseInteger("1.0", out _));
        Assert.IsFalse(XsdLexical.TryParseInteger(" 1", out _));
        Assert.IsFalse(XsdLexical.TryParseInteger("", out _));
        Assert.IsTrue(XsdLexical.TryParseDecimal(".5", out var d));
        Assert.AreEqual(0.5m, d);
        Assert.IsTrue(XsdLexical.TryParseDecimal("5.", out _));
        Assert.IsFalse(XsdLexical.TryParseDecimal("1e3", out _));
        Assert.IsFalse(XsdLexical.TryParseDecimal(".", out _));
        Assert.IsTrue(XsdLexical.TryParseDouble("-1.5E-3", out var x));
        Assert.AreEqual(-0.0015, x);
        Assert.IsTrue(XsdLexical.TryParseDouble("INF", out _));
        Assert.IsFalse(XsdLexical.TryParseDouble("inf", out _));
        Assert.IsFalse(XsdLexical.TryParseDouble("Infinity", out _));
        Assert.IsFalse(XsdLexical.TryParseDouble("1e", out _));
        Assert.IsFalse(XsdLexical.TryParseDouble("0x10", out _));
    }

    [TestMethod]
    [DataRow("999999999999999999")]
    [DataRow("-999999999999999999")]
    [DataRow("1000000000000000000")]
    [DataRow("-98765432109876543210987654321")]
    [DataRow("+0000000000000000000000042")]
    public void IntegersOfAnyLengthParseExactly(string text)
    {
        Assert.IsTrue(XsdLexical.TryParseInteger(text, out var v));
        Assert.AreEqual(System.Numerics.BigInteger.Parse(text.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [TestMethod]
    public void DateTimeLexicalSpace()
    {
        Assert.IsTrue(XsdDateTime.TryParseDateTime("2002-10-10T12:00:00-05:00", out var v));
        Assert.AreEqual(-300, v.TimezoneMinutes);
        Assert.IsTrue(XsdDateTime.TryParseDateTime("-0044-03-15T12:00:00", out var caesar));
        Assert.AreEqual(-44L, caesar.Year);
        Assert.IsTrue(XsdDateTime.TryParseDateTime("2002-10-10T24:00:00Z", out _));
        Assert.IsFalse(XsdDateTime.TryParseDateTime("2002-10-10T24:00:01Z", out _));
        Assert.IsFalse(XsdDateTime.TryParseDateTime("2002-10-10 12:00:00", out _));
        Assert.IsFalse(XsdDateTime.TryParseDateTime("2002-10-10T12:00:00+15:00", out _));
        Assert.IsFalse(XsdDateTime.TryParseDateTime("02002-10-10T12:00:00", out _));
        Assert.IsTrue(XsdDateTime.TryParseDate("2002-10-10Z", out _));
    }

    [TestMethod]
    public void MidnightAtTheEndOfADayIsTheNextDay()
    {
        XsdDateTime.TryParseDateTime("2002-10-10T24:00:00Z", out var a);
        XsdDateTime.TryParseDateTime("2002-10-11T00:00:00Z", out var b);
        Assert.AreEqual(0, XsdDateTime.Compare(a, b));
    }
}
