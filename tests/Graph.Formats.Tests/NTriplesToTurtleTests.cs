using System.Text;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests;

/// <summary>
/// The N-Triples → Turtle shortcut (<see cref="TurtleSink.TryCollectNTriples"/>) against the full parser: same bytes
/// whenever it accepts a document, and no acceptance of anything the parser rejects.
/// </summary>
[TestClass]
public sealed class NTriplesToTurtleTests
{
    private static string? ViaParser(byte[] doc)
    {
        var sink = new TurtleSink(trig: false);
        try
        {
            RdfReader.Parse(new MemoryStream(doc), RdfFormat.NTriples, new RdfReadOptions("doc.nt", null, PreserveBlankNodeLabels: true), sink);
        }
        catch (RdfParseException)
        {
            return null;
        }
        return Written(sink);
    }

    private static string? ViaShortcut(byte[] doc)
    {
        var sink = TurtleSink.TryCollectNTriples(new MemoryStream(doc), trig: false);
        return sink is null ? null : Written(sink);
    }

    private static string Written(TurtleSink sink)
    {
        var ms = new MemoryStream();
        sink.WriteTo(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void AssertSameAsParser(string doc)
    {
        var bytes = Encoding.UTF8.GetBytes(doc);
        var shortcut = ViaShortcut(bytes);
        Assert.IsNotNull(shortcut, "the shortcut should have taken this document");
        Assert.AreEqual(ViaParser(bytes), shortcut);
    }

    [TestMethod]
    public void EscapesLanguageTagsNumbersAndLabelsComeOutAsTheParserWouldWriteThem() => AssertSameAsParser(Varied);

    internal static readonly string Varied = """
            # a comment
            <http://ex/s> <http://ex/p> "q\"\\\n\r\t\b\f\u0041\U0001F600\'x" .
            <http://ex/s> <http://ex/p> "raw{TAB}tab {CTRL} \u0001 and U+FFFE: {FFFE} and U+FFFF: {FFFF} and é"@EN-gb .
            <http://ex/s>	<http://ex/n> "12"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex/s> <http://ex/n> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .
            <http://ex/s> <http://ex/n> "1e3"^^<http://www.w3.org/2001/XMLSchema#double> .
            <http://ex/s> <http://ex/n> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            <http://ex/s> <http://ex/n> "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex/s> <http://ex/n> "\u0031"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex/s> <http://ex/n> "plain"^^<http://www.w3.org/2001/XMLSchema#string> .
            <http://ex/s> <http://ex/d> "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
            _:a.b <http://ex/p> _:genid1 .
            _:genid1 <http://ex/p> "x" .
            _:c<http://ex/p><http://ex/o>.
            <http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/T> . # trailing comment
            <http://ex/s> <http://ex/p> "سوريا"@ar .
            _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1" .
            _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            <http://ex/s> <http://ex/list> _:l .
            """.Replace("\n", "\r\n").Replace("{TAB}", "\t").Replace("{CTRL}", "\u0001").Replace("{FFFE}", "\uFFFE").Replace("{FFFF}", "\uFFFF")
            + "\r\n<http://ex/last> <http://ex/p> <http://ex/o> .";

    [TestMethod]
    public void PrefixesGivenAtWriteTimeAbbreviateTheSameIris()
    {
        var doc = Encoding.UTF8.GetBytes(Varied);
        var prefixes = new Dictionary<string, string> { ["ex"] = "http://ex/", ["xsd"] = Vocab.Xsd.Ns, ["rdf"] = Vocab.Rdf.Ns };
        var parsed = new TurtleSink(trig: false);
        RdfReader.Parse(new MemoryStream(doc), RdfFormat.NTriples, new RdfReadOptions("doc.nt", null, PreserveBlankNodeLabels: true), parsed);
        var expected = new MemoryStream();
        parsed.WriteTo(expected, prefixes);
        var shortcut = TurtleSink.TryCollectNTriples(new MemoryStream(doc), trig: false)!;
        var actual = new MemoryStream();
        shortcut.WriteTo(actual, prefixes);
        StringAssert.Contains(Encoding.UTF8.GetString(actual.ToArray()), "ex:s a ex:T ;");
        Assert.AreEqual(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(actual.ToArray()));
    }

    [TestMethod]
    public void StatementsAddedAfterTheShortcutJoinTheSameTerms()
    {
        const string doc = "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/o> <http://ex/p> \"x\" .\n";
        var extra = new Quad(new IriNode("http://ex/o"), new IriNode("http://ex/p"), new IriNode("http://ex/s"));
        var parsed = new TurtleSink(trig: false);
        RdfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(doc)), RdfFormat.NTriples, new RdfReadOptions("doc.nt", null, PreserveBlankNodeLabels: true), parsed);
        parsed.Quad(extra);
        var shortcut = TurtleSink.TryCollectNTriples(new MemoryStream(Encoding.UTF8.GetBytes(doc)), trig: false)!;
        shortcut.Quad(extra);
        var text = Written(shortcut);
        StringAssert.Contains(text, "<http://ex/o> <http://ex/p> <http://ex/s>, \"x\" .");
        Assert.AreEqual(Written(parsed), text);
    }

