using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Expectations are the examples of SPARQL 1.1 §17.4.3 and XPath F&amp;O fn:replace.</summary>
[TestClass]
public sealed class StringFunctionTests
{
    private static readonly LiteralNode XsdStr = T.Typed("foobar", "string");

    [TestMethod]
    public void StrlenCountsCharactersOfAnyStringLiteral()
    {
        Assert.AreEqual(T.Int(4), T.Call("STRLEN", T.Str("chat")));
        Assert.AreEqual(T.Int(4), T.Call("STRLEN", T.Lang("chat", "en")));
        Assert.AreEqual(T.Int(4), T.Call("STRLEN", T.Typed("chat", "string")));
    }

    [TestMethod]
    public void StrlenCountsCharactersBeyondTheBasicPlaneOnce() =>
        Assert.AreEqual(T.Int(3), T.Call("STRLEN", T.Str("a\U0001F600b")));

    [TestMethod]
    public void StrlenOfANumberIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLEN", T.Int(12)));

    [TestMethod]
    public void SubstrKeepsTheLanguageTag()
    {
        Assert.AreEqual(T.Str("bar"), T.Call("SUBSTR", T.Str("foobar"), T.Int(4)));
        Assert.AreEqual(T.Lang("bar", "en"), T.Call("SUBSTR", T.Lang("foobar", "en"), T.Int(4)));
        Assert.AreEqual(T.Str("b"), T.Call("SUBSTR", T.Str("foobar"), T.Int(4), T.Int(1)));
        Assert.AreEqual(T.Lang("b", "en"), T.Call("SUBSTR", T.Lang("foobar", "en"), T.Int(4), T.Int(1)));
    }

    [TestMethod]
    public void SubstrFollowsXPathRoundingAndOutOfRangePositions()
    {
        // fn:substring("12345", 1.5, 2.6) = "234"; fn:substring("12345", 0, 3) = "12"; fn:substring("12345", -3, 5) = "1".
        Assert.AreEqual(T.Str("234"), T.Call("SUBSTR", T.Str("12345"), T.Dec("1.5"), T.Dec("2.6")));
        Assert.AreEqual(T.Str("12"), T.Call("SUBSTR", T.Str("12345"), T.Int(0), T.Int(3)));
        Assert.AreEqual(T.Str("1"), T.Call("SUBSTR", T.Str("12345"), T.Int(-3), T.Int(5)));
    }

    [TestMethod]
    public void SubstrCountsCodePoints() =>
        Assert.AreEqual(T.Str("\U0001F600b"), T.Call("SUBSTR", T.Str("a\U0001F600b"), T.Int(2)));

    [TestMethod]
    public void CaseMappingKeepsTheTag()
    {
        Assert.AreEqual(T.Str("FOO"), T.Call("UCASE", T.Str("foo")));
        Assert.AreEqual(T.Lang("FOO", "en"), T.Call("UCASE", T.Lang("foo", "en")));
        Assert.AreEqual(T.Str("bar"), T.Call("LCASE", T.Str("BAR")));
        Assert.AreEqual(T.Lang("bar", "en"), T.Call("LCASE", T.Lang("BAR", "en")));
    }

    [TestMethod]
    public void StrstartsAcceptsCompatibleArguments()
    {
        Assert.AreEqual(T.Bool(true), T.Call("STRSTARTS", T.Str("foobar"), T.Str("foo")));
        Assert.AreEqual(T.Bool(true), T.Call("STRSTARTS", T.Lang("foobar", "en"), T.Lang("foo", "en")));
        Assert.AreEqual(T.Bool(true), T.Call("STRSTARTS", XsdStr, T.Typed("foo", "string")));
        Assert.AreEqual(T.Bool(true), T.Call("STRSTARTS", XsdStr, T.Str("foo")));
        Assert.AreEqual(T.Bool(true), T.Call("STRSTARTS", T.Lang("foobar", "en"), T.Str("foo")));
        Assert.AreEqual(T.Bool(false), T.Call("STRSTARTS", T.Str("foobar"), T.Str("bar")));
    }

