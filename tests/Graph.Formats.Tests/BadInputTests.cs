using System.Text;
using Graph.Rdf;

namespace Graph.Formats.Tests;

/// <summary>Hostile input gives a positioned RdfParseException or a correct result; never a crash or a hang.</summary>
[TestClass]
public sealed class BadInputTests
{
    private static RdfParseException ErrorOf(string text, RdfFormat format, string? baseIri = null)
    {
        try
        {
            RdfReader.ParseString(text, format, baseIri, new CountingSink(), "doc");
        }
        catch (RdfParseException e)
        {
            return e;
        }
        Assert.Fail("expected a parse error");
        throw new InvalidOperationException();
    }

    private static RdfParseException ErrorOf(Stream input, RdfFormat format)
    {
        try
        {
            RdfReader.Parse(input, format, new RdfReadOptions("doc"), new CountingSink());
        }
        catch (RdfParseException e)
        {
            return e;
        }
        Assert.Fail("expected a parse error");
        throw new InvalidOperationException();
    }

    [TestMethod]
    [DataRow("<http://ex/s> <http://ex/p> \"abc", RdfFormat.NTriples, 1, 33)]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o", RdfFormat.NTriples, 1, 41)]
    [DataRow("<http://ex/s> <http://ex/p> <http://ex/o>", RdfFormat.NTriples, 1, 42)]
    [DataRow("@prefix : <http://ex/> .\n:s :p [ :q :o", RdfFormat.Turtle, 2, 14)]
    [DataRow("@prefix : <http://ex/> .\n:s :p ( 1 2", RdfFormat.Turtle, 2, 12)]
    [DataRow("@prefix : <http://ex/> .\n:s :p \"\"\"long\nstring", RdfFormat.Turtle, 3, 7)]
    [DataRow("@prefix : <http://ex/> .\n:g { :s :p :o .", RdfFormat.TriG, 2, 16)]
    public void TruncatedDocumentsAreReportedAtTheirEnd(string text, RdfFormat format, int line, int column)
    {
        var e = ErrorOf(text, format);
        Assert.AreEqual((long)line, e.Line, e.Describe());
        Assert.AreEqual((long)column, e.Column, e.Describe());
        Assert.AreEqual("doc", e.SourceName);
    }

