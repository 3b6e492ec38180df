using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Tests.Functions;

/// <summary>Expectations from SPARQL 1.1 §17.4.1, §17.4.2 and §17.4.6, and the RDF 1.2 SPARQL functions.</summary>
[TestClass]
public sealed class TermFunctionTests
{
    [TestMethod]
    public void TermTests()
    {
        Assert.AreEqual(T.Bool(true), T.Call("ISIRI", T.Iri("mailto:alice@work.example")));
        Assert.AreEqual(T.Bool(true), T.Call("ISURI", T.Iri("mailto:alice@work.example")));
        Assert.AreEqual(T.Bool(false), T.Call("ISIRI", T.Str("mailto:alice@work.example")));
        Assert.AreEqual(T.Bool(true), T.Call("ISBLANK", new BlankNode("b")));
        Assert.AreEqual(T.Bool(false), T.Call("ISBLANK", T.Iri("http://x/")));
        Assert.AreEqual(T.Bool(true), T.Call("ISLITERAL", T.Lang("x", "en")));
        Assert.AreEqual(T.Bool(false), T.Call("ISLITERAL", new BlankNode("b")));
    }

    [TestMethod]
    public void StrLangAndDatatype()
    {
        Assert.AreEqual(T.Str("http://example/"), T.Call("STR", T.Iri("http://example/")));
        Assert.AreEqual(T.Str("chat"), T.Call("STR", T.Lang("chat", "en")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STR", new BlankNode("b")));
        Assert.AreEqual(T.Str("en"), T.Call("LANG", T.Lang("Robert", "en")));
        Assert.AreEqual(T.Str(""), T.Call("LANG", T.Str("Robert")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("LANG", T.Iri("http://x/")));
        Assert.AreEqual(Vocab.Xsd.StringNode, T.Call("DATATYPE", T.Str("Robert")));
        Assert.AreEqual(Vocab.Xsd.IntegerNode, T.Call("DATATYPE", T.Int(1)));
        Assert.AreEqual(Vocab.Rdf.LangStringNode, T.Call("DATATYPE", T.Lang("chat", "en")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("DATATYPE", T.Iri("http://x/")));
    }

    [TestMethod]
    public void SameTermIsTermEquality()
    {
        Assert.AreEqual(T.Bool(true), T.Call("SAMETERM", T.Int(1), T.Int(1)));
        Assert.AreEqual(T.Bool(false), T.Call("SAMETERM", T.Int(1), T.Dec("1.0")));
        Assert.AreEqual(T.Bool(false), T.Call("SAMETERM", T.Str("a"), T.Lang("a", "en")));
    }

    [TestMethod]
    public void IriResolvesAgainstTheBase()
    {
        var ctx = T.Ctx("http://example.org/base/");
        Assert.AreEqual(T.Iri("http://example.org/base/rel"), Builtins.Call("IRI", [T.Str("rel")], ctx));
        Assert.AreEqual(T.Iri("http://example.org/x"), Builtins.Call("URI", [T.Str("../x")], ctx));
        Assert.AreEqual(T.Iri("http://other/"), Builtins.Call("IRI", [T.Str("http://other/")], ctx));
        Assert.AreEqual(T.Iri("http://other/"), Builtins.Call("IRI", [T.Iri("http://other/")], ctx));
    }

    [TestMethod]
    public void IriErrors()
    {
        Assert.ThrowsExactly<ExpressionError>(() => Builtins.Call("IRI", [T.Str("rel")], T.Ctx()));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("IRI", T.Int(1)));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("IRI", T.Str("http://a b/")));
    }

    [TestMethod]
    public void BnodeLabelsAreScopedToOneSolution()
    {
        var ctx = T.Ctx();
        var a1 = Builtins.Call("BNODE", [T.Str("a")], ctx);
        var a1Again = Builtins.Call("BNODE", [T.Str("a")], ctx);
        var b1 = Builtins.Call("BNODE", [T.Str("b")], ctx);
        ctx.SolutionId = 2;
        var a2 = Builtins.Call("BNODE", [T.Str("a")], ctx);
        Assert.IsInstanceOfType<BlankNode>(a1);
        Assert.AreEqual(a1, a1Again);
        Assert.AreNotEqual(a1, b1);
        Assert.AreNotEqual(a1, a2);
    }

    [TestMethod]
    public void BnodeWithoutArgumentIsAlwaysFresh()
    {
        var ctx = T.Ctx();
        Assert.AreNotEqual(Builtins.Call("BNODE", [], ctx), Builtins.Call("BNODE", [], ctx));
    }

    [TestMethod]
    public void StrdtAndStrlang()
    {
        Assert.AreEqual(T.Int(123), T.Call("STRDT", T.Str("123"), Vocab.Xsd.IntegerNode));
        Assert.AreEqual(T.Lang("chat", "en"), T.Call("STRLANG", T.Str("chat"), T.Str("en")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRDT", T.Lang("123", "en"), Vocab.Xsd.IntegerNode));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLANG", T.Lang("chat", "en"), T.Str("fr")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLANG", T.Str("chat"), T.Str("")));
    }

    [TestMethod]
    public void UuidsAreVersion4AndDistinct()
    {
        var ctx = T.Ctx();
        var u1 = (IriNode)Builtins.Call("UUID", [], ctx);
        var u2 = (IriNode)Builtins.Call("UUID", [], ctx);
        Assert.AreNotEqual(u1, u2);
        StringAssert.Matches(u1.Value, new System.Text.RegularExpressions.Regex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        var s = (LiteralNode)Builtins.Call("STRUUID", [], ctx);
        Assert.IsTrue(s.IsSimple);
        Assert.AreEqual(36, s.Value.Length);
    }

    [TestMethod]
    public void HashesOfAbc()
    {
        Assert.AreEqual(T.Str("900150983cd24fb0d6963f7d28e17f72"), T.Call("MD5", T.Str("abc")));
        Assert.AreEqual(T.Str("a9993e364706816aba3e25717850c26c9cd0d89d"), T.Call("SHA1", T.Str("abc")));
        Assert.AreEqual(T.Str("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), T.Call("SHA256", T.Str("abc")));
        Assert.AreEqual(T.Str("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"), T.Call("SHA384", T.Str("abc")));
        Assert.AreEqual(T.Str("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"), T.Call("SHA512", T.Str("abc")));
    }

    [TestMethod]
    public void HashesOfLanguageTaggedStringsAreErrors() =>
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("MD5", T.Lang("abc", "en")));

    [TestMethod]
    public void DirectionalLanguageStrings()
    {
        var rtl = LiteralNode.LangString("مرحبا", "ar", "rtl");
        Assert.AreEqual(T.Str("rtl"), T.Call("LANGDIR", rtl));
        Assert.AreEqual(T.Str(""), T.Call("LANGDIR", T.Lang("a", "en")));
        Assert.AreEqual(T.Bool(true), T.Call("HASLANGDIR", rtl));
        Assert.AreEqual(T.Bool(true), T.Call("HASLANG", T.Lang("a", "en")));
        Assert.AreEqual(T.Bool(false), T.Call("HASLANG", T.Str("a")));
        Assert.AreEqual(rtl, T.Call("STRLANGDIR", T.Str("مرحبا"), T.Str("ar"), T.Str("rtl")));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLANGDIR", T.Str("a"), T.Str("en"), T.Str("up")));
    }

    [TestMethod]
    public void TripleTermFunctions()
    {
        var t = T.Call("TRIPLE", T.Iri("http://s/"), T.Iri("http://p/"), T.Int(1));
        Assert.AreEqual(T.Bool(true), T.Call("ISTRIPLE", t));
        Assert.AreEqual(T.Iri("http://s/"), T.Call("SUBJECT", t));
        Assert.AreEqual(T.Iri("http://p/"), T.Call("PREDICATE", t));
        Assert.AreEqual(T.Int(1), T.Call("OBJECT", t));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("TRIPLE", T.Int(1), T.Iri("http://p/"), T.Int(1)));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("SUBJECT", T.Int(1)));
    }

    [TestMethod]
    public void UnknownFunctionsAndWrongArityAreErrors()
    {
        Assert.IsFalse(Builtins.IsKnown("NOPE"));
        Assert.IsTrue(Builtins.IsKnown("STRLEN"));
        Assert.IsTrue(Builtins.IsKnown(Vocab.Xsd.Integer));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("NOPE"));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLEN"));
        Assert.ThrowsExactly<ExpressionError>(() => T.Call("STRLEN", T.Str("a"), T.Str("b")));
    }
}
