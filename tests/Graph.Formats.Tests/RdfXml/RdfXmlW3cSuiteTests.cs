using Graph.Formats.RdfXml;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.RdfXml;

/// <summary>The W3C RDF 1.1 RDF/XML suite: every entry of the manifest; eval tests by graph isomorphism, negative tests must fail.</summary>
[TestClass]
public sealed class RdfXmlW3cSuiteTests
{
    private static readonly Lazy<List<W3cTest>> s_tests = new(() => W3cManifest.ReadTests(SharedPaths.InShared("w3c", "rdf11", "rdf-xml", "manifest.ttl")));

    public static IEnumerable<TestDataRow<string>> Entries() =>
        s_tests.Value.Select(t => new TestDataRow<string>(t.Id) { DisplayName = t.Type + ": " + t.Name });

    [TestMethod]
    public void TheManifestListsEveryEntry()
    {
        Assert.HasCount(166, s_tests.Value);
        Assert.AreEqual(126, s_tests.Value.Count(t => t.Type == "TestXMLEval"));
        Assert.AreEqual(40, s_tests.Value.Count(t => t.Type == "TestXMLNegativeSyntax"));
    }

    [TestMethod]
    [DynamicData(nameof(Entries))]
    public void W3cRdfXmlTestPasses(string id)
    {
        var t = s_tests.Value.Single(x => x.Id == id);
        var action = t.Action!;
        var sink = new ListSink();
        var warnings = new List<RdfParseException>();
        var options = new RdfXmlReaderOptions { BaseIri = t.BaseFor(action), SourceName = action, Warning = warnings.Add };
        if (t.Type == "TestXMLNegativeSyntax")
        {
            var ex = Assert.ThrowsExactly<RdfParseException>(() => Parse(action, sink, options), t.Name + " must be rejected");
            Assert.IsTrue(ex.Line >= 1 && ex.Column >= 1, "the error has no position: " + ex.Describe());
            return;
        }
        Assert.AreEqual("TestXMLEval", t.Type);
        Parse(action, sink, options);
        var expected = RdfReader.ReadQuads(t.Result!, RdfFormat.NTriples, t.BaseFor(t.Result!));
        Assert.IsTrue(Isomorphism.AreIsomorphic(sink.Quads, expected),
            $"{t.Name}: not isomorphic.\nGot:\n{string.Join("\n", sink.Quads)}\nExpected:\n{string.Join("\n", expected)}");
    }

    private static void Parse(string path, IRdfSink sink, RdfXmlReaderOptions options)
    {
        using var reader = new StreamReader(path);
        RdfXmlReader.Parse(reader, sink, options);
    }
}
