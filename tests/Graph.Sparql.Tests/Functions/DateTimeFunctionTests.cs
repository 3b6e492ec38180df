using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Expectations from SPARQL 1.1 §17.4.5 (its examples use 2011-01-10T14:45:13.815-05:00).</summary>
[TestClass]
public sealed class DateTimeFunctionTests
{
    private static readonly LiteralNode Example = T.DateTime("2011-01-10T14:45:13.815-05:00");

    [TestMethod]
    public void FieldsOfTheSpecExample()
    {
        Assert.AreEqual(T.Int(2011), T.Call("YEAR", Example));
        Assert.AreEqual(T.Int(1), T.Call("MONTH", Example));
        Assert.AreEqual(T.Int(10), T.Call("DAY", Example));
        Assert.AreEqual(T.Int(14), T.Call("HOURS", Example));
        Assert.AreEqual(T.Int(45), T.Call("MINUTES", Example));
        Assert.AreEqual(T.Dec("13.815"), T.Call("SECONDS", Example));
    }

    [TestMethod]
    public void TimezoneIsADayTimeDuration()
    {
        Assert.AreEqual(T.Typed("-PT5H", "dayTimeDuration"), T.Call("TIMEZONE", Example));
        Assert.AreEqual(T.Typed("PT0S", "dayTimeDuration"), T.Call("TIMEZONE", T.DateTime("2011-01-10T14:45:13.815Z")));
        Assert.AreEqual(T.Typed("PT5H30M", "dayTimeDuration"), T.Call("TIMEZONE", T.DateTime("2011-01-10T14:45:13+05:30")));
    }

    [TestMethod]
    public void TimezoneOfALocalTimeIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("TIMEZONE", T.DateTime("2011-01-10T14:45:13.815")));

    [TestMethod]
    public void TzIsTheTimezoneText()
    {
        Assert.AreEqual(T.Str("-05:00"), T.Call("TZ", Example));
        Assert.AreEqual(T.Str("Z"), T.Call("TZ", T.DateTime("2011-01-10T14:45:13.815Z")));
        Assert.AreEqual(T.Str(""), T.Call("TZ", T.DateTime("2011-01-10T14:45:13.815")));
    }

    [TestMethod]
    public void DateFunctionsRejectOtherTypesAndBadForms()
    {
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("YEAR", T.Str("2011-01-10T14:45:13Z")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("YEAR", T.DateTime("2011-13-10T14:45:13Z")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("DAY", T.DateTime("2011-02-29T00:00:00Z")));
    }

    [TestMethod]
    public void LeapDaysAreValid() =>
        Assert.AreEqual(T.Int(29), T.Call("DAY", T.DateTime("2012-02-29T00:00:00Z")));

    [TestMethod]
    public void NowIsFixedForTheQuery()
    {
        var ctx = T.Ctx();
        var a = Builtins.Call("NOW", [], ctx);
        var b = Builtins.Call("NOW", [], ctx);
        Assert.AreEqual(a, b);
        Assert.AreEqual(T.DateTime("2024-05-06T07:08:09+02:00"), a);
    }

    [TestMethod]
    public void DateTimesWithTimezonesCompareAsInstants()
    {
        // XPath op:dateTime-equal example: 2002-04-02T12:00:00-01:00 equals 2002-04-02T17:00:00+04:00.
        Assert.IsTrue(Operators.ValueEquals(T.DateTime("2002-04-02T12:00:00-01:00"), T.DateTime("2002-04-02T17:00:00+04:00")));
        Assert.AreEqual(-1, Operators.Compare(T.DateTime("2002-04-02T12:00:00Z"), T.DateTime("2002-04-02T12:00:00-01:00")));
    }

    [TestMethod]
    public void LocalAndZonedTimesWithin14HoursHaveNoOrder() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Compare(T.DateTime("2002-04-02T12:00:00"), T.DateTime("2002-04-02T12:00:00Z")));

    [TestMethod]
    public void LocalAndZonedTimesFarApartAreOrdered() =>
        Assert.AreEqual(1, Operators.Compare(T.DateTime("2002-04-03T12:00:00"), T.DateTime("2002-04-02T12:00:00Z")));
}
