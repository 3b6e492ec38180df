using Graph.Rdf;
using Graph.Sparql.Syntax;
using Graph.Sparql.Update;

namespace Graph.Sparql.Tests;

/// <summary>The literal and IRI length limits of the SPARQL parsers (ParseContext.MaxLiteralLength / MaxIriLength).</summary>
[TestClass]
public sealed class LengthLimitTests
{
    private static readonly string LongLiteral = new('x', ParseContext.MaxLiteralLength + 1);
    private static readonly string LongPath = new('i', ParseContext.MaxIriLength);

    [TestMethod]
    [DataRow("SELECT * {{\n  ?s ?p \"{0}\" }}", 2, 9)]
    [DataRow("SELECT * {{\n  ?s ?p '''{0}''' }}", 2, 9)]
    [DataRow("SELECT * {{ ?s ?p ?o FILTER(?o = \"{0}\"@en) }}", 1, 33)]
    public void AStringLiteralOverTheLimitIsRejectedWithItsPosition(string template, int line, int column)
    {
        var e = Assert.Throws<RdfParseException>(() => QueryParser.Parse(string.Format(template, LongLiteral), "q.rq", "http://example.org/"));
        StringAssert.Contains(e.Message, $"literal longer than the limit of {ParseContext.MaxLiteralLength} characters");
        Assert.AreEqual("q.rq", e.SourceName);
        Assert.AreEqual(line, e.Line);
        Assert.AreEqual(column, e.Column);
    }

    [TestMethod]
    [DataRow("SELECT * {{ ?s ?p <http://e/{0}> }}", 1, 18)]
    [DataRow("PREFIX e: <http://e/>\nSELECT * {{ ?s ?p e:{0} }}", 2, 18)]
    [DataRow("BASE <http://e/>\nSELECT * {{ ?s ?p <{0}> }}", 2, 18)]
    public void AnIriOverTheLimitIsRejectedWithItsPosition(string template, int line, int column)
    {
        var e = Assert.Throws<RdfParseException>(() => QueryParser.Parse(string.Format(template, LongPath), "q.rq", "http://example.org/"));
        StringAssert.Contains(e.Message, $"IRI longer than the limit of {ParseContext.MaxIriLength} characters");
        Assert.AreEqual(line, e.Line);
        Assert.AreEqual(column, e.Column);
    }

    [TestMethod]
    public void AnUpdateWithALiteralOverTheLimitIsRejected()
    {
        var e = Assert.Throws<RdfParseException>(() => UpdateParser.Parse($"INSERT DATA {{ <http://e/s> <http://e/p> \"{LongLiteral}\" }}", "u.ru", "http://example.org/"));
        StringAssert.Contains(e.Message, "literal longer than the limit");
        Assert.AreEqual(1, e.Line);
    }

    [TestMethod]
    public void TermsAtTheLimitParse()
    {
        var literal = new string('x', ParseContext.MaxLiteralLength);
        var iri = "http://e/" + new string('i', ParseContext.MaxIriLength - "http://e/".Length);
        Assert.IsNotNull(QueryParser.Parse($"SELECT * {{ <{iri}> ?p \"{literal}\" }}", "q.rq", "http://example.org/"));
    }
}
