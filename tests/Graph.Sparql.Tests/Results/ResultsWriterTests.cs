using System.Text;
using Graph.Rdf;
using Graph.Sparql.Results;

namespace Graph.Sparql.Tests.Results;

[TestClass]
public sealed class ResultsWriterTests
{
    private static readonly string[] Vars = ["s", "o"];

    private static INode?[][] Rows() =>
    [
        [new IriNode("http://example.org/a"), LiteralNode.LangString("chat", "fr")],
        [new BlankNode("b1"), LiteralNode.Typed("42", Vocab.Xsd.Integer)],
        [new IriNode("http://example.org/c"), null],
        [null, new LiteralNode("say \"hi\",\nthen\tgo")],
    ];

    private static string Write(ISparqlResultsWriter w, IReadOnlyList<string> vars, IEnumerable<INode?[]> rows)
    {
        var ms = new MemoryStream();
        w.WriteSolutions(ms, vars, rows);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string WriteBool(ISparqlResultsWriter w, bool b)
    {
        var ms = new MemoryStream();
        w.WriteBoolean(ms, b);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [TestMethod]
    public void JsonFollowsTheResultsJsonShape()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(Write(new JsonResultsWriter(), Vars, Rows()));
        Assert.AreEqual("s", (string?)json["head"]!["vars"]![0]);
        var b = json["results"]!["bindings"]!;
        Assert.AreEqual(4, b.Count());
        Assert.AreEqual("uri", (string?)b[0]!["s"]!["type"]);
        Assert.AreEqual("http://example.org/a", (string?)b[0]!["s"]!["value"]);
        Assert.AreEqual("fr", (string?)b[0]!["o"]!["xml:lang"]);
        Assert.AreEqual("bnode", (string?)b[1]!["s"]!["type"]);
        Assert.AreEqual("b1", (string?)b[1]!["s"]!["value"]);
        Assert.AreEqual(Vocab.Xsd.Integer, (string?)b[1]!["o"]!["datatype"]);
        Assert.IsNull(b[2]!["o"], "unbound variables are left out");
        Assert.IsNull(b[3]!["o"]!["datatype"], "xsd:string literals are written as simple literals");
        Assert.AreEqual("say \"hi\",\nthen\tgo", (string?)b[3]!["o"]!["value"]);
    }

    [TestMethod]
    public void JsonBoolean()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(WriteBool(new JsonResultsWriter(), true));
        Assert.IsTrue((bool)json["boolean"]!);
        Assert.IsNotNull(json["head"]);
    }

    [TestMethod]
    public void JsonWritesTripleTermsAndDirections()
    {
        var t = new TripleNode(new Triple(new IriNode("http://s/"), new IriNode("http://p/"), LiteralNode.LangString("سلام", "ar", "rtl")));
        var json = Newtonsoft.Json.Linq.JObject.Parse(Write(new JsonResultsWriter(), ["t"], [[t]]));
        var term = json["results"]!["bindings"]![0]!["t"]!;
        Assert.AreEqual("triple", (string?)term["type"]);
        Assert.AreEqual("rtl", (string?)term["value"]!["object"]!["its:dir"]);
        var back = JsonResultsReader.Read(new StringReader(json.ToString()));
        Assert.AreEqual<INode?>(t, back.Rows[0][0]);
    }

    [TestMethod]
    public void XmlFollowsTheResultsXmlShape()
    {
        var xml = Write(new XmlResultsWriter(), Vars, Rows());
        StringAssert.Contains(xml, "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">");
        StringAssert.Contains(xml, "<variable name=\"s\" />");
        StringAssert.Contains(xml, "<literal xml:lang=\"fr\">chat</literal>");
        StringAssert.Contains(xml, "<bnode>b1</bnode>");
        StringAssert.Contains(xml, "<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">42</literal>");
        Assert.IsFalse(xml.StartsWith('\uFEFF'), "no byte order mark");
    }

    [TestMethod]
    public void XmlBoolean() =>
        StringAssert.Contains(WriteBool(new XmlResultsWriter(), false), "<boolean>false</boolean>");

    [TestMethod]
    public void CsvQuotesFieldsAndEndsLinesWithCrlf()
    {
        var csv = Write(new CsvResultsWriter(), Vars, Rows());
        Assert.AreEqual(
            "s,o\r\nhttp://example.org/a,chat\r\n_:b1,42\r\nhttp://example.org/c,\r\n,\"say \"\"hi\"\",\nthen\tgo\"\r\n", csv);
    }

    [TestMethod]
    public void TsvUsesTurtleTermsAndEscapes()
    {
        var tsv = Write(new TsvResultsWriter(), Vars, Rows());
        Assert.AreEqual(
            "?s\t?o\n<http://example.org/a>\t\"chat\"@fr\n_:b1\t42\n<http://example.org/c>\t\n\t\"say \\\"hi\\\",\\nthen\\tgo\"\n", tsv);
    }

    [TestMethod]
    public void CsvAndTsvReadBackWhatTheyWrite()
    {
        var original = new SparqlResultSet(Vars, Rows());
        var tsv = TsvResultsReader.Read(new StringReader(Write(new TsvResultsWriter(), Vars, Rows())));
        Assert.IsTrue(ResultSetComparer.AreEqual(original, tsv, ordered: true));
        var csv = CsvResultsReader.Read(new StringReader(Write(new CsvResultsWriter(), Vars, Rows())));
        Assert.IsTrue(ResultSetComparer.AreEqualAsCsv(csv, original, ordered: true));
    }

    [TestMethod]
    public void WritersAreDeterministic()
    {
        foreach (var name in ResultsFormats.Names)
            Assert.AreEqual(Write(ResultsFormats.Get(name), Vars, Rows()), Write(ResultsFormats.Get(name), Vars, Rows()), name);
    }

    [TestMethod]
    public void TheRegistryKnowsEveryFormatAndRejectsOthers()
    {
        Assert.AreEqual("application/sparql-results+json", ResultsFormats.Get("json").MediaType);
        Assert.AreEqual("application/sparql-results+xml", ResultsFormats.Get("XML").MediaType);
        Assert.AreEqual("text/csv", ResultsFormats.Get("csv").MediaType);
        Assert.AreEqual("text/tab-separated-values", ResultsFormats.Get("tsv").MediaType);
        Assert.IsInstanceOfType<TableResultsWriter>(ResultsFormats.Get("table"));
        Assert.ThrowsExactly<ArgumentException>(() => ResultsFormats.Get("yaml"));
        Assert.IsTrue(ResultsFormats.TryGetByMediaType("application/sparql-results+json; charset=utf-8", out var w));
        Assert.IsInstanceOfType<JsonResultsWriter>(w);
    }

    [TestMethod]
    public void WritersStreamRowsAsTheyAreEnumerated()
    {
        // Rows from an iterator that can only be walked once: a writer that enumerated twice would fail.
        static IEnumerable<INode?[]> Once()
        {
            for (var i = 0; i < 3; i++) yield return [new IriNode("http://e/" + i)];
        }
        foreach (var name in new[] { "json", "xml", "csv", "tsv" })
        {
            var rows = Once().GetEnumerator();
            var ms = new MemoryStream();
            ResultsFormats.Get(name).WriteSolutions(ms, ["x"], Walk(rows));
            StringAssert.Contains(Encoding.UTF8.GetString(ms.ToArray()), "http://e/2", name);
        }
    }

    private static IEnumerable<INode?[]> Walk(IEnumerator<INode?[]> e)
    {
        while (e.MoveNext()) yield return e.Current;
    }
}
