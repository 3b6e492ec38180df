using System.Text;
using Graph.Rdf;

namespace Graph.Formats.Tests;

/// <summary>
/// The literal and IRI length limits of every reader (RdfReadOptions.MaxLiteralLength / MaxIriLength): a term over
/// the limit is a positioned RdfParseException naming the limit; a term at the limit is read.
/// </summary>
[TestClass]
public sealed class LengthLimitTests
{
    private const int Limit = 40;

    private static RdfReadOptions Options => new("doc", "http://example.org/base/") { MaxLiteralLength = Limit, MaxIriLength = Limit };

    private static List<Quad> Read(string text, RdfFormat format, RdfReadOptions? options = null)
    {
        var sink = new ListSink();
        RdfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, options ?? Options, sink);
        return sink.Quads;
    }

    private static RdfParseException ErrorOf(string text, RdfFormat format, RdfReadOptions? options = null) =>
        Assert.Throws<RdfParseException>(() => Read(text, format, options));

    private static string Iri(int length) => "http://e/" + new string('i', length - "http://e/".Length);

    private static string TripleWithObject(RdfFormat f, string obj) => f switch
    {
        RdfFormat.JsonLd => $$"""{"@id": "http://e/s", "http://e/p": {{obj}}}""",
        RdfFormat.RdfXml => $"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">{"\n"}<rdf:Description rdf:about="http://e/s">{obj}</rdf:Description></rdf:RDF>""",
        RdfFormat.TriG => "<http://e/g> {\n<http://e/s> <http://e/p> " + obj + " .\n}",
        _ => "<http://e/s> <http://e/p> " + obj + " .\n",
    };

    private static string Literal(RdfFormat f, string value) => f switch
    {
        RdfFormat.JsonLd => "\"" + value + "\"",
        RdfFormat.RdfXml => "<e:p>" + value + "</e:p>",
        _ => "\"" + value + "\"",
    };

    private static string IriObject(RdfFormat f, string iri) => f switch
    {
        RdfFormat.JsonLd => "{\"@id\": \"" + iri + "\"}",
        RdfFormat.RdfXml => "<e:p rdf:resource=\"" + iri + "\"/>",
        _ => "<" + iri + ">",
    };

    public static IEnumerable<object[]> Formats =>
        new[] { RdfFormat.NTriples, RdfFormat.NQuads, RdfFormat.Turtle, RdfFormat.TriG, RdfFormat.JsonLd, RdfFormat.RdfXml }.Select(f => new object[] { f });

    [TestMethod]
    [DynamicData(nameof(Formats))]
    public void ALiteralOverTheLimitIsRejectedWithItsPosition(RdfFormat format)
    {
        var e = ErrorOf(TripleWithObject(format, Literal(format, new string('x', Limit + 1))), format);
        StringAssert.Contains(e.Message, "literal longer than the limit of 40 characters");
        Assert.AreEqual("doc", e.SourceName);
        Assert.AreEqual(format is RdfFormat.RdfXml or RdfFormat.TriG ? 2 : 1, e.Line);
        Assert.IsGreaterThan(0, e.Column);
    }

    [TestMethod]
    [DynamicData(nameof(Formats))]
    public void AnIriOverTheLimitIsRejectedWithItsPosition(RdfFormat format)
    {
        var e = ErrorOf(TripleWithObject(format, IriObject(format, Iri(Limit + 1))), format);
        StringAssert.Contains(e.Message, "IRI longer than the limit of 40 characters");
        Assert.AreEqual("doc", e.SourceName);
        Assert.AreEqual(format is RdfFormat.RdfXml or RdfFormat.TriG ? 2 : 1, e.Line);
    }

    [TestMethod]
    [DynamicData(nameof(Formats))]
    public void TermsAtTheLimitAreRead(RdfFormat format)
    {
        var lit = Read(TripleWithObject(format, Literal(format, new string('x', Limit))), format);
        Assert.AreEqual(new string('x', Limit), ((LiteralNode)lit.Single().Object).Value);
        var iri = Read(TripleWithObject(format, IriObject(format, Iri(Limit))), format);
        Assert.AreEqual(Iri(Limit), ((IriNode)iri.Single().Object).Value);
    }

    [TestMethod]
    [DataRow(RdfFormat.Turtle, "@prefix e: <http://e/> . <http://e/s> <http://e/p> e:" + "abcdefghijabcdefghijabcdefghijabcdefghij .")]
    [DataRow(RdfFormat.Turtle, "@base <http://e/> . <http://e/s> <http://e/p> <abcdefghijabcdefghijabcdefghijabcdefghij> .")]
    [DataRow(RdfFormat.JsonLd, "{\"@context\": {\"e\": \"http://e/\"}, \"@id\": \"http://e/s\", \"http://e/p\": {\"@id\": \"e:abcdefghijabcdefghijabcdefghijabcdefghij\"}}")]
    public void AnIriOverTheLimitOnlyAfterPrefixExpansionOrResolutionIsRejected(RdfFormat format, string text)
    {
        var e = ErrorOf(text, format);
        StringAssert.Contains(e.Message, "IRI longer than the limit");
        Assert.AreEqual(1, e.Line);
    }

    [TestMethod]
    [DataRow("<http://e/s> <http://e/p> \"\"\"{0}\"\"\" .")]
    [DataRow("<http://e/s> <http://e/p> \"{0}\\n\" .")]
    [DataRow("<http://e/s> <http://e/p> \"{0}\" .")]
    [DataRow("<http://e/s> <http://e/p> <http://e/{0}> .")]
    public void ATokenSpanningManyBufferRefillsStopsAtTheLimitWithoutReadingItAll(string template)
    {
        // 64 Ki characters a buffer: the token crosses many refills, the slow path's checks stop it.
        var options = new RdfReadOptions("doc") { MaxLiteralLength = 100_000, MaxIriLength = 100_000 };
        var parts = template.Split("{0}");
        var input = new RepeatingStream().Add(parts[0]).Add("0123456789", 1_000_000).Add(parts[1]);
        var e = Assert.Throws<RdfParseException>(() => RdfReader.Parse(input, RdfFormat.Turtle, options, new ListSink()));
        StringAssert.Contains(e.Message, "longer than the limit of 100000 characters");
        Assert.AreEqual(1, e.Line);
        Assert.AreEqual(27, e.Column);
    }

    [TestMethod]
    public void TheDefaultLiteralLimitIsEnforcedOnAStream()
    {
        var input = new RepeatingStream().Add("<http://e/s> <http://e/p> \"").Add("x", RdfReadOptions.DefaultMaxLiteralLength + 1L).Add("\" .\n");
        var e = Assert.Throws<RdfParseException>(() => RdfReader.Parse(input, RdfFormat.NTriples, new RdfReadOptions("big.nt"), new ListSink()));
        StringAssert.Contains(e.Message, $"literal longer than the limit of {RdfReadOptions.DefaultMaxLiteralLength} characters");
        Assert.AreEqual("big.nt", e.SourceName);
    }

    [TestMethod]
    public void ANonPositiveLimitIsRefused() =>
        Assert.Throws<ArgumentException>(() => Read("<http://e/s> <http://e/p> \"x\" .", RdfFormat.NTriples, new RdfReadOptions { MaxLiteralLength = 0 }));
}
