using Graph.Rdf;

namespace Graph.Formats.Tests;

[TestClass]
public sealed class WriterTests
{
    private static List<Quad> Read(string text, RdfFormat format = RdfFormat.Turtle)
    {
        var sink = new ListSink();
        RdfReader.ParseString(text, format, "http://ex/", sink);
        return sink.Quads;
    }

    private static readonly Dictionary<string, string> Prefixes = new() { [""] = "http://ex/", ["xsd"] = Vocab.Xsd.Ns };

    [TestMethod]
    public void NTriplesEscapesCanonically()
    {
        var q = new Quad(new IriNode("http://ex/s"), new IriNode("http://ex/p"), new LiteralNode("q\"\\\n\r\t\b\f\u0001\u007F\uFFFEé"));
        Assert.AreEqual("<http://ex/s> <http://ex/p> \"q\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007F\\uFFFEé\" .", NQuadsWriter.Line(q));
    }

    [TestMethod]
    public void NTriplesWritesLowerCaseLanguageTagsAndDirections()
    {
        var q = new Quad(new IriNode("http://ex/s"), new IriNode("http://ex/p"), LiteralNode.LangString("x", "AR-SY", "rtl"));
        Assert.AreEqual("<http://ex/s> <http://ex/p> \"x\"@ar-sy--rtl .", NQuadsWriter.Line(q));
    }

