using Graph.Formats.JsonLd;
using Graph.Rdf;

namespace Graph.Formats.Tests.Properties;

/// <summary>
/// The three cases the round-trip properties used to leave out, now fixed: each one pinned by a fixed example so
/// that it does not depend on the random generator reaching it.
/// </summary>
[TestClass]
public sealed class FormerGapTests
{
    private static List<Quad> RoundTrip(IEnumerable<Quad> quads, RdfFormat format, IReadOnlyDictionary<string, string> prefixes)
    {
        var info = RdfFormats.Get(format);
        var sw = new StringWriter();
        info.Writer!(quads, prefixes, sw);
        var sink = new ListSink();
        RdfReader.ParseString(sw.ToString(), format, "http://example.org/base/", sink, "roundtrip");
        return sink.Quads;
    }

    [TestMethod]
    [DataRow("http://example.org///")]
    [DataRow("http://example.org///x/y")]
    [DataRow("http://example.org//")]
    public void AnIriWhoseSuffixAfterAPrefixStartsWithTwoSlashesIsNotCompactedToThatPrefix(string iri)
    {
        var quad = new Quad(new IriNode(iri), new IriNode("http://example.org/p"), new IriNode(iri), null);
        var prefixes = new Dictionary<string, string> { ["ex"] = "http://example.org/" };
        var back = RoundTrip([quad], RdfFormat.JsonLd, prefixes);
        Assert.AreEqual(quad, back.Single());
        var text = JsonLdWriter.ToJsonLd([quad], prefixes).ToString();
        Assert.DoesNotContain("ex://", text);
        StringAssert.Contains(text, "ex:p");
    }

    [TestMethod]
    [DataRow("ltr")]
    [DataRow("rtl")]
    public void AJsonLdBaseDirectionReadsBackAsADirectionalLanguageTaggedString(string direction)
    {
        var literal = LiteralNode.LangString("مرحبا", "ar", direction);
        var quad = new Quad(new IriNode("http://example.org/s"), new IriNode("http://example.org/p"), literal, null);
        var back = (LiteralNode)RoundTrip([quad], RdfFormat.JsonLd, new Dictionary<string, string>()).Single().Object;
        Assert.AreEqual(direction, back.Direction);
        Assert.AreEqual("ar", back.Language);
        Assert.AreEqual(Vocab.Rdf.DirLangString, back.Datatype.Value);
    }

    [TestMethod]
    public void AJsonLdDirectionWithoutALanguageGivesAPlainStringAsRdf12HasNoSuchLiteral()
    {
        var sink = new ListSink();
        RdfReader.ParseString("{\"@id\": \"http://example.org/s\", \"http://example.org/p\": {\"@value\": \"x\", \"@direction\": \"rtl\"}}",
            RdfFormat.JsonLd, null, sink);
        Assert.AreEqual(LiteralNode.Typed("x", Vocab.Xsd.String), sink.Quads.Single().Object);
    }

    [TestMethod]
    public void TheJsonLdApiStillDropsTheDirectionWithoutAnRdfDirectionOption()
    {
        var sink = new ListSink();
        JsonLdReader.Parse("{\"@id\": \"http://example.org/s\", \"http://example.org/p\": {\"@value\": \"x\", \"@language\": \"ar\", \"@direction\": \"rtl\"}}", sink);
        Assert.AreEqual(LiteralNode.LangString("x", "ar"), sink.Quads.Single().Object);
    }

    [TestMethod]
    [DataRow("http://x/a/.")]
    [DataRow("http://x/a/..")]
    [DataRow("http://x/a/./b/../c")]
    public void AnAbsoluteIriWithDotSegmentsIsKeptAsWrittenInRdfXml(string iri)
    {
        var quad = new Quad(new IriNode(iri), new IriNode("http://example.org/p"), new IriNode(iri), null);
        Assert.AreEqual(quad, RoundTrip([quad], RdfFormat.RdfXml, new Dictionary<string, string>()).Single());
    }

    [TestMethod]
    public void ARelativeRdfXmlReferenceWithDotSegmentsIsStillResolved()
    {
        var sink = new ListSink();
        RdfReader.ParseString("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
              <rdf:Description rdf:about="a/./b/../c"><ex:p rdf:resource="../d"/></rdf:Description>
            </rdf:RDF>
            """, RdfFormat.RdfXml, "http://x/base/", sink);
        var q = sink.Quads.Single();
        Assert.AreEqual("http://x/base/a/c", ((IriNode)q.Subject).Value);
        Assert.AreEqual("http://x/d", ((IriNode)q.Object).Value);
    }
}
