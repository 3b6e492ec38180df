using Graph.Rdf;

namespace Graph.Formats.Tests;

[TestClass]
public sealed class IriTests
{
    [TestMethod]
    [DataRow("http://ex/a#b", true)]
    [DataRow("urn:isbn:123", true)]
    [DataRow("http://ex/\u0645\u062d\u0627\u062f\u062b\u0627\u062a", true)]
    [DataRow("relative/path", false)]
    [DataRow("http://ex/a b", false)]
    [DataRow("http://ex/<a>", false)]
    [DataRow("http://ex/a\\b", false)]
    [DataRow("http://ex/a\u0085", false)]
    public void ValidationAcceptsOnlyAbsoluteIrisWithAllowedCharacters(string iri, bool valid)
        => Assert.AreEqual(valid, Iri.IsValid(iri), Iri.Validate(iri));

    [TestMethod]
    [DataRow("http://a/b/c/d;p?q", "../../../../g", "http://a/g")]
    [DataRow("http://a/b", "", "http://a/b")]
    [DataRow("http://a", "b", "http://a/b")]
    [DataRow("urn:ex:a", "#frag", "urn:ex:a#frag")]
    [DataRow("file:///dir/f.ttl", "other.ttl", "file:///dir/other.ttl")]
    [DataRow("http://a/b?q#f", "#g", "http://a/b?q#g")]
    public void EdgeCasesResolve(string baseIri, string reference, string expected)
        => Assert.AreEqual(expected, Iri.Resolve(baseIri, reference));
}
