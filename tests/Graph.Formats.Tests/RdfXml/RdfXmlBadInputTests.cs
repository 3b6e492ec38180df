using System.Text;
using Graph.Formats.RdfXml;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.RdfXml;

[TestClass]
public sealed class RdfXmlBadInputTests
{
    private static string DataFile(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Formats.Tests", "RdfXml", "BadInput", name);

    private static RdfParseException ParseFails(string path)
    {
        var sink = new CountingSink();
        var ex = Assert.ThrowsExactly<RdfParseException>(() => RdfXmlReader.ParseFile(path, sink, "http://example.org/doc"));
        Assert.AreEqual(0, sink.Count);
        return ex;
    }

    [TestMethod]
    public void BillionLaughsIsRejectedBeforeAnyEntityIsExpanded()
    {
        var ex = ParseFails(DataFile("billion-laughs.rdf"));
        StringAssert.Contains(ex.Message, "DTD");
        Assert.IsTrue(ex.Line is 1 or 2, ex.Describe());
        StringAssert.StartsWith(ex.Describe(), DataFile("billion-laughs.rdf") + ":");
    }

    [TestMethod]
    public void ExternalEntitiesAreNeverResolved()
    {
        var ex = ParseFails(DataFile("external-entity.rdf"));
        StringAssert.Contains(ex.Message, "DTD");
    }

    [TestMethod]
    public void DeepNestingGivesAClearErrorInsteadOfAStackOverflow()
    {
        const int depth = 100_000;
        var sb = new StringBuilder("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">");
        for (var i = 0; i < depth; i++) sb.Append("<ex:Node><ex:p>");
        for (var i = 0; i < depth; i++) sb.Append("</ex:p></ex:Node>");
        sb.Append("</rdf:RDF>");
        var ex = Assert.ThrowsExactly<RdfParseException>(() => RdfXmlReader.Parse(new StringReader(sb.ToString()), new CountingSink(), new RdfXmlReaderOptions { BaseIri = "http://example.org/" }));
        StringAssert.Contains(ex.Message, "nested more than");
    }

    [TestMethod]
    public void MalformedXmlReportsLineAndColumn()
    {
        const string xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <rdf:Description>\n</rdf:RDF>";
        var ex = Assert.ThrowsExactly<RdfParseException>(() => RdfXmlReader.Parse(new StringReader(xml), new CountingSink(), new RdfXmlReaderOptions { SourceName = "bad.rdf" }));
        Assert.AreEqual(3, ex.Line);
        StringAssert.StartsWith(ex.Describe(), "bad.rdf:3:");
    }

    [TestMethod]
    public void UnqualifiedRdfAttributesWarnAndStillGiveTriples()
    {
        const string xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\"><rdf:Description about=\"http://example.org/s\" ex:p=\"v\"/></rdf:RDF>";
        var warnings = new List<RdfParseException>();
        var sink = new ListSink();
        RdfXmlReader.Parse(new StringReader(xml), sink, new RdfXmlReaderOptions { Warning = warnings.Add });
        Assert.HasCount(1, warnings);
        Assert.AreEqual("<http://example.org/s> <http://example.org/p> \"v\" .", sink.Quads.Single().ToString());
    }
}