    [TestMethod]
    public void TurtleUsesTheShorthands()
    {
        var quads = Read("""
            @prefix : <http://ex/> .
            :s a :C ; :n 1, -2.50, 1.0e3, true ; :list ( :a "b" ) ; :q [ :r :o ] ; :empty () .
            """);
        var text = TurtleWriter.ToString(quads, Prefixes, trig: false);
        StringAssert.Contains(text, "@prefix : <http://ex/> .");
        StringAssert.Contains(text, ":s a :C ;");
        StringAssert.Contains(text, ":n -2.50, 1, 1.0e3, true ;");
        StringAssert.Contains(text, ":list ( :a \"b\" )");
        StringAssert.Contains(text, ":q [\n        :r :o\n    ]");
        StringAssert.Contains(text, ":empty ()");
        Assert.IsFalse(text.Contains("_:", StringComparison.Ordinal), text);
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(text)), text);
    }

    [TestMethod]
    public void BlankNodesUsedTwiceOrInCyclesKeepLabels()
    {
        var quads = Read("""
            @prefix : <http://ex/> .
            :a :p _:shared . :b :p _:shared . _:shared :name "s" .
            _:x :next _:y . _:y :next _:x .
            """);
        var text = TurtleWriter.ToString(quads, Prefixes, trig: false);
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(text)), text);
    }

    [TestMethod]
    public void ALongChainOfBlankNodesIsWrittenWithBoundedNesting()
    {
        var sb = new System.Text.StringBuilder("@prefix : <http://ex/> .\n:s :p ");
        for (var i = 0; i < 1000; i++) sb.Append("[ :p ");
        sb.Append(":o");
        for (var i = 0; i < 1000; i++) sb.Append(" ]");
        sb.Append(" .\n");
        var quads = Read(sb.ToString());
        var text = TurtleWriter.ToString(quads, Prefixes, trig: false);
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(text)));
    }

    [TestMethod]
    public void TriGWritesNamedGraphsAndTripleTerms()
    {
        var quads = Read("""
            @prefix : <http://ex/> .
            :s :p :o {| :by :alice |} .
            :g { :s :p <<( :a :b "c"@en--ltr )>> . _:n :q :r . }
            _:gb { :x :y :z }
            """, RdfFormat.TriG);
        var text = TurtleWriter.ToString(quads, Prefixes, trig: true);
        StringAssert.Contains(text, ":g {");
        StringAssert.Contains(text, "<<( :a :b \"c\"@en--ltr )>>");
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(text, RdfFormat.TriG)), text);
    }

    [TestMethod]
    public void TurtleRefusesNamedGraphs()
        => Assert.ThrowsExactly<InvalidOperationException>(() =>
            TurtleWriter.ToString([new Quad(new IriNode("http://ex/s"), new IriNode("http://ex/p"), new IriNode("http://ex/o"), new IriNode("http://ex/g"))], Prefixes, trig: false));

    [TestMethod]
    public void SameGraphInAnyOrderGivesTheSameBytes()
    {
        var quads = Read("""
            @prefix : <http://ex/> .
            :b :p "2", "1" ; a :T . :a :q [ :r 1 ], [ :r 2 ] . :c :p (1 2) .
            """);
        var reversed = Enumerable.Reverse(quads).ToList();
        Assert.AreEqual(TurtleWriter.ToString(quads, Prefixes, false), TurtleWriter.ToString(reversed, Prefixes, false));
    }

    [TestMethod]
    public void RelabelledBlankNodesGiveTheSameBytes()
    {
        var a = Read("@prefix : <http://ex/> .\n_:x :name \"x\" ; :knows _:y .\n_:y :name \"y\" ; :knows _:x .\n:s :p _:z, _:w .\n_:z :v 1 .\n_:w :v 2 .\n");
        var b = Read("@prefix : <http://ex/> .\n_:a9 :name \"y\" ; :knows _:a1 .\n_:a1 :name \"x\" ; :knows _:a9 .\n:s :p _:q1, _:q0 .\n_:q1 :v 1 .\n_:q0 :v 2 .\n");
        Assert.AreEqual(TurtleWriter.ToString(a, Prefixes, false), TurtleWriter.ToString(b, Prefixes, false));
    }

    [TestMethod]
    public void LocalNamesThatNeedEscapesAreWrittenAsFullIris()
    {
        var quads = Read("<http://ex/a(b)> <http://ex/p> <http://ex/x.> .", RdfFormat.NTriples);
        var text = TurtleWriter.ToString(quads, Prefixes, false);
        StringAssert.Contains(text, "<http://ex/a(b)> :p <http://ex/x.>");
    }

    [TestMethod]
    public void StreamingSinkWritesTheSameBytesAsTheListWriter()
    {
        var text = """
            @prefix : <http://ex/> .
            :b :p "2", "1"@EN ; a :T . :a :q [ :r 1 ], [ :r 2 ] . :c :p (1 2 [ :x "y" ]) . _:s :k _:s .
            """;
        var sink = new TurtleSink(trig: false);
        RdfReader.ParseString(text, RdfFormat.Turtle, "http://ex/", sink);
        var stream = new MemoryStream();
        sink.WriteTo(stream, Prefixes);
        Assert.AreEqual(TurtleWriter.ToString(Read(text), Prefixes, false), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [TestMethod]
    public void ATextWriterAndAStreamReceiveTheSameCharacters()
    {
        // Long enough to cross the writer's buffers, with pairs of surrogates and Arabic on the boundaries.
        var value = string.Concat(Enumerable.Repeat("سوريا 😀 \"\u0001\uFFFE x", 20000));
        var quads = new List<Quad> { new(new IriNode("http://ex/s"), new IriNode("http://ex/p"), new LiteralNode(value)) };
        var viaString = new StringWriter();
        TurtleWriter.Write(quads, Prefixes, viaString, trig: false);
        var stream = new MemoryStream();
        TurtleWriter.Write(quads, Prefixes, stream, trig: false);
        Assert.AreEqual(viaString.ToString(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        StringAssert.Contains(viaString.ToString(), "😀 \\\"\\u0001\\uFFFE x");
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(viaString.ToString())));
    }

    [TestMethod]
    public void TurtleLiteralsAreWrittenWithLowerCaseLanguageTagsAndDatatypes()
    {
        var quads = Read("""
            @prefix : <http://ex/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            :s :p "x"@AR-SY--rtl, "2026-01-01"^^xsd:date, "01"^^xsd:integer, "a"^^<http://other/t> .
            """);
        var text = TurtleWriter.ToString(quads, Prefixes, false);
        StringAssert.Contains(text, "\"x\"@ar-sy--rtl");
        StringAssert.Contains(text, "\"2026-01-01\"^^xsd:date");
        StringAssert.Matches(text, new System.Text.RegularExpressions.Regex("[ ,]01[ ,]"));
        StringAssert.Contains(text, "\"a\"^^<http://other/t>");
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, Read(text)), text);
    }

    [TestMethod]
    public void DuplicateStatementsAreWrittenOnce()
    {
        var q = new Quad(new IriNode("http://ex/s"), new IriNode("http://ex/p"), LiteralNode.LangString("v", "en"));
        var same = new Quad(new IriNode("http://ex/s"), new IriNode("http://ex/p"), LiteralNode.LangString("v", "EN"));
        var text = TurtleWriter.ToString([q, same, q], Prefixes, false);
        Assert.AreEqual(1, text.Split("\"v\"").Length - 1, text);
    }
}