    [TestMethod]
    public void ADocumentLongerThanTheReadBlockGivesTheSameBytes()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 70_000; i++)
            sb.Append("<http://ex/s").Append(i % 997).Append("> <http://ex/p").Append(i % 7).Append("> \"value ").Append(i)
                .Append(" \\\"quoted\\\" نص\"@ar .\n_:b").Append(i % 13).Append(" <http://ex/q> <http://ex/o").Append(i).Append("> .\n");
        Assert.IsTrue(sb.Length > 5_000_000, "the document should span more than one 4 MB block");
        AssertSameAsParser(sb.ToString());
    }

    [TestMethod]
    [DataRow("\uFEFF<http://ex/s> <http://ex/p> <http://ex/o> .\n", DisplayName = "a byte order mark")]
    [DataRow("<http://ex/ş> <http://ex/p> <http://ex/o> .\n", DisplayName = "a non-ASCII IRI")]
    [DataRow("<http://ex/\\u0041> <http://ex/p> <http://ex/o> .\n", DisplayName = "an escape in an IRI")]
    [DataRow("<http://ex/s> <http://ex/p> \"x\"@ar--rtl .\n", DisplayName = "a base direction")]
    [DataRow("<http://ex/s> <http://ex/p> <<( <http://ex/a> <http://ex/b> <http://ex/c> )>> .\n", DisplayName = "a triple term")]
    [DataRow("_:é <http://ex/p> <http://ex/o> .\n", DisplayName = "a non-ASCII label")]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o> . # é\n", DisplayName = "a non-ASCII comment")]
    public void RarerConstructsAreLeftToTheParser(string doc)
    {
        var bytes = Encoding.UTF8.GetBytes(doc);
        Assert.IsNull(ViaShortcut(bytes));
    }

    [TestMethod]
    [DataRow("<s> <http://ex/p> <http://ex/o> .\n", DisplayName = "a relative IRI")]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o>\n", DisplayName = "a missing dot")]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> <http://ex/p> <http://ex/o> .\n", DisplayName = "two statements on a line")]
    [DataRow("<http://ex/s> <http://ex/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n", DisplayName = "rdf:langString without a tag")]
    [DataRow("<http://ex/s> <http://ex/p> \"x\"@abcdefghi .\n", DisplayName = "a subtag of nine letters")]
    [DataRow("<http://ex/s> <http://ex/p> \"\\uD800\" .\n", DisplayName = "an escaped surrogate")]
    [DataRow("<http://ex/s> <http://ex/p> \"x\\q\" .\n", DisplayName = "an unknown escape")]
    [DataRow("<http://ex/s> <http://ex/p> \"x .\n", DisplayName = "an unterminated string")]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n", DisplayName = "a graph name")]
    public void InputTheParserRejectsIsNeverAccepted(string doc)
    {
        var bytes = Encoding.UTF8.GetBytes(doc);
        Assert.IsNull(ViaParser(bytes), "the parser should reject this document");
        Assert.IsNull(ViaShortcut(bytes));
    }

    [TestMethod]
    public void InvalidUtf8InALiteralIsLeftToTheParser()
    {
        var bytes = Encoding.UTF8.GetBytes("<http://ex/s> <http://ex/p> \"ab\" .\n");
        bytes[^6] = 0xC3;
        Assert.IsNull(ViaParser(bytes), "the parser should reject invalid UTF-8");
        Assert.IsNull(ViaShortcut(bytes));
    }

    [TestMethod]
    public void EveryW3cNTriplesFileGivesTheParsersBytesOrIsLeftToTheParser()
    {
        var files = new[] { "rdf11", "rdf12" }
            .SelectMany(v => Directory.EnumerateFiles(SharedPaths.InShared("w3c", v), "*.nt", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.IsTrue(files.Count > 300, $"expected the W3C suites' N-Triples files, found {files.Count}");
        var accepted = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var shortcut = ViaShortcut(bytes);
            if (shortcut is null) continue;
            accepted++;
            Assert.AreEqual(ViaParser(bytes), shortcut, file);
        }
        Assert.IsTrue(accepted > files.Count / 2, $"the shortcut took only {accepted} of {files.Count} files");
    }
}
