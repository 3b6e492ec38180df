using Graph.Rdf;

namespace Graph.Formats.Tests;

[TestClass]
public sealed class ReaderTests
{
    private static List<Quad> Read(string text, RdfFormat format, string? baseIri = null)
    {
        var sink = new ListSink();
        RdfReader.ParseString(text, format, baseIri, sink);
        return sink.Quads;
    }

    [TestMethod]
    public void BlankNodesOfTwoDocumentsNeverCollide()
    {
        var sink = new ListSink();
        RdfReader.ParseString("_:a <http://p> _:b .\n", RdfFormat.NTriples, null, sink);
        RdfReader.ParseString("_:a <http://p> _:b .\n", RdfFormat.NTriples, null, sink);
        Assert.AreNotEqual(sink.Quads[0].Subject, sink.Quads[1].Subject);
        Assert.AreEqual(4, sink.Quads.SelectMany(q => new[] { q.Subject, q.Object }).Distinct().Count());
    }

    [TestMethod]
    public void AnonymousBlankNodesNeverMeetLabelledOnes()
    {
        var quads = Read("[] <http://p> _:genid1 .\n_:b1 <http://p> [] .", RdfFormat.Turtle);
        Assert.AreEqual(4, quads.SelectMany(q => new[] { q.Subject, q.Object }).Distinct().Count());
    }

    [TestMethod]
    public void PrefixesReachTheSink()
    {
        var sink = new ListSink();
        RdfReader.ParseString("@prefix ex: <http://ex/> .\nPREFIX ast: <https://w3id.org/astana-kg/ontology#>\n", RdfFormat.Turtle, null, sink);
        Assert.AreEqual("http://ex/", sink.Prefixes["ex"]);
        Assert.AreEqual("https://w3id.org/astana-kg/ontology#", sink.Prefixes["ast"]);
    }

    [TestMethod]
    public void ReifiedTriplesAndAnnotationsFollowRdf12()
    {
        var quads = Read("""
            PREFIX : <http://ex/>
            :s :p :o ~ :r {| :by :alice |} .
            << :a :b :c >> :q :z .
            """, RdfFormat.Turtle);
        var lines = quads.Select(q => NQuadsWriter.Line(q)).ToList();
        CollectionAssert.Contains(lines, "<http://ex/s> <http://ex/p> <http://ex/o> .");
        CollectionAssert.Contains(lines, "<http://ex/r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <http://ex/s> <http://ex/p> <http://ex/o> )>> .");
        CollectionAssert.Contains(lines, "<http://ex/r> <http://ex/by> <http://ex/alice> .");
        Assert.AreEqual(5, quads.Count);
        Assert.IsFalse(lines.Contains("<http://ex/a> <http://ex/b> <http://ex/c> ."), "a reified triple is not asserted");
    }

    [TestMethod]
    public void BaseDirectionIsRead()
    {
        var l = (LiteralNode)Read("<http://s> <http://p> \"مرحبا\"@ar--rtl .", RdfFormat.NTriples)[0].Object;
        Assert.AreEqual("ar", l.Language);
        Assert.AreEqual("rtl", l.Direction);
    }

    [TestMethod]
    public void RelativeIrisResolveAgainstTheBase()
    {
        var q = Read("@base <http://ex/a/b> .\n<../c> <#p> <?q> .", RdfFormat.Turtle)[0];
        Assert.AreEqual("http://ex/c", ((IriNode)q.Subject).Value);
        Assert.AreEqual("http://ex/a/b#p", q.Predicate.Value);
        Assert.AreEqual("http://ex/a/b?q", ((IriNode)q.Object).Value);
    }

    [TestMethod]
    [DataRow("a.nt", RdfFormat.NTriples)]
    [DataRow("a.NQ", RdfFormat.NQuads)]
    [DataRow("dir/a.ttl", RdfFormat.Turtle)]
    [DataRow("a.trig", RdfFormat.TriG)]
    public void FormatFollowsTheExtension(string path, RdfFormat format)
        => Assert.AreEqual(format, RdfFormats.FromPath(path)?.Format);

    [TestMethod]
    public void UnknownExtensionHasNoFormat() => Assert.IsNull(RdfFormats.FromPath("a.xyz"));

    [TestMethod]
    public void TextReaderInputGivesTheSameResult()
    {
        var sink = new ListSink();
        RdfReader.Parse(new StringReader("@prefix : <http://ex/> . :s :p \"x\" ."), RdfFormat.Turtle, new RdfReadOptions("r"), sink);
        Assert.AreEqual("<http://ex/s> <http://ex/p> \"x\" .", NQuadsWriter.Line(sink.Quads[0]));
    }
}