    [TestMethod]
    public void IncompatibleArgumentsAreErrors()
    {
        // §17.4.3.1.1: "abc" with "b"@cy, and "abc"@en with "b"@cy, are not compatible.
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRSTARTS", T.Str("abc"), T.Lang("b", "cy")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("CONTAINS", T.Lang("abc", "en"), T.Lang("b", "cy")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRENDS", T.Str("abc"), T.Int(1)));
    }

    [TestMethod]
    public void ContainsAndStrendsFindSubstrings()
    {
        Assert.AreEqual(T.Bool(true), T.Call("CONTAINS", T.Str("foobar"), T.Str("bar")));
        Assert.AreEqual(T.Bool(true), T.Call("STRENDS", T.Str("foobar"), T.Str("bar")));
        Assert.AreEqual(T.Bool(false), T.Call("CONTAINS", T.Str("foobar"), T.Str("baz")));
    }

    [TestMethod]
    public void StrbeforeFollowsTheSpecExamples()
    {
        Assert.AreEqual(T.Str("a"), T.Call("STRBEFORE", T.Str("abc"), T.Str("b")));
        Assert.AreEqual(T.Lang("a", "en"), T.Call("STRBEFORE", T.Lang("abc", "en"), T.Str("bc")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRBEFORE", T.Lang("abc", "en"), T.Lang("b", "cy")));
        Assert.AreEqual(T.Typed("", "string"), T.Call("STRBEFORE", T.Typed("abc", "string"), T.Str("")));
        Assert.AreEqual(T.Str(""), T.Call("STRBEFORE", T.Str("abc"), T.Str("xyz")));
        Assert.AreEqual(T.Str(""), T.Call("STRBEFORE", T.Lang("abc", "en"), T.Lang("z", "en")));
        Assert.AreEqual(T.Str(""), T.Call("STRBEFORE", T.Lang("abc", "en"), T.Str("z")));
        Assert.AreEqual(T.Lang("", "en"), T.Call("STRBEFORE", T.Lang("abc", "en"), T.Lang("", "en")));
        Assert.AreEqual(T.Lang("", "en"), T.Call("STRBEFORE", T.Lang("abc", "en"), T.Str("")));
    }

    [TestMethod]
    public void StrafterFollowsTheSpecExamples()
    {
        Assert.AreEqual(T.Str("c"), T.Call("STRAFTER", T.Str("abc"), T.Str("b")));
        Assert.AreEqual(T.Lang("c", "en"), T.Call("STRAFTER", T.Lang("abc", "en"), T.Str("ab")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRAFTER", T.Lang("abc", "en"), T.Lang("b", "cy")));
        Assert.AreEqual(T.Typed("abc", "string"), T.Call("STRAFTER", T.Typed("abc", "string"), T.Str("")));
        Assert.AreEqual(T.Str(""), T.Call("STRAFTER", T.Str("abc"), T.Str("xyz")));
        Assert.AreEqual(T.Str(""), T.Call("STRAFTER", T.Lang("abc", "en"), T.Lang("z", "en")));
        Assert.AreEqual(T.Lang("abc", "en"), T.Call("STRAFTER", T.Lang("abc", "en"), T.Lang("", "en")));
        Assert.AreEqual(T.Lang("abc", "en"), T.Call("STRAFTER", T.Lang("abc", "en"), T.Str("")));
    }

    [TestMethod]
    public void EncodeForUriPercentEncodesUtf8()
    {
        Assert.AreEqual(T.Str("Los%20Angeles"), T.Call("ENCODE_FOR_URI", T.Str("Los Angeles")));
        Assert.AreEqual(T.Str("Los%20Angeles"), T.Call("ENCODE_FOR_URI", T.Lang("Los Angeles", "en")));
        // fn:encode-for-uri examples.
        Assert.AreEqual(T.Str("http%3A%2F%2Fwww.example.com%2F00%2FWeather%2FCA%2FLos%2520Angeles%23ocean"),
            T.Call("ENCODE_FOR_URI", T.Str("http://www.example.com/00/Weather/CA/Los%20Angeles#ocean")));
        Assert.AreEqual(T.Str("~b%C3%A9b%C3%A9"), T.Call("ENCODE_FOR_URI", T.Str("~bébé")));
        Assert.AreEqual(T.Str("%D8%B3%D9%84%D8%A7%D9%85"), T.Call("ENCODE_FOR_URI", T.Str("سلام")));
    }

    [TestMethod]
    public void ConcatKeepsACommonTagOnly()
    {
        Assert.AreEqual(T.Str("foobar"), T.Call("CONCAT", T.Str("foo"), T.Str("bar")));
        Assert.AreEqual(T.Lang("foobar", "en"), T.Call("CONCAT", T.Lang("foo", "en"), T.Lang("bar", "en")));
        Assert.AreEqual(T.Typed("foobar", "string"), T.Call("CONCAT", T.Typed("foo", "string"), T.Typed("bar", "string")));
        Assert.AreEqual(T.Str("foobar"), T.Call("CONCAT", T.Lang("foo", "en"), T.Str("bar")));
        Assert.AreEqual(T.Str("foobar"), T.Call("CONCAT", T.Lang("foo", "en"), T.Lang("bar", "fr")));
        Assert.AreEqual(T.Str(""), T.Call("CONCAT"));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("CONCAT", T.Str("a"), T.Iri("http://x/")));
    }

    [TestMethod]
    public void LangMatchesUsesBasicFiltering()
    {
        Assert.AreEqual(T.Bool(true), T.Call("LANGMATCHES", T.Str("fr"), T.Str("FR")));
        Assert.AreEqual(T.Bool(true), T.Call("LANGMATCHES", T.Str("fr-BE"), T.Str("FR")));
        Assert.AreEqual(T.Bool(false), T.Call("LANGMATCHES", T.Str("en"), T.Str("FR")));
        Assert.AreEqual(T.Bool(false), T.Call("LANGMATCHES", T.Str("frx"), T.Str("fr")));
        Assert.AreEqual(T.Bool(true), T.Call("LANGMATCHES", T.Str("en"), T.Str("*")));
        Assert.AreEqual(T.Bool(false), T.Call("LANGMATCHES", T.Str(""), T.Str("*")));
    }

    [TestMethod]
    public void RegexHonoursFlags()
    {
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("Alice"), T.Str("^ali"), T.Str("i")));
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str("Alice"), T.Str("^ali")));
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Lang("Alice", "en"), T.Str("ice$")));
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("a\nb"), T.Str("^b$"), T.Str("m")));
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str("a\nb"), T.Str("a.b")));
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("a\nb"), T.Str("a.b"), T.Str("s")));
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("helloworld"), T.Str("hello world"), T.Str("x")));
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("a.b"), T.Str("."), T.Str("q")));
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str("ab"), T.Str("."), T.Str("q")));
    }

    [TestMethod]
    public void RegexDollarDoesNotMatchBeforeAFinalNewline() =>
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str("abc\n"), T.Str("abc$")));

    [TestMethod]
    public void RegexSupportsCharacterClassSubtraction()
    {
        Assert.AreEqual(T.Bool(true), T.Call("REGEX", T.Str("b"), T.Str("^[a-z-[aeiou]]$")));
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str("e"), T.Str("^[a-z-[aeiou]]$")));
    }

    [TestMethod]
    public void RegexErrors()
    {
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REGEX", T.Str("a"), T.Str("a"), T.Str("z")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REGEX", T.Str("a"), T.Str("(")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REGEX", T.Iri("http://a/"), T.Str("a")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REGEX", T.Str("a"), T.Lang("a", "en")));
    }

    [TestMethod]
    public void CatastrophicPatternsWithoutBackReferencesRunInLinearTime() =>
        Assert.AreEqual(T.Bool(false), T.Call("REGEX", T.Str(new string('a', 5000) + "!"), T.Str("^(a+)+$")));

    [TestMethod]
    public void ABacktrackingPatternThatRunsTooLongIsAnError()
    {
        var saved = XPathRegex.MatchTimeout;
        XPathRegex.MatchTimeout = TimeSpan.FromMilliseconds(50);
        try
        {
            // A back-reference forces the backtracking engine; the nested quantifier makes it exponential.
            var e = Assert.ThrowsExactly<ExpressionError>(() => T.Call("REGEX", T.Str(new string('a', 40) + "!"), T.Str("^(a|aa)+(\\1)$"), T.Str("i")));
            Assert.Contains("took longer", e.Message);
        }
        finally
        {
            XPathRegex.MatchTimeout = saved;
        }
    }

    [TestMethod]
    public void ReplaceFollowsTheSpecExamples()
    {
        Assert.AreEqual(T.Str("aZcd"), T.Call("REPLACE", T.Str("abcd"), T.Str("b"), T.Str("Z")));
        Assert.AreEqual(T.Str("aZaZ"), T.Call("REPLACE", T.Str("abab"), T.Str("B"), T.Str("Z"), T.Str("i")));
        Assert.AreEqual(T.Str("aZb"), T.Call("REPLACE", T.Str("abab"), T.Str("B."), T.Str("Z"), T.Str("i")));
        Assert.AreEqual(T.Lang("aZcd", "en"), T.Call("REPLACE", T.Lang("abcd", "en"), T.Str("b"), T.Str("Z")));
    }

    [TestMethod]
    public void ReplaceFollowsTheXPathExamples()
    {
        Assert.AreEqual(T.Str("a*cada*"), T.Call("REPLACE", T.Str("abracadabra"), T.Str("bra"), T.Str("*")));
        Assert.AreEqual(T.Str("*"), T.Call("REPLACE", T.Str("abracadabra"), T.Str("a.*a"), T.Str("*")));
        Assert.AreEqual(T.Str("*c*bra"), T.Call("REPLACE", T.Str("abracadabra"), T.Str("a.*?a"), T.Str("*")));
        Assert.AreEqual(T.Str("brcdbr"), T.Call("REPLACE", T.Str("abracadabra"), T.Str("a"), T.Str("")));
        Assert.AreEqual(T.Str("abbraccaddabbra"), T.Call("REPLACE", T.Str("abracadabra"), T.Str("a(.)"), T.Str("a$1$1")));
        Assert.AreEqual(T.Str("b"), T.Call("REPLACE", T.Str("AAAA"), T.Str("A+"), T.Str("b")));
        Assert.AreEqual(T.Str("bbbb"), T.Call("REPLACE", T.Str("AAAA"), T.Str("A+?"), T.Str("b")));
        Assert.AreEqual(T.Str("carted"), T.Call("REPLACE", T.Str("darted"), T.Str("^(.*?)d(.*)$"), T.Str("$1c$2")));
    }

    [TestMethod]
    public void ReplaceOfAPatternMatchingTheEmptyStringIsAnError() =>
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REPLACE", T.Str("abracadabra"), T.Str(".*?"), T.Str("$1")));

    [TestMethod]
    public void ReplacementEscapesAreLiteral()
    {
        Assert.AreEqual(T.Str("a$c"), T.Call("REPLACE", T.Str("abc"), T.Str("b"), T.Str("\\$")));
        Assert.AreEqual(T.Str("a\\c"), T.Call("REPLACE", T.Str("abc"), T.Str("b"), T.Str("\\\\")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REPLACE", T.Str("abc"), T.Str("b"), T.Str("$")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("REPLACE", T.Str("abc"), T.Str("b"), T.Str("\\n")));
    }
}