    [TestMethod]
    public void InvalidUtf8IsReportedWithItsPosition()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("<http://ex/s> <http://ex/p> \"ok\" .\n<http://ex/s> <http://ex/p> \"b"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("d\" .\n"));
        var e = ErrorOf(new MemoryStream(bytes.ToArray()), RdfFormat.NTriples);
        StringAssert.Contains(e.Message, "UTF-8");
        Assert.AreEqual(2L, e.Line);
        Assert.AreEqual(31L, e.Column, e.Describe());
    }

    [TestMethod]
    public void TruncatedUtf8SequenceAtTheEndIsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes("<http://ex/s> <http://ex/p> \"\u00e9").ToList();
        bytes.RemoveAt(bytes.Count - 1);
        var e = ErrorOf(new MemoryStream(bytes.ToArray()), RdfFormat.NTriples);
        StringAssert.Contains(e.Message, "UTF-8");
    }

    [TestMethod]
    public void NulInsideAnIriIsAnError()
    {
        var e = ErrorOf("<http://ex/s\0> <http://ex/p> <http://ex/o> .", RdfFormat.NTriples);
        Assert.AreEqual(1L, e.Line);
        Assert.AreEqual(13L, e.Column);
        StringAssert.Contains(e.Message, "NUL");
    }

    [TestMethod]
    public void NulInsideAStringIsKeptAndWrittenEscaped()
    {
        var sink = new ListSink();
        RdfReader.ParseString("<http://ex/s> <http://ex/p> \"a\0b\" .\n", RdfFormat.NTriples, null, sink);
        Assert.AreEqual("a\0b", ((LiteralNode)sink.Quads[0].Object).Value);
        Assert.AreEqual("<http://ex/s> <http://ex/p> \"a\\u0000b\" .", NQuadsWriter.Line(sink.Quads[0]));
    }

    [TestMethod]
    public void NulBetweenTermsIsAnError()
    {
        var e = ErrorOf("@prefix : <http://ex/> .\n:s :p\0:o .", RdfFormat.Turtle);
        Assert.AreEqual(2L, e.Line);
        Assert.AreEqual(6L, e.Column);
    }

    [TestMethod]
    [DataRow(RdfFormat.NTriples)]
    [DataRow(RdfFormat.Turtle)]
    public void AHundredMegabyteLiteralIsReadWhole(RdfFormat format)
    {
        const long size = 100L * 1024 * 1024;
        var input = new RepeatingStream().Add("<http://ex/s> <http://ex/p> \"").Add("a", size).Add("\" .\n<http://ex/s> <http://ex/p> \"after\" .\n");
        var lengths = new List<int>();
        // Over the default literal limit (16 Mi characters, LengthLimitTests): a user who needs it raises the limit.
        var options = new RdfReadOptions("big") { MaxLiteralLength = (int)size };
        RdfReader.Parse(input, format, options, new DelegateSink(q => lengths.Add(((LiteralNode)q.Object).Value.Length)));
        CollectionAssert.AreEqual(new[] { (int)size, 5 }, lengths);
    }

    [TestMethod]
    public void AMillionNestedBlankNodePropertyListsParse()
    {
        const int depth = 1_000_000;
        var input = new RepeatingStream().Add("@prefix : <http://ex/> .\n:s :p ").Add("[ :p ", depth).Add(":o").Add(" ]", depth).Add(" .\n");
        var count = new CountingSink();
        RdfReader.Parse(input, RdfFormat.Turtle, new RdfReadOptions("deep"), count);
        Assert.AreEqual(depth + 1L, count.Count);
    }

    [TestMethod]
    public void AMillionNestedCollectionsParse()
    {
        const int depth = 1_000_000;
        var input = new RepeatingStream().Add("@prefix : <http://ex/> .\n:s :p ").Add("( ", depth).Add(" )", depth).Add(" .\n");
        var count = new CountingSink();
        RdfReader.Parse(input, RdfFormat.Turtle, new RdfReadOptions("deep"), count);
        // Each non-empty list has one cell: rdf:first and rdf:rest; the innermost is rdf:nil.
        Assert.AreEqual(2L * (depth - 1) + 1, count.Count);
    }

    [TestMethod]
    public void AMillionUnclosedBracketsAreAnErrorAtTheEnd()
    {
        var input = new RepeatingStream().Add("@prefix : <http://ex/> .\n:s :p ").Add("[ :p ", 1_000_000);
        var e = ErrorOf(input, RdfFormat.Turtle);
        Assert.AreEqual(2L, e.Line);
        StringAssert.Contains(e.Message, "end of input");
    }

    [TestMethod]
    public void DeeplyNestedTripleTermsAreAnErrorNotACrash()
    {
        var text = new StringBuilder("<http://ex/s> <http://ex/p> ");
        for (var i = 0; i < 5000; i++) text.Append("<<( <http://ex/s> <http://ex/p> ");
        text.Append("<http://ex/o>");
        for (var i = 0; i < 5000; i++) text.Append(" )>>");
        text.Append(" .\n");
        StringAssert.Contains(ErrorOf(text.ToString(), RdfFormat.NTriples).Message, "nested");
        StringAssert.Contains(ErrorOf(text.ToString(), RdfFormat.Turtle).Message, "nested");
    }

    [TestMethod]
    public void UndefinedPrefixIsReportedWithItsPosition()
    {
        var e = ErrorOf("@prefix ex: <http://ex/> .\nex:s ex:p nope:o .\n", RdfFormat.Turtle);
        Assert.AreEqual(2L, e.Line);
        Assert.AreEqual(11L, e.Column);
        StringAssert.Contains(e.Message, "undefined prefix 'nope:'");
        Assert.AreEqual("doc:2:11: undefined prefix 'nope:'", e.Describe());
    }

    [TestMethod]
    public void RelativeIriWithoutBaseIsReportedWithItsPosition()
    {
        var e = ErrorOf("<http://ex/s> <http://ex/p>\n  <o> .\n", RdfFormat.Turtle);
        Assert.AreEqual(2L, e.Line);
        Assert.AreEqual(3L, e.Column);
        StringAssert.Contains(e.Message, "relative IRI <o>");
    }

    [TestMethod]
    public void RelativeIriInNTriplesIsAnErrorEvenWithABase()
    {
        var e = ErrorOf("<s> <http://ex/p> <http://ex/o> .\n", RdfFormat.NTriples, "http://ex/");
        Assert.AreEqual(1L, e.Column);
    }

    [TestMethod]
    public void OnlyCarriageReturnAndLineFeedEndLines()
    {
        // U+2028, VT and FF are not line ends: the error stays on line 2 (after one CR).
        var e = ErrorOf("<http://ex/s> <http://ex/p> <http://ex/o> .\r<http://ex/s> \u2028\u000B\u000C <http://ex/p> bad .", RdfFormat.Turtle);
        Assert.AreEqual(2L, e.Line);
        var crlf = ErrorOf("# a\r\n# b\r\n\r\n  bad", RdfFormat.Turtle);
        Assert.AreEqual(4L, crlf.Line);
        Assert.AreEqual(3L, crlf.Column);
    }

    [TestMethod]
    public void ColumnsCountCodePointsNotUtf16Units()
    {
        // Two astral characters (each a surrogate pair) before the error.
        var e = ErrorOf("<http://ex/s> <http://ex/p> \"\U0001F600\U0001F600\" bad", RdfFormat.Turtle);
        Assert.AreEqual(34L, e.Column, e.Describe());
    }
}
