using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Tests.Results;

[TestClass]
public sealed class ResultSetComparerTests
{
    private static IriNode I(string s) => new("http://e/" + s);
    private static BlankNode B(string s) => new(s);
    private static SparqlResultSet Set(string[] vars, params INode?[][] rows) => new(vars, rows);

    [TestMethod]
    public void BagsIgnoreRowOrderButOrderedDoesNot()
    {
        var a = Set(["x"], [I("1")], [I("2")]);
        var b = Set(["x"], [I("2")], [I("1")]);
        Assert.IsTrue(ResultSetComparer.AreEqual(a, b, ordered: false));
        Assert.IsFalse(ResultSetComparer.AreEqual(a, b, ordered: true));
    }

    [TestMethod]
    public void DuplicatesCount()
    {
        var a = Set(["x"], [I("1")], [I("1")], [I("2")]);
        var b = Set(["x"], [I("1")], [I("2")], [I("2")]);
        Assert.IsFalse(ResultSetComparer.AreEqual(a, b, ordered: false));
    }

    [TestMethod]
    public void VariableOrderDoesNotMatter()
    {
        var a = Set(["x", "y"], [I("1"), I("2")]);
        var b = Set(["y", "x"], [I("2"), I("1")]);
        Assert.IsTrue(ResultSetComparer.AreEqual(a, b, ordered: true));
        Assert.IsFalse(ResultSetComparer.AreEqual(a, Set(["x", "z"], [I("1"), I("2")]), ordered: false));
    }

    [TestMethod]
    public void BlankNodesMatchUnderOneConsistentRenaming()
    {
        var a = Set(["x", "y"], [B("a"), I("1")], [B("a"), I("2")], [B("b"), I("3")]);
        var renamed = Set(["x", "y"], [B("q"), I("3")], [B("p"), I("1")], [B("p"), I("2")]);
        var inconsistent = Set(["x", "y"], [B("p"), I("1")], [B("q"), I("2")], [B("r"), I("3")]);
        var merged = Set(["x", "y"], [B("p"), I("1")], [B("p"), I("2")], [B("p"), I("3")]);
        Assert.IsTrue(ResultSetComparer.AreEqual(a, renamed, ordered: false));
        Assert.IsFalse(ResultSetComparer.AreEqual(a, inconsistent, ordered: false));
        Assert.IsFalse(ResultSetComparer.AreEqual(a, merged, ordered: false));
    }

    [TestMethod]
    public void BlankNodeMatchingNeedsBacktracking()
    {
        // The first pairing tried for row (_:a, _:b) is wrong; only a later one is consistent with the rest.
        var a = Set(["x", "y"], [B("a"), B("b")], [B("b"), B("a")], [B("a"), I("1")]);
        var b = Set(["x", "y"], [B("m"), B("n")], [B("n"), B("m")], [B("n"), I("1")]);
        Assert.IsTrue(ResultSetComparer.AreEqual(a, b, ordered: false));
    }

    [TestMethod]
    public void ManyBlankNodeRowsDoNotExhaustTheStack()
    {
        var rows1 = Enumerable.Range(0, 5000).Select(i => new INode?[] { B("a" + i), I(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) }).ToArray();
        var rows2 = Enumerable.Range(0, 5000).Reverse().Select(i => new INode?[] { B("z" + i), I(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) }).ToArray();
        Assert.IsTrue(ResultSetComparer.AreEqual(Set(["x", "y"], rows1), Set(["x", "y"], rows2), ordered: false));
    }

    [TestMethod]
    public void NumericLiteralsOfOneDatatypeCompareByValue()
    {
        var a = Set(["x"], [LiteralNode.Typed("2.0", Vocab.Xsd.Decimal)], [LiteralNode.Typed("1.0E6", Vocab.Xsd.Double)]);
        var b = Set(["x"], [LiteralNode.Typed("2", Vocab.Xsd.Decimal)], [LiteralNode.Typed("1.0e6", Vocab.Xsd.Double)]);
        Assert.IsTrue(ResultSetComparer.AreEqual(a, b, ordered: true));
        var c = Set(["x"], [LiteralNode.Typed("2", Vocab.Xsd.Integer)], [LiteralNode.Typed("1.0e6", Vocab.Xsd.Double)]);
        Assert.IsFalse(ResultSetComparer.AreEqual(a, c, ordered: true), "an integer is not a decimal");
    }

    [TestMethod]
    public void OtherLiteralsCompareExactly()
    {
        Assert.IsFalse(ResultSetComparer.AreEqual(Set(["x"], [new LiteralNode("a")]), Set(["x"], [LiteralNode.LangString("a", "en")]), ordered: false));
        Assert.IsTrue(ResultSetComparer.AreEqual(Set(["x"], [LiteralNode.LangString("a", "en")]), Set(["x"], [LiteralNode.LangString("a", "EN")]), ordered: false));
    }

    [TestMethod]
    public void UnboundDiffersFromBound() =>
        Assert.IsFalse(ResultSetComparer.AreEqual(Set(["x", "y"], [I("1"), null]), Set(["x", "y"], [I("1"), I("2")]), ordered: false));

    [TestMethod]
    public void BooleansCompareAsBooleans()
    {
        Assert.IsTrue(ResultSetComparer.AreEqual(new SparqlResultSet(true), new SparqlResultSet(true), ordered: false));
        Assert.IsFalse(ResultSetComparer.AreEqual(new SparqlResultSet(true), new SparqlResultSet(false), ordered: false));
        Assert.IsFalse(ResultSetComparer.AreEqual(new SparqlResultSet(true), Set(["x"]), ordered: false));
    }

    [TestMethod]
    public void DifferencesAreDescribed() =>
        StringAssert.Contains(ResultSetComparer.Difference(Set(["x"], [I("1")]), Set(["x"], [I("2")]), ordered: false), "http://e/1");
}
