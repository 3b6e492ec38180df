using Graph.Rdf;

namespace Graph.Rdf.Tests;

[TestClass]
public sealed class IriResolutionTests
{
    private const string Base = "http://a/b/c/d;p?q";

    // RFC 3986 §5.4: normal and abnormal examples.
    [TestMethod]
    [DataRow("g:h", "g:h")]
    [DataRow("g", "http://a/b/c/g")]
    [DataRow("./g", "http://a/b/c/g")]
    [DataRow("g/", "http://a/b/c/g/")]
    [DataRow("/g", "http://a/g")]
    [DataRow("//g", "http://g")]
    [DataRow("?y", "http://a/b/c/d;p?y")]
    [DataRow("g?y", "http://a/b/c/g?y")]
    [DataRow("#s", "http://a/b/c/d;p?q#s")]
    [DataRow("g#s", "http://a/b/c/g#s")]
    [DataRow(";x", "http://a/b/c/;x")]
    [DataRow("", "http://a/b/c/d;p?q")]
    [DataRow(".", "http://a/b/c/")]
    [DataRow("./", "http://a/b/c/")]
    [DataRow("..", "http://a/b/")]
    [DataRow("../g", "http://a/b/g")]
    [DataRow("../..", "http://a/")]
    [DataRow("../../g", "http://a/g")]
    [DataRow("../../../g", "http://a/g")]
    [DataRow("/./g", "http://a/g")]
    [DataRow("/../g", "http://a/g")]
    [DataRow("g.", "http://a/b/c/g.")]
    [DataRow(".g", "http://a/b/c/.g")]
    [DataRow("g..", "http://a/b/c/g..")]
    [DataRow("./../g", "http://a/b/g")]
    [DataRow("./g/.", "http://a/b/c/g/")]
    [DataRow("g/./h", "http://a/b/c/g/h")]
    [DataRow("g/../h", "http://a/b/c/h")]
    [DataRow("g;x=1/./y", "http://a/b/c/g;x=1/y")]
    [DataRow("g;x=1/../y", "http://a/b/c/y")]
    [DataRow("g?y/./x", "http://a/b/c/g?y/./x")]
    [DataRow("g#s/../x", "http://a/b/c/g#s/../x")]
    [DataRow("http:g", "http:g")]
    public void ReferencesResolveAsRfc3986Says(string reference, string expected)
        => Assert.AreEqual(expected, Iri.Resolve(Base, reference));

    [TestMethod]
    public void LanguageTagsCompareCaseInsensitively()
        => Assert.AreEqual<INode>(LiteralNode.LangString("x", "EN-gb"), LiteralNode.LangString("x", "en-GB"));

    [TestMethod]
    public void BaseDirectionIsPartOfTheLiteral()
    {
        Assert.AreNotEqual<INode>(LiteralNode.LangString("x", "ar", "rtl"), LiteralNode.LangString("x", "ar"));
        Assert.AreEqual("\"x\"@ar--rtl", LiteralNode.LangString("x", "ar", "rtl").ToString());
    }
}
