using Graph.Rdf;

namespace Graph.Store.Tests;

[TestClass]
public sealed class TermInterningTests
{
    private static readonly IriNode S = new("http://example.org/s");
    private static readonly IriNode P = new("http://example.org/p");

    [TestMethod]
    public void LanguageTagsDifferingOnlyInCaseAreOneTerm()
    {
        var store = new QuadStore();
        Assert.IsTrue(store.Add(S, P, LiteralNode.LangString("x", "EN")));
        Assert.IsFalse(store.Add(S, P, LiteralNode.LangString("x", "en")), "\"x\"@en is the same literal as \"x\"@EN");
        Assert.AreEqual(1, store.QuadCount);
        Assert.IsTrue(store.Contains(new Quad(S, P, LiteralNode.LangString("x", "En"))));
        Assert.IsTrue(store.Terms.TryGetId(LiteralNode.LangString("x", "en"), out var lower));
        Assert.IsTrue(store.Terms.TryGetId(LiteralNode.LangString("x", "EN"), out var upper));
        Assert.AreEqual(lower, upper);
        Assert.AreEqual("EN", ((LiteralNode)store.Terms.GetTerm(lower)).Language, "the spelling seen first is kept");
    }

    [TestMethod]
    public void LanguageTagsThatDifferAreDifferentTerms()
    {
        var terms = new TermDictionary();
        var a = terms.GetOrAdd(LiteralNode.LangString("x", "en"));
        var b = terms.GetOrAdd(LiteralNode.LangString("x", "en-GB"));
        var c = terms.GetOrAdd(LiteralNode.LangString("y", "en"));
        Assert.AreEqual(3, new[] { a, b, c }.Distinct().Count());
    }

    [TestMethod]
    public void BaseDirectionIsPartOfTheLiteral()
    {
        var terms = new TermDictionary();
        var plain = terms.GetOrAdd(LiteralNode.LangString("سلام", "ar"));
        var rtl = terms.GetOrAdd(LiteralNode.LangString("سلام", "ar", "rtl"));
        var ltr = terms.GetOrAdd(LiteralNode.LangString("سلام", "ar", "ltr"));
        Assert.AreEqual(3, new[] { plain, rtl, ltr }.Distinct().Count());
        var back = (LiteralNode)terms.GetTerm(rtl);
        Assert.AreEqual("rtl", back.Direction);
        Assert.AreEqual("ar", back.Language);
        Assert.AreEqual("سلام", back.Value);
        Assert.AreEqual(rtl, terms.GetOrAdd(LiteralNode.LangString("سلام", "AR", "rtl")));
    }

    [TestMethod]
    public void EveryKindOfTermRoundTripsThroughItsId()
    {
        INode[] nodes =
        [
            new IriNode("http://example.org/é/日本"),
            new BlankNode("b1"),
            new LiteralNode(""),
            new LiteralNode("line\nbreak \"quoted\""),
            LiteralNode.Typed("42", Vocab.Xsd.Integer),
            LiteralNode.Typed("2024-01-01", "http://www.w3.org/2001/XMLSchema#date"),
            LiteralNode.LangString("bonjour", "fr"),
            LiteralNode.LangString("مرحبا", "ar", "rtl"),
            new LiteralNode("lone \uD800 surrogate"),
            new LiteralNode("emoji 😀"),
            new TripleNode(new Triple(new IriNode("http://example.org/a"), P, LiteralNode.Typed("1", Vocab.Xsd.Integer))),
            new TripleNode(new Triple(new BlankNode("x"), P, new TripleNode(new Triple(S, P, new LiteralNode("deep"))))),
        ];
        var terms = new TermDictionary();
        var ids = nodes.Select(terms.GetOrAdd).ToList();
        Assert.AreEqual(nodes.Length, ids.Distinct().Count());
        for (var i = 0; i < nodes.Length; i++)
        {
            Assert.AreEqual(nodes[i], terms.GetTerm(ids[i]), "round trip of " + nodes[i]);
            Assert.AreEqual(nodes[i].Kind, terms.KindOf(ids[i]));
            Assert.IsTrue(terms.TryGetId(nodes[i], out var again));
            Assert.AreEqual(ids[i], again);
            Assert.AreEqual(ids[i], terms.GetOrAdd(nodes[i]), "adding twice gives the same id");
        }
    }

    [TestMethod]
    public void KindsWithTheSameTextAreDifferentTerms()
    {
        var terms = new TermDictionary();
        var iri = terms.GetOrAdd(new IriNode("x:a"));
        var blank = terms.GetOrAdd(new BlankNode("x:a"));
        var literal = terms.GetOrAdd(new LiteralNode("x:a"));
        var typed = terms.GetOrAdd(LiteralNode.Typed("x:a", "http://example.org/dt"));
        Assert.AreEqual(4, new[] { iri, blank, literal, typed }.Distinct().Count());
    }

    [TestMethod]
    public void AnXsdStringLiteralIsTheSimpleLiteral()
    {
        var terms = new TermDictionary();
        Assert.AreEqual(terms.GetOrAdd(new LiteralNode("v")), terms.GetOrAdd(LiteralNode.Typed("v", Vocab.Xsd.String)));
    }

    [TestMethod]
    public void UnknownTermsHaveNoIdAndLookingThemUpAddsNothing()
    {
        var terms = new TermDictionary();
        terms.GetOrAdd(S);
        Assert.IsFalse(terms.TryGetId(new IriNode("http://example.org/other"), out _));
        Assert.IsFalse(terms.TryGetId(LiteralNode.Typed("1", "http://example.org/unknown-datatype"), out _));
        Assert.IsFalse(terms.TryGetId(new TripleNode(new Triple(S, P, S)), out _));
        Assert.AreEqual(1, terms.Count);
    }

    [TestMethod]
    public void TheDefaultGraphIdAndUnusedIdsNameNoTerm()
    {
        var terms = new TermDictionary();
        var id = terms.GetOrAdd(S);
        Assert.AreEqual(2, id, "ids start after the wildcard (0) and the default graph (1)");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => terms.GetTerm(IQuadSource.DefaultGraph));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => terms.GetTerm(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => terms.GetTerm(id + 1));
    }

    [TestMethod]
    public void ManyTermsAndALargeLiteralSurviveTableAndChunkGrowth()
    {
        var terms = new TermDictionary();
        var big = new LiteralNode(new string('a', 5_000_000));
        var bigId = terms.GetOrAdd(big);
        var ids = Enumerable.Range(0, 50_000).Select(i => terms.GetOrAdd(new IriNode("http://example.org/item/" + i))).ToList();
        Assert.AreEqual(50_001, terms.Count);
        Assert.AreEqual(big, terms.GetTerm(bigId));
        for (var i = 0; i < ids.Count; i += 997)
            Assert.AreEqual("http://example.org/item/" + i, ((IriNode)terms.GetTerm(ids[i])).Value);
    }

    [TestMethod]
    public void BlankNodesAreMatchedByLabel()
    {
        var store = new QuadStore();
        store.Add(new BlankNode("a"), P, new BlankNode("b"));
        Assert.AreEqual(1, store.Count(new BlankNode("a"), null, null));
        Assert.AreEqual(0, store.Count(new BlankNode("b"), null, null));
        Assert.AreEqual(1, store.Count(null, null, new BlankNode("b")));
    }
}
