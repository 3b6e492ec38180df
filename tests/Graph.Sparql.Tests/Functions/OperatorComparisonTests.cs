using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>=, &lt;, EBV and ORDER BY (SPARQL 1.1 §17.2, §17.3, §15.1); the open-world cases follow the W3C open-eq tests.</summary>
[TestClass]
public sealed class OperatorComparisonTests
{
    [TestMethod]
    public void NumbersCompareByValueAcrossTypes()
    {
        Assert.IsTrue(Operators.ValueEquals(T.Int(1), T.Dec("1.0")));
        Assert.IsTrue(Operators.ValueEquals(T.Int(1), T.Dbl("1E0")));
        Assert.IsTrue(Operators.ValueEquals(T.Typed("01", "integer"), T.Int(1)));
        Assert.IsFalse(Operators.ValueEquals(T.Int(1), T.Int(2)));
        Assert.AreEqual(-1, Operators.Compare(T.Int(1), T.Dec("1.5")));
        Assert.AreEqual(1, Operators.Compare(T.Dbl("2"), T.Flt("1.5")));
    }

    [TestMethod]
    public void NaNEqualsNothingAndCannotBeOrdered()
    {
        Assert.IsFalse(Operators.ValueEquals(T.Dbl("NaN"), T.Dbl("NaN")));
        Assert.IsFalse(Operators.ValueEquals(T.Dbl("NaN"), T.Dbl("1")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Compare(T.Dbl("NaN"), T.Dbl("1")));
    }

    [TestMethod]
    public void StringsCompareByCodePoint()
    {
        Assert.IsTrue(Operators.ValueEquals(T.Str("abc"), T.Typed("abc", "string")));
        Assert.AreEqual(-1, Operators.Compare(T.Str("abc"), T.Str("abd")));
        Assert.AreEqual(-1, Operators.Compare(T.Str("B"), T.Str("a")));
        // U+FF61 sorts before U+1F600 by code point, although its UTF-16 unit is larger than the surrogate's.
        Assert.AreEqual(-1, Operators.Compare(T.Str("\uFF61"), T.Str("\U0001F600")));
    }

    [TestMethod]
    public void BooleansCompareFalseBeforeTrue()
    {
        Assert.AreEqual(-1, Operators.Compare(T.Bool(false), T.Bool(true)));
        Assert.IsTrue(Operators.ValueEquals(T.Bool(false), T.Typed("0", "boolean")));
    }

    [TestMethod]
    public void IrisAndBlankNodesAreEqualOnlyToThemselves()
    {
        Assert.IsTrue(Operators.ValueEquals(T.Iri("http://a/"), T.Iri("http://a/")));
        Assert.IsFalse(Operators.ValueEquals(T.Iri("http://a/"), T.Str("http://a/")));
        Assert.IsFalse(Operators.ValueEquals(new BlankNode("a"), new BlankNode("b")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Compare(T.Iri("http://a/"), T.Iri("http://b/")));
    }

    [TestMethod]
    public void LanguageTaggedStringsAreEqualOnlyAsTheSameTerm()
    {
        Assert.IsTrue(Operators.ValueEquals(T.Lang("xyz", "en"), T.Lang("xyz", "EN")));
        Assert.IsFalse(Operators.ValueEquals(T.Lang("xyz", "en"), T.Str("xyz")));
        Assert.IsFalse(Operators.ValueEquals(T.Lang("xyz", "en"), T.Typed("xyz", "http://example/unknown")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Compare(T.Lang("a", "en"), T.Lang("b", "en")));
    }

    [TestMethod]
    public void UnknownOrIllFormedLiteralsThatDifferAreErrors()
    {
        // open-eq-12: "xyz" against "xyz"^^xsd:integer and "xyz"^^:unknown, and those two against each other.
        Assert.ThrowsExactly<ExpressionError>(() => Operators.ValueEquals(T.Str("xyz"), T.Typed("xyz", "integer")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.ValueEquals(T.Str("xyz"), T.Typed("xyz", "http://example/unknown")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.ValueEquals(T.Typed("xyz", "integer"), T.Typed("xyz", "http://example/unknown")));
        Assert.IsTrue(Operators.ValueEquals(T.Typed("xyz", "http://example/unknown"), T.Typed("xyz", "http://example/unknown")));
    }

    [TestMethod]
    public void KnownTypesWithDisjointValueSpacesAreUnequal()
    {
        // open-world date-2: a dateTime is != an xsd:date.
        Assert.IsFalse(Operators.ValueEquals(T.DateTime("2006-08-23T09:00:00+01:00"), T.Typed("2006-08-23", "date")));
        Assert.IsFalse(Operators.ValueEquals(T.Str("1"), T.Int(1)));
        Assert.IsFalse(Operators.ValueEquals(T.Bool(true), T.Int(1)));
    }

    [TestMethod]
    public void DatesWhoseOrderIsIndeterminateCannotBeCompared()
    {
        // open-world date-2: "2006-08-23Z" against "2006-08-23" is an error for = and != alike.
        Assert.ThrowsExactly<ExpressionError>(() => Operators.ValueEquals(T.Typed("2006-08-23Z", "date"), T.Typed("2006-08-23", "date")));
        Assert.IsFalse(Operators.ValueEquals(T.Typed("2001-01-01Z", "date"), T.Typed("2006-08-23", "date")));
        Assert.IsTrue(Operators.ValueEquals(T.Typed("2006-08-23", "date"), T.Typed("2006-08-23", "date")));
    }

    [TestMethod]
    public void StringAndNumberAreNotComparable() =>
        Assert.ThrowsExactly<ExpressionError>(() => Operators.Compare(T.Str("1"), T.Int(1)));

    [TestMethod]
    public void EffectiveBooleanValueFollowsTheSpec()
    {
        Assert.IsTrue(Operators.EffectiveBooleanValue(T.Bool(true)));
        Assert.IsFalse(Operators.EffectiveBooleanValue(T.Typed("abc", "boolean")));
        Assert.IsFalse(Operators.EffectiveBooleanValue(T.Str("")));
        Assert.IsTrue(Operators.EffectiveBooleanValue(T.Str("false")));
        Assert.IsTrue(Operators.EffectiveBooleanValue(T.Lang("x", "en")));
        Assert.IsFalse(Operators.EffectiveBooleanValue(T.Int(0)));
        Assert.IsTrue(Operators.EffectiveBooleanValue(T.Dec("0.1")));
        Assert.IsFalse(Operators.EffectiveBooleanValue(T.Dbl("NaN")));
        Assert.IsFalse(Operators.EffectiveBooleanValue(T.Typed("abc", "integer")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.EffectiveBooleanValue(T.Iri("http://a/")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.EffectiveBooleanValue(new BlankNode("b")));
        Assert.ThrowsExactly<ExpressionError>(() => Operators.EffectiveBooleanValue(T.DateTime("2002-10-10T17:00:00Z")));
    }

    [TestMethod]
    public void OrderByPutsUnboundThenBlankThenIriThenLiteral()
    {
        var terms = new INode?[] { T.Int(2), T.Iri("http://b/"), null, new BlankNode("z"), T.Str("a"), T.Iri("http://a/"), T.Int(1) };
        var sorted = terms.Order(Comparer<INode?>.Create(Operators.OrderCompare)).ToArray();
        CollectionAssert.AreEqual(new INode?[] { null, new BlankNode("z"), T.Iri("http://a/"), T.Iri("http://b/"), T.Int(1), T.Int(2), T.Str("a") }, sorted);
    }

    [TestMethod]
    public void OrderByOrdersNumbersByValueAcrossTypes()
    {
        var terms = new INode?[] { T.Dbl("1.0e1"), T.Dec("2.5"), T.Int(3), T.Flt("-1") };
        var sorted = terms.Order(Comparer<INode?>.Create(Operators.OrderCompare)).ToArray();
        CollectionAssert.AreEqual(new INode?[] { T.Flt("-1"), T.Dec("2.5"), T.Int(3), T.Dbl("1.0e1") }, sorted);
    }

    [TestMethod]
    public void OrderByNeverTiesDistinctTerms()
    {
        Assert.AreNotEqual(0, Operators.OrderCompare(T.Int(1), T.Dec("1.0")));
        Assert.AreNotEqual(0, Operators.OrderCompare(T.Typed("x", "http://e/a"), T.Typed("x", "http://e/b")));
        Assert.AreEqual(0, Operators.OrderCompare(T.Lang("x", "en"), T.Lang("x", "EN")));
        Assert.AreEqual(-Operators.OrderCompare(T.Int(1), T.Dec("1.0")), Operators.OrderCompare(T.Dec("1.0"), T.Int(1)));
    }

    [TestMethod]
    public void OrderByOrdersDateTimesByInstant() =>
        Assert.IsLessThan(0, Operators.OrderCompare(T.DateTime("2002-10-10T17:00:00+05:00"), T.DateTime("2002-10-10T13:00:00Z")));
}
