using System.Text;
using CsCheck;
using Graph.Rdf;
using Graph.Sparql.Results;
using Graph.TestSupport;

namespace Graph.Sparql.Tests.Properties;

/// <summary>
/// Random result sets (awkward terms, unbound cells, triple terms, blank nodes shared between rows) read back from
/// each results writer as the same table, row order kept. CSV loses term kinds and datatypes by design, so it is
/// compared in its CSV form (what the format promises); XML cannot hold C0 controls or U+FFFE at all.
/// </summary>
[TestClass]
public sealed class ResultsRoundTripProperties
{
    private const int Iterations = 300;

    private static readonly string[] VariableNames = ["x", "y", "s1", "name", "اسم", "é_2", "O"];

    private static readonly Gen<SparqlResultSet> Solutions =
        Gen.Int[0, 4].SelectMany(width =>
        {
            var vars = Gen.Shuffle(VariableNames, width);
            var cell = Gen.Frequency<INode?>((1, Gen.Const((INode?)null)), (5, RandomRdf.Term.Select(t => (INode?)t)));
            return Gen.Select(vars, cell.Array[width].List[0, 6], (v, rows) => new SparqlResultSet(v, rows));
        });

    [TestMethod]
    public void JsonResultsReadBackAsWritten() => RoundTrip("json", Read(s => JsonResultsReader.Read(new StreamReader(s), "json")), s => s);

    [TestMethod]
    public void TsvResultsReadBackAsWritten() => RoundTrip("tsv", Read(s => TsvResultsReader.Read(new StreamReader(s), "tsv")), s => s);

    [TestMethod]
    public void XmlResultsReadBackAsWritten() => RoundTrip("xml", Read(s => XmlResultsReader.Read(s, "xml")), XmlExpressible);

    [TestMethod]
    public void CsvResultsReadBackAsTheirCsvForm()
    {
        // With no variables, CSV's empty header and empty rows cannot be told from no rows at all.
        PropertyRuns.Check(Solutions.Where(rs => rs.Variables.Count > 0).Select(CsvExpressible), rs =>
        {
            var back = CsvResultsReader.Read(new StreamReader(new MemoryStream(Write("csv", rs))), "csv");
            Assert.IsTrue(ResultSetComparer.AreEqualAsCsv(back, rs, ordered: true), $"CSV round trip differs: {ResultSetComparer.Difference(ResultSetComparer.ToCsvForm(rs), back, ordered: true)}\n{Encoding.UTF8.GetString(Write("csv", rs))}");
        }, Iterations, Show);
    }

    [TestMethod]
    [DataRow("json")]
    [DataRow("xml")]
    public void BooleanResultsReadBackAsWritten(string format)
    {
        var read = format switch
        {
            "json" => Read(s => JsonResultsReader.Read(new StreamReader(s))),
            "xml" => Read(s => XmlResultsReader.Read(s)),
            _ => Read(s => XmlResultsReader.Read(s)),
        };
        foreach (var b in new[] { true, false })
        {
            var back = read(Write(format, new SparqlResultSet(b)));
            Assert.AreEqual(b, back.Boolean, $"{format} boolean {b}");
        }
    }

    [TestMethod]
    public void XmlResultsKeepACarriageReturnInALiteral()
    {
        var rs = new SparqlResultSet(["x"], [[new LiteralNode("a\rb\r\nc")]]);
        var back = XmlResultsReader.Read(new MemoryStream(Write("xml", rs)));
        Assert.AreEqual("a\rb\r\nc", ((LiteralNode)back.Rows[0][0]!).Value);
    }

    [TestMethod]
    public void XmlResultsKeepALiteralOfOnlyWhitespace()
    {
        var rs = new SparqlResultSet(["x", "y"], [[new LiteralNode("\t"), new LiteralNode("  \n ")]]);
        var back = XmlResultsReader.Read(new MemoryStream(Write("xml", rs)));
        Assert.AreEqual("\t", ((LiteralNode)back.Rows[0][0]!).Value);
        Assert.AreEqual("  \n ", ((LiteralNode)back.Rows[0][1]!).Value);
    }

    private static Func<byte[], SparqlResultSet> Read(Func<Stream, SparqlResultSet> read) => bytes => read(new MemoryStream(bytes));

    private static void RoundTrip(string format, Func<byte[], SparqlResultSet> read, Func<SparqlResultSet, SparqlResultSet> expressible)
    {
        PropertyRuns.Check(Solutions.Select(expressible), rs =>
        {
            var bytes = Write(format, rs);
            var back = read(bytes);
            var diff = ResultSetComparer.Difference(rs, back, ordered: true);
            Assert.IsNull(diff, $"{format} round trip differs: {diff}\nwritten:\n{Encoding.UTF8.GetString(bytes)}");
            CollectionAssert.AreEqual(rs.Variables.ToList(), back.Variables.ToList(), "variables");
        }, Iterations, Show);
    }

    private static byte[] Write(string format, SparqlResultSet rs)
    {
        using var ms = new MemoryStream();
        rs.WriteTo(ResultsFormats.Get(format), ms);
        return ms.ToArray();
    }

    /// <summary>CSV writes an empty literal as an unbound cell, and a non-blank term whose text starts "_:" as a blank node.</summary>
    private static SparqlResultSet CsvExpressible(SparqlResultSet rs) =>
        new(rs.Variables, rs.Rows.Select(r => r.Select(c => c is null or BlankNode || (TermText.Csv(c) is var t && t.Length > 0 && !t.StartsWith("_:", StringComparison.Ordinal)) ? c : null).ToArray()).ToList());

    private static SparqlResultSet XmlExpressible(SparqlResultSet rs) =>
        new(rs.Variables, rs.Rows.Select(r => r.Select(c => c is null || XmlSafe(c) ? c : null).ToArray()).ToList());

    private static bool XmlSafe(INode n) => n switch
    {
        LiteralNode l => XmlChars(l.Value) && XmlChars(l.Datatype.Value),
        IriNode i => XmlChars(i.Value),
        TripleNode t => XmlSafe(t.Triple.Subject) && XmlSafe(t.Triple.Object),
        _ => true,
    };

    private static bool XmlChars(string s) => s.All(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF'));

    private static string Show(SparqlResultSet rs) =>
        string.Join(" ", rs.Variables.Select(v => "?" + v)) + "\n" + string.Join("\n", rs.Rows.Select(r => string.Join(" | ", r.Select(c => c?.ToString() ?? "UNDEF"))));
}
