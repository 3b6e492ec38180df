using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>
/// The shortcuts taken for speed give the answers of the general machinery: plain-text REGEX patterns answered by
/// string search agree with the regex engine, and the hand-written date/time reader accepts exactly the XSD forms.
/// </summary>
[TestClass]
public sealed class FastPathAgreementTests
{
    private static readonly string[] Inputs =
    [
        "", "محمد علي", " محمد", "في أستانا اليوم", "abc", "xabc", "abcx", "ab\nc", "abc\n", "ABC", "a.c", "a+c",
    ];

    [TestMethod]
    [DataRow("^محمد ")]
    [DataRow("أستانا")]
    [DataRow("abc")]
    [DataRow("^abc")]
    [DataRow("abc$")]
    [DataRow("^abc$")]
    [DataRow("^")]
    [DataRow("$")]
    [DataRow("^$")]
    [DataRow("")]
    [DataRow("a c")]
    public void PlainTextPatternsMatchAsTheRegexEngineDoes(string pattern)
    {
        foreach (var input in Inputs)
            Assert.AreEqual(XPathRegex.IsMatch(XPathRegex.Get(pattern, ""), input), XPathRegex.IsMatch(pattern, "", input), $"/{pattern}/ on \"{input}\"");
    }

    [TestMethod]
    [DataRow("a.c", "q")]
    [DataRow("a+c", "q")]
    [DataRow("abc", "i")]
    [DataRow("a.c", "")]
    [DataRow("^a", "m")]
    public void PatternsWithFlagsOrMetacharactersMatchAsTheRegexEngineDoes(string pattern, string flags)
    {
        foreach (var input in Inputs)
            Assert.AreEqual(XPathRegex.IsMatch(XPathRegex.Get(pattern, flags), input), XPathRegex.IsMatch(pattern, flags, input), $"/{pattern}/{flags} on \"{input}\"");
    }

    [TestMethod]
    [DataRow("2019-03-01T10:20:30Z", true)]
    [DataRow("2019-03-01T10:20:30.123456789012345678901234+03:00", true)]
    [DataRow("2019-03-01T10:20:30.5-14:00", true)]
    [DataRow("2019-03-01T10:20:30.", false)]
    [DataRow("2019-03-01T10:20:30+14:01", false)]
    [DataRow("2019-03-01T10:20:30+3:00", false)]
    [DataRow("2019-02-29T10:20:30", false)]
    [DataRow("2020-02-29T10:20:30", true)]
    [DataRow("12345-01-01T00:00:00", true)]
    [DataRow("019-01-01T00:00:00", false)]
    [DataRow("2019-01-01T00:00:60", false)]
    [DataRow("2019-01-01T00:60:00", false)]
    [DataRow("2019-01-01T00:00:00Zx", false)]
    [DataRow("2019-1-01T00:00:00", false)]
    public void DateTimeLexicalForms(string text, bool valid) =>
        Assert.AreEqual(valid, XsdDateTime.TryParseDateTime(text, out _), text);

    [TestMethod]
    public void LongFractionsOfASecondKeepTheirValue()
    {
        Assert.IsTrue(XsdDateTime.TryParseDateTime("2019-03-01T10:20:30.12345678901234567Z", out var exact));
        Assert.AreEqual(30.12345678901234567m, exact.Second);
        Assert.IsTrue(XsdDateTime.TryParseDateTime("2019-03-01T10:20:30.250Z", out var quarter));
        Assert.AreEqual(30.25m, quarter.Second);
    }

    [TestMethod]
    [DataRow("2019-03-01", true)]
    [DataRow("-0044-03-15", true)]
    [DataRow("2019-03-01+03:00", true)]
    [DataRow("2019-03-01T00:00:00", false)]
    [DataRow("2019-13-01", false)]
    [DataRow("2019-03-32", false)]
    [DataRow("2019-03", false)]
    public void DateLexicalForms(string text, bool valid) =>
        Assert.AreEqual(valid, XsdDateTime.TryParseDate(text, out _), text);

    [TestMethod]
    public void ComparingTheSameLiteralsTwiceGivesTheSameOrder()
    {
        var a = T.Typed("2019-03-01", "date");
        var b = T.Typed("2019-09-01", "date");
        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(-1, Math.Sign(Operators.Compare(a, b)));
            Assert.AreEqual(1, Math.Sign(Operators.Compare(b, a)));
        }
    }
}
