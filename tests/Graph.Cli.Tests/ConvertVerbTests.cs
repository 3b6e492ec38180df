using System.Text;
using Graph.Formats;
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
}
