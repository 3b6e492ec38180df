using Graph.Formats;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Cli.Tests;

/// <summary>JSON Lines corpora whose "text" is not a string: each such line is reported with its number, the others converted.</summary>
[TestClass]
public sealed class ConvertJsonLinesTests : CliTestBase
{
    // Written for this test, not taken from any corpus.
    private const string Good1 = "{\"id\":\"a1\",\"published\":\"2021-02-16\",\"text\":\"انطلقت اليوم في سوتشي الجولة الخامسة عشرة من محادثات أستانا.\"}";
    private const string Good2 = "{\"id\":\"a5\",\"published\":\"2024-01-24\",\"text\":\"بدأت اليوم في أستانا الجولة الحادية والعشرون من محادثات أستانا.\"}";

    [TestMethod]
    public void ATextThatIsNotAStringIsReportedWithItsLineAndTheRestIsConverted()
    {
        var corpus = WriteFile("corpus.jsonl", string.Join("\n",
            Good1,
            "{\"id\":\"a2\",\"published\":\"2021-02-16\",\"text\":42}",
            "{\"id\":\"a3\",\"published\":\"2021-02-16\",\"text\":{\"ar\":\"نص\"}}",
            "{\"id\":\"a4\",\"published\":\"2021-02-16\",\"text\":null}",
            Good2) + "\n");
        var outFile = Path.Combine(Dir, "out.nq");
        var gazetteer = Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl");
        var (code, _, err) = RunKg("", false, "convert", corpus, "--gazetteer", gazetteer, "--out", outFile);
        Assert.AreEqual(0, code, err);
        foreach (var line in new[] { 2, 3, 4 })
            StringAssert.Contains(err, "corpus.jsonl:" + line + ":", "line " + line + " should be reported: " + err);
        Assert.IsFalse(err.Contains("corpus.jsonl:1:", StringComparison.Ordinal), err);
        Assert.IsFalse(err.Contains("corpus.jsonl:5:", StringComparison.Ordinal), err);

        var sink = new ListSink();
        RdfReader.Parse(outFile, null, "file://" + outFile, sink);
        var articles = sink.Quads.Where(q => q.Predicate is IriNode { Value: "http://purl.org/dc/terms/identifier" })
            .Select(q => ((LiteralNode)q.Object).Value).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(new[] { "a1", "a5" }, articles);
    }

    [TestMethod]
    public void PublishedDatesAreReadFromTheirFirstTenCharactersAndImpossibleDatesFallBack()
    {
        string Line(string id, string published) => Newtonsoft.Json.JsonConvert.SerializeObject(new { id, published, text = "بدأت اليوم في أستانا الجولة الحادية والعشرون." });
        var corpus = WriteFile("dates.jsonl", string.Join("\n",
            Line("leap", "2024-02-29T08:30:00Z"),
            Line("noleap", "2023-02-29"),
            Line("month13", "2023-13-01"),
            Line("short", "2023-1-5"),
            Line("eastern", "٢٠٢٣-٠١-٠٥"),
            Line("plain", "2021-12-31")) + "\n");
        var outFile = Path.Combine(Dir, "dates.nq");
        var gazetteer = Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl");
        var (code, _, err) = RunKg("", false, "convert", corpus, "--gazetteer", gazetteer, "--out", outFile);
        Assert.AreEqual(0, code, err);
        foreach (var line in new[] { 2, 3, 4, 5 })
            StringAssert.Contains(err, "dates.jsonl:" + line + ": no valid \"published\"", err);
        Assert.IsFalse(err.Contains("dates.jsonl:1:", StringComparison.Ordinal), err);
        Assert.IsFalse(err.Contains("dates.jsonl:6:", StringComparison.Ordinal), err);
        var sink = new ListSink();
        RdfReader.Parse(outFile, null, "file://" + outFile, sink);
        var dates = sink.Quads.Where(q => q.Predicate is IriNode { Value: "https://schema.org/datePublished" })
            .Select(q => ((LiteralNode)q.Object).Value).ToHashSet();
        Assert.Contains("2024-02-29", dates);
        Assert.Contains("2021-12-31", dates);
    }
}
