using System.Text;
using Graph.Formats;
using Graph.News;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Cli.Tests;

[TestClass]
public sealed class ConvertVerbTests : CliTestBase
{
    // Written for this test, not taken from any corpus.
    private const string Article =
        "أعلنت وزارة الخارجية الكازاخستانية اليوم الثلاثاء أن الجولة العشرين من محادثات أستانا بشأن سوريا ستعقد في العاصمة أستانا.\n";

    private static (int Code, string Err) Run(params string[] args)
    {
        var (code, _, err) = RunKg("", false, args);
        return (code, err);
    }

    private static List<Quad> Read(string path)
    {
        var sink = new ListSink();
        RdfReader.Parse(path, null, "file://" + path, sink);
        return sink.Quads;
    }

    [TestMethod]
    public void JsonLdOutputHoldsTheSameGraphAsNQuadsOutput()
    {
        var dir = Directory.CreateTempSubdirectory("kg-convert-").FullName;
        try
        {
            var txt = Path.Combine(dir, "a.txt");
            File.WriteAllText(txt, Article, new UTF8Encoding(false));
            var gazetteer = Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl");
            var nq = Path.Combine(dir, "out", "a.nq");
            var jsonld = Path.Combine(dir, "out", "a.jsonld");
            var r1 = Run("convert", txt, "--published", "2023-06-20", "--gazetteer", gazetteer, "--out", nq);
            Assert.AreEqual(0, r1.Code, r1.Err);
            var r2 = Run("convert", txt, "--published", "2023-06-20", "--gazetteer", gazetteer, "--out", jsonld);
            Assert.AreEqual(0, r2.Code, r2.Err);

            var expected = Read(nq);
            Assert.IsTrue(expected.Count > 0, "the article should yield statements");
            StringAssert.Contains(File.ReadAllText(jsonld), "\"@context\"");
            Assert.IsTrue(Isomorphism.AreIsomorphic(expected, Read(jsonld)), "JSON-LD and N-Quads output differ");
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void AnUnknownOutputExtensionIsAUsageError()
        => Assert.AreEqual(2, Run("convert", "a.txt", "--published", "2023-06-20", "--out", "a.csv").Code);

    [TestMethod]
    public void JsonLinesProblemsAreReportedByLineInFileOrderAndTheGoodLinesConverted()
    {
        // More lines than the parser handles on one thread, with problems near the start and the end.
        var lines = new List<string>();
        string Good(string id) => Newtonsoft.Json.JsonConvert.SerializeObject(new { id, published = "2023-06-20", text = Article });
        for (var i = 0; i < 150; i++) lines.Add(Good("a" + i));
        lines[3] = "{ not json";
        lines[5] = "   ";
        lines[7] = Newtonsoft.Json.JsonConvert.SerializeObject(new { id = "nodate", text = Article, url = "not a url" });
        lines[140] = Newtonsoft.Json.JsonConvert.SerializeObject(new { id = "empty", published = "2023-06-20" });
        lines[145] = Good("a0");
        var corpus = WriteFile("corpus.jsonl", string.Join("\n", lines) + "\n");
        var gazetteer = Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl");
        var output = Path.Combine(Dir, "out.nq");
        var (code, err) = Run("convert", corpus, "--gazetteer", gazetteer, "--out", output);
        Assert.AreEqual(0, code, err);
        var reported = err.Split('\n').Where(l => l.StartsWith("kg convert: warning: ", StringComparison.Ordinal)).Select(l => l["kg convert: warning: ".Length..]).ToList();
        Assert.HasCount(5, reported, err);
        StringAssert.StartsWith(reported[0], corpus + ":4: malformed JSON");
        StringAssert.StartsWith(reported[1], corpus + ":8: no valid \"published\"; using ");
        Assert.AreEqual(corpus + ":8: \"url\" is not an absolute URL; ignored", reported[2]);
        Assert.AreEqual(corpus + ":141: no \"text\"; line skipped", reported[3]);
        Assert.AreEqual("article id 'a0' repeats; this one is 'a0-2'", reported[4]);
        StringAssert.Contains(err, "kg convert: 147 article(s)");
        var subjects = Read(output).Select(q => q.Subject).OfType<IriNode>().Select(n => n.Value).ToHashSet();
        Assert.Contains(Ns.Id + "article/a0-2", subjects);
        Assert.Contains(Ns.Id + "article/nodate", subjects);
        Assert.Contains(Ns.Id + "article/a149", subjects);
        Assert.DoesNotContain(Ns.Id + "article/a3", subjects);
    }
}
