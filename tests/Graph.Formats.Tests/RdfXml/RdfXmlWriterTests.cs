using Graph.Formats.RdfXml;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.RdfXml;

[TestClass]
public sealed class RdfXmlWriterTests
{
    private static string Write(IEnumerable<Triple> triples, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var sw = new StringWriter();
        RdfXmlWriter.Write(sw, triples, prefixes);
        return sw.ToString();
    }

    private static List<Quad> Read(string xml, string baseIri = "http://example.org/doc")
    {
        var sink = new ListSink();
        RdfXmlReader.Parse(new StringReader(xml), sink, new RdfXmlReaderOptions { BaseIri = baseIri });
        return sink.Quads;
    }

    [TestMethod]
    public void EveryW3cEvalResultSurvivesAWriteAndReadRoundTrip()
    {
        var dir = SharedPaths.InShared("w3c", "rdf11", "rdf-xml");
        var files = Directory.GetFiles(dir, "*.nt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.IsGreaterThan(100, files.Count);
        foreach (var f in files)
        {
            var quads = RdfReader.ReadQuads(f, RdfFormat.NTriples);
            string xml;
            try
            {
                xml = Write(quads.Select(q => q.Triple));
            }
            catch (RdfXmlWriteException)
            {
                // Only predicates without an XML-name ending may be refused.
                Assert.IsTrue(quads.Any(q => !char.IsLetter(q.Predicate.Value[^1]) && q.Predicate.Value[^1] != '_' && !char.IsDigit(q.Predicate.Value[^1])), f);
                continue;
            }
            Assert.IsTrue(Isomorphism.AreIsomorphic(Read(xml), quads), f + "\n" + xml);
        }
    }

    [TestMethod]
    public void SameTriplesGiveByteIdenticalOutput()
    {
        var s = new IriNode("http://example.org/s");
        Triple[] triples =
        [
            new(s, new IriNode("http://example.org/p"), LiteralNode.LangString("مرحبا", "ar")),
            new(s, new IriNode("http://xmlns.com/foaf/0.1/knows"), new BlankNode("x")),
            new(new BlankNode("x"), new IriNode("http://example.org/p"), LiteralNode.Typed("1", Vocab.Xsd.Integer)),
        ];
        var prefixes = new Dictionary<string, string> { ["ex"] = "http://example.org/" };
        var first = Write(triples, prefixes);
        Assert.AreEqual(first, Write(triples, prefixes));
        StringAssert.Contains(first, "xmlns:ex=\"http://example.org/\"");
        StringAssert.Contains(first, "<ex:p xml:lang=\"ar\">مرحبا</ex:p>");
        StringAssert.Contains(first, "xmlns:ns1=\"http://xmlns.com/foaf/0.1/\"");
        Assert.IsTrue(Isomorphism.AreIsomorphic(Read(first), triples.Select(t => new Quad(t))));
    }

    [TestMethod]
    public void APredicateWithoutAnXmlNameEndingIsRefused()
    {
        var t = new Triple(new IriNode("http://example.org/s"), new IriNode("http://example.org/123/"), new LiteralNode("x"));
        Assert.ThrowsExactly<RdfXmlWriteException>(() => Write([t]));
    }

    [TestMethod]
    public void SpecialCharactersAreEscaped()
    {
        var t = new Triple(new IriNode("http://example.org/s?a=1&b=2"), new IriNode("http://example.org/p"), new LiteralNode("<a> & \"b\"\r\n"));
        var xml = Write([t]);
        var back = Read(xml);
        Assert.AreEqual(t, back.Single().Triple);
    }
}
