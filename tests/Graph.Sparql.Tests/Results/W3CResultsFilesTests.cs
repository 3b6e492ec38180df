using Graph.Rdf;
using Graph.Sparql.Results;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Results;

/// <summary>
/// The reader side against the W3C suites: every expected-results file of the SPARQL 1.1 and 1.0 query folders
/// parses, survives a round trip through each writer, and the json-res / csv-tsv-res expectations agree with
/// results written out by hand from the tests' data files.
/// </summary>
[TestClass]
public sealed class W3CResultsFilesTests
{
    public static IEnumerable<object[]> ResultFiles()
    {
        foreach (var suite in new[] { "sparql11", "sparql10" })
        {
            var root = SharedPaths.InShared("w3c", suite);
            foreach (var f in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".srx", StringComparison.Ordinal) || f.EndsWith(".srj", StringComparison.Ordinal)
                                     || f.EndsWith(".tsv", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                yield return [Path.GetRelativePath(SharedPaths.Shared, f)];
        }
    }

    internal static SparqlResultSet Read(string path) => Path.GetExtension(path) switch
    {
        ".srx" => XmlResultsReader.ReadFile(path),
        ".srj" => JsonResultsReader.ReadFile(path),
        ".tsv" => TsvResultsReader.ReadFile(path),
        ".csv" => CsvResultsReader.ReadFile(path),
        var e => throw new ArgumentException(e),
    };

    [TestMethod]
    public void TheSuitesHoldResultFilesInEveryFormat()
    {
        var files = ResultFiles().Select(f => (string)f[0]).ToList();
        Assert.IsGreaterThan(200, files.Count(f => f.EndsWith(".srx", StringComparison.Ordinal)));
        Assert.IsGreaterThan(3, files.Count(f => f.EndsWith(".srj", StringComparison.Ordinal)));
        Assert.IsGreaterThan(2, files.Count(f => f.EndsWith(".tsv", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DynamicData(nameof(ResultFiles))]
    public void EachResultFileRoundTripsThroughEveryWriter(string relative)
    {
        var path = Path.Combine(SharedPaths.Shared, relative);
        var original = Read(path);
        foreach (var (writer, reader) in new (ISparqlResultsWriter, Func<Stream, SparqlResultSet>)[]
                 {
                     (new JsonResultsWriter(), s => JsonResultsReader.Read(new StreamReader(s))),
                     (new XmlResultsWriter(), s => XmlResultsReader.Read(s)),
                     (new TsvResultsWriter(), s => TsvResultsReader.Read(new StreamReader(s))),
                 })
        {
            if (original.IsBoolean && writer is TsvResultsWriter) continue;
            var ms = new MemoryStream();
            original.WriteTo(writer, ms);
            ms.Position = 0;
            var back = reader(ms);
            var diff = ResultSetComparer.Difference(original, back, ordered: true);
            Assert.IsNull(diff, writer.MediaType + ": " + diff);
            // Exact terms, not only value-equal ones: writers must not rewrite lexical forms.
            for (var r = 0; r < original.Rows.Count; r++)
                for (var c = 0; c < original.Variables.Count; c++)
                    if (original.Rows[r][c] is not BlankNode and not TripleNode)
                        Assert.AreEqual(original.Rows[r][c], back.Rows[r][back.Variables.ToList().IndexOf(original.Variables[c])], writer.MediaType);
        }
    }

    private static IriNode Ex(string local) => new("http://example.org/" + local);

    /// <summary>json-res/data.ttl by hand, in the order of "ORDER BY ?s ?p ?o".</summary>
    private static SparqlResultSet JsonResData() => new(["s", "p", "o"],
    [
        [Ex("s1"), Ex("p1"), Ex("s2")],
        [Ex("s2"), Ex("p2"), new LiteralNode("foo")],
        [Ex("s3"), Ex("p2"), new LiteralNode("bar")],
        [Ex("s4"), Ex("p4"), LiteralNode.Typed("4", Vocab.Xsd.Integer)],
        [Ex("s5"), Ex("p5"), LiteralNode.Typed("5", Vocab.Xsd.Decimal)],
        [Ex("s6"), Ex("p6"), new BlankNode("o6")],
    ]);

    [TestMethod]
    public void JsonRes01MatchesItsDataWrittenOutByHand()
    {
        var expected = Read(SharedPaths.InShared("w3c", "sparql11", "json-res", "jsonres01.srj"));
        Assert.IsNull(ResultSetComparer.Difference(expected, JsonResData(), ordered: true));
    }

    [TestMethod]
    public void JsonResAskResultsAreTrueAndFalse()
    {
        Assert.IsTrue(Read(SharedPaths.InShared("w3c", "sparql11", "json-res", "jsonres03.srj")).Boolean);
        Assert.IsFalse(Read(SharedPaths.InShared("w3c", "sparql11", "json-res", "jsonres04.srj")).Boolean);
    }

    /// <summary>csv-tsv-res/data2.ttl by hand: the corner cases of typed literals.</summary>
    private static SparqlResultSet CsvTsvData2() => new(["s", "p", "o"],
    [
        [Ex("s1"), Ex("p1"), new LiteralNode("1")],
        [Ex("s2"), Ex("p2"), LiteralNode.Typed("2.2", Vocab.Xsd.Decimal)],
        [Ex("s3"), Ex("p3"), LiteralNode.Typed("-3", Vocab.Xsd.NegativeInteger)],
        [Ex("s4"), Ex("p4"), new LiteralNode("4,4")],
        [Ex("s5"), Ex("p5"), LiteralNode.Typed("5,5", "http://example.org/myCustomDatatype")],
        [Ex("s6"), Ex("p6"), LiteralNode.Typed("1.0E6", Vocab.Xsd.Double)],
        [Ex("s7"), Ex("p7"), LiteralNode.Typed("a7", Vocab.Xsd.Ns + "hexBinary")],
    ]);

    [TestMethod]
    public void Tsv03MatchesItsDataWrittenOutByHand() =>
        Assert.IsNull(ResultSetComparer.Difference(Read(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", "csvtsv03.tsv")), CsvTsvData2(), ordered: true));

    [TestMethod]
    public void Csv03MatchesItsDataInCsvForm()
    {
        var expected = Read(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", "csvtsv03.csv"));
        Assert.IsTrue(ResultSetComparer.AreEqualAsCsv(expected, CsvTsvData2(), ordered: true));
    }

    [TestMethod]
    public void Csv03DiffersWhenAValueDiffers()
    {
        var expected = Read(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", "csvtsv03.csv"));
        var rows = CsvTsvData2().Rows.ToList();
        rows[3] = [Ex("s4"), Ex("p4"), new LiteralNode("4;4")];
        Assert.IsFalse(ResultSetComparer.AreEqualAsCsv(expected, new SparqlResultSet(["s", "p", "o"], rows), ordered: true));
    }

    [TestMethod]
    [DataRow("csvtsv01")]
    [DataRow("csvtsv02")]
    public void CsvAndTsvExpectationsOfOneTestAgree(string name)
    {
        var csv = Read(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", name + ".csv"));
        var tsv = Read(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", name + ".tsv"));
        Assert.IsNull(ResultSetComparer.Difference(csv, ResultSetComparer.ToCsvForm(tsv), ordered: true));
    }

    [TestMethod]
    public void WritingTheTsv03DataGivesTheW3CFile()
    {
        var ms = new MemoryStream();
        new TsvResultsWriter().WriteSolutions(ms, CsvTsvData2().Variables, CsvTsvData2().Rows);
        var written = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n');
        var w3c = File.ReadAllText(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", "csvtsv03.tsv")).Split('\n');
        // Every line is identical except the double, which the W3C file spells 1.0e6 and our data 1.0E6.
        Assert.HasCount(w3c.Length, written);
        for (var i = 0; i < w3c.Length; i++)
            Assert.AreEqual(w3c[i].Replace("1.0e6", "1.0E6", StringComparison.Ordinal), written[i]);
    }

    [TestMethod]
    public void WritingTheCsv03DataGivesTheW3CFileWithCrlfLineEnds()
    {
        var ms = new MemoryStream();
        new CsvResultsWriter().WriteSolutions(ms, CsvTsvData2().Variables, CsvTsvData2().Rows);
        var written = System.Text.Encoding.UTF8.GetString(ms.ToArray());
        var w3c = File.ReadAllText(SharedPaths.InShared("w3c", "sparql11", "csv-tsv-res", "csvtsv03.csv"));
        Assert.AreEqual(w3c.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal), written);
    }
}
