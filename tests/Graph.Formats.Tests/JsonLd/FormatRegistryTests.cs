using Graph.Rdf;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>JSON-LD and RDF/XML are found through the shared format registry, by extension, name and media type.</summary>
[TestClass]
public sealed class FormatRegistryTests
{
    [TestMethod]
    [DataRow("doc.jsonld", RdfFormat.JsonLd)]
    [DataRow("onto.rdf", RdfFormat.RdfXml)]
    [DataRow("onto.owl", RdfFormat.RdfXml)]
    [DataRow("onto.xml", RdfFormat.RdfXml)]
    public void TheExtensionSelectsTheFormat(string file, RdfFormat format) => Assert.AreEqual(format, RdfFormats.FromPath(file)?.Format);

    [TestMethod]
    public void NamesAndMediaTypesAreRegistered()
    {
        Assert.AreEqual(RdfFormat.JsonLd, RdfFormats.FromName("jsonld")?.Format);
        Assert.AreEqual(RdfFormat.JsonLd, RdfFormats.FromName("json-ld")?.Format);
        Assert.AreEqual(RdfFormat.RdfXml, RdfFormats.FromName("rdfxml")?.Format);
        Assert.AreEqual(RdfFormat.JsonLd, RdfFormats.FromMediaType("application/ld+json; profile=x")?.Format);
        Assert.AreEqual(RdfFormat.RdfXml, RdfFormats.FromMediaType("application/rdf+xml")?.Format);
    }

    [TestMethod]
    public void RdfXmlReadsThroughTheRegistryWithItsPrefixes()
    {
        const string xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
              <ex:Thing rdf:about="s"><ex:p xml:lang="ar">نص</ex:p></ex:Thing>
            </rdf:RDF>
            """;
        var sink = new ListSink();
        RdfReader.ParseString(xml, RdfFormat.RdfXml, "http://example.org/", sink, "t.rdf");
        Assert.HasCount(2, sink.Quads);
        Assert.AreEqual("http://example.org/", sink.Prefixes["ex"]);
        Assert.Contains(new Quad(new IriNode("http://example.org/s"), new IriNode("http://example.org/p"), LiteralNode.LangString("نص", "ar")), sink.Quads);
    }

    [TestMethod]
    public void JsonLdReadsThroughTheRegistryAndDocumentsNeverShareBlankNodes()
    {
        const string json = """{"@context": {"ex": "http://example.org/"}, "ex:p": {"ex:q": "v"}}""";
        var a = new ListSink();
        var b = new ListSink();
        RdfReader.ParseString(json, RdfFormat.JsonLd, null, a);
        RdfReader.ParseString(json, RdfFormat.JsonLd, null, b);
        Assert.HasCount(2, a.Quads);
        Assert.AreEqual("http://example.org/", a.Prefixes["ex"]);
        var blanksA = a.Quads.SelectMany(q => new[] { q.Subject, q.Object }).OfType<BlankNode>().ToHashSet();
        var blanksB = b.Quads.SelectMany(q => new[] { q.Subject, q.Object }).OfType<BlankNode>().ToHashSet();
        Assert.IsFalse(blanksA.Overlaps(blanksB));
    }

    [TestMethod]
    public void BothWritersAreRegisteredAndRoundTrip()
    {
        var quads = new List<Quad>
        {
            new(new IriNode("http://example.org/s"), new IriNode("http://example.org/p"), LiteralNode.Typed("1", Vocab.Xsd.Integer)),
            new(new IriNode("http://example.org/s"), Vocab.Rdf.TypeNode, new IriNode("http://example.org/C")),
        };
        var prefixes = new Dictionary<string, string> { ["ex"] = "http://example.org/" };
        foreach (var format in new[] { RdfFormat.JsonLd, RdfFormat.RdfXml })
        {
            var sw = new StringWriter();
            RdfFormats.Get(format).Writer!(quads, prefixes, sw);
            var back = new ListSink();
            RdfReader.ParseString(sw.ToString(), format, "http://example.org/", back);
            Assert.IsTrue(Isomorphism.AreIsomorphic(quads, back.Quads), format + ":\n" + sw);
        }
    }
}
