using System.Text;
using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Tests.Results;

[TestClass]
public sealed class ResultsReaderTests
{
    [TestMethod]
    public void XmlWithADoctypeIsRefused()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE sparql [<!ENTITY x \"boom\">]><sparql xmlns=\"http://www.w3.org/2005/sparql-results#\"><head/><boolean>true</boolean></sparql>";
        var e = Assert.ThrowsExactly<RdfParseException>(() => XmlResultsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "x.srx"));
        Assert.AreEqual("x.srx", e.SourceName);
        Assert.IsGreaterThan(0L, e.Line, e.Message);
    }

    [TestMethod]
    public void XmlReadsEveryKindOfTerm()
    {
        const string xml = """
            <sparql xmlns="http://www.w3.org/2005/sparql-results#" xmlns:its="http://www.w3.org/2005/11/its">
              <head><variable name="a"/><variable name="b"/></head>
              <results>
                <result>
                  <binding name="a"><literal xml:lang="ar" its:dir="rtl">سلام</literal></binding>
                  <binding name="b"><triple><subject><bnode>x</bnode></subject><predicate><uri>http://p/</uri></predicate><object><literal datatype="http://www.w3.org/2001/XMLSchema#integer">1</literal></object></triple></binding>
                </result>
                <result><binding name="b"><literal>plain</literal></binding></result>
              </results>
            </sparql>
            """;
        var rs = XmlResultsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        CollectionAssert.AreEqual(new[] { "a", "b" }, rs.Variables.ToArray());
        Assert.AreEqual<INode?>(LiteralNode.LangString("سلام", "ar", "rtl"), rs.Rows[0][0]);
        Assert.AreEqual<INode?>(new TripleNode(new Triple(new BlankNode("x"), new IriNode("http://p/"), LiteralNode.Typed("1", Vocab.Xsd.Integer))), rs.Rows[0][1]);
        Assert.IsNull(rs.Rows[1][0]);
        Assert.AreEqual<INode?>(new LiteralNode("plain"), rs.Rows[1][1]);
    }

    [TestMethod]
    public void JsonErrorsCarryTheirPosition()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => JsonResultsReader.Read(new StringReader("{\n  \"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": [ {\"y\": {\"type\":\"uri\",\"value\":\"http://a/\"}} ]}\n}"), "r.srj"));
        Assert.AreEqual(3L, e.Line);
        StringAssert.Contains(e.Message, "\"y\"");
        Assert.ThrowsExactly<RdfParseException>(() => JsonResultsReader.Read(new StringReader("{ \"head\": "), "r.srj"));
    }

    [TestMethod]
    public void JsonReadsTheOldTypedLiteralType()
    {
        var rs = JsonResultsReader.Read(new StringReader("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"typed-literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\",\"value\":\"5\"}}]}}"));
        Assert.AreEqual<INode?>(LiteralNode.Typed("5", Vocab.Xsd.Integer), rs.Rows[0][0]);
    }

    [TestMethod]
    public void TsvReadsTurtleTerms()
    {
        var rs = TsvResultsReader.Read(new StringReader("?a\t?b\t?c\n<http://a/>\t\"x\\ty\"@en-GB\t-1.5e3\n_:b0\ttrue\t\"\\u00E9\"^^<http://www.w3.org/2001/XMLSchema#string>\n"));
        Assert.AreEqual<INode?>(new IriNode("http://a/"), rs.Rows[0][0]);
        Assert.AreEqual<INode?>(LiteralNode.LangString("x\ty", "en-GB"), rs.Rows[0][1]);
        Assert.AreEqual<INode?>(LiteralNode.Typed("-1.5e3", Vocab.Xsd.Double), rs.Rows[0][2]);
        Assert.AreEqual<INode?>(new BlankNode("b0"), rs.Rows[1][0]);
        Assert.AreEqual<INode?>(LiteralNode.Typed("true", Vocab.Xsd.Boolean), rs.Rows[1][1]);
        Assert.AreEqual<INode?>(new LiteralNode("é"), rs.Rows[1][2]);
    }

    [TestMethod]
    public void TsvErrorsCarryLineAndColumn()
    {
        var e = Assert.ThrowsExactly<RdfParseException>(() => TsvResultsReader.Read(new StringReader("?a\t?b\n<http://a/>\tbogus\n"), "r.tsv"));
        Assert.AreEqual(2L, e.Line);
        Assert.AreEqual(13L, e.Column);
        var f = Assert.ThrowsExactly<RdfParseException>(() => TsvResultsReader.Read(new StringReader("?a\t?b\n<http://a/>\n"), "r.tsv"));
        StringAssert.Contains(f.Message, "Expected 2");
    }

    [TestMethod]
    public void CsvReadsQuotedFieldsWithLineBreaks()
    {
        var rs = CsvResultsReader.Read(new StringReader("x,y\r\n\"a,\"\"b\"\"\nc\",_:n1\r\n,plain\r\n"));
        Assert.AreEqual(2, rs.Rows.Count);
        Assert.AreEqual<INode?>(new LiteralNode("a,\"b\"\nc"), rs.Rows[0][0]);
        Assert.AreEqual<INode?>(new BlankNode("n1"), rs.Rows[0][1]);
        Assert.IsNull(rs.Rows[1][0]);
    }

    [TestMethod]
    public void CsvUnterminatedQuoteIsAnError() =>
        Assert.ThrowsExactly<RdfParseException>(() => CsvResultsReader.Read(new StringReader("x\n\"abc\n"), "r.csv"));

    private const string Rs = RdfResultSetReader.Rs;

    [TestMethod]
    public void ResultSetGraphsBecomeResultSets()
    {
        var set = new BlankNode("rs");
        var sol1 = new BlankNode("s1");
        var sol2 = new BlankNode("s2");
        var b1 = new BlankNode("b1");
        var b2 = new BlankNode("b2");
        var triples = new List<Triple>
        {
            new(set, Vocab.Rdf.TypeNode, new IriNode(Rs + "ResultSet")),
            new(set, new IriNode(Rs + "resultVariable"), new LiteralNode("x")),
            new(set, new IriNode(Rs + "resultVariable"), new LiteralNode("y")),
            new(set, new IriNode(Rs + "solution"), sol2),
            new(set, new IriNode(Rs + "solution"), sol1),
            new(sol1, new IriNode(Rs + "index"), LiteralNode.Typed("1", Vocab.Xsd.Integer)),
            new(sol1, new IriNode(Rs + "binding"), b1),
            new(b1, new IriNode(Rs + "variable"), new LiteralNode("x")),
            new(b1, new IriNode(Rs + "value"), new IriNode("http://a/")),
            new(sol2, new IriNode(Rs + "index"), LiteralNode.Typed("2", Vocab.Xsd.Integer)),
            new(sol2, new IriNode(Rs + "binding"), b2),
            new(b2, new IriNode(Rs + "variable"), new LiteralNode("y")),
            new(b2, new IriNode(Rs + "value"), LiteralNode.Typed("2", Vocab.Xsd.Integer)),
        };
        var r = RdfResultSetReader.FromTriples(triples);
        CollectionAssert.AreEqual(new[] { "x", "y" }, r.Variables.ToArray());
        Assert.AreEqual<INode?>(new IriNode("http://a/"), r.Rows[0][0]);
        Assert.IsNull(r.Rows[0][1]);
        Assert.AreEqual<INode?>(LiteralNode.Typed("2", Vocab.Xsd.Integer), r.Rows[1][1]);
    }

    [TestMethod]
    public void ResultSetGraphsCarryBooleans()
    {
        var set = new BlankNode("rs");
        var r = RdfResultSetReader.FromTriples(
        [
            new(set, Vocab.Rdf.TypeNode, new IriNode(Rs + "ResultSet")),
            new(set, new IriNode(Rs + "boolean"), LiteralNode.Typed("true", Vocab.Xsd.Boolean)),
        ]);
        Assert.IsTrue(r.Boolean);
    }

    [TestMethod]
    public void AGraphWithoutAResultSetIsAnError() =>
        Assert.ThrowsExactly<RdfParseException>(() => RdfResultSetReader.FromTriples([new(new IriNode("http://a/"), new IriNode("http://p/"), new LiteralNode("x"))]));
}
