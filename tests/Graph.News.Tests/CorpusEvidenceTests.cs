using Graph.News;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.News.Tests;

/// <summary>
/// Runs the converter on the shared seed and dev articles. It checks properties that hold for any article
/// (evidence spans are exact code-point slices of the text; negatives yield nothing), never the gold facts.
/// </summary>
[TestClass]
public sealed class CorpusEvidenceTests
{
    public static IEnumerable<object[]> Articles()
    {
        foreach (var dir in new[] { "seed", "dev" })
            foreach (var gold in Directory.GetFiles(SharedPaths.InShared("corpus", dir), "*.gold.json").Order(StringComparer.Ordinal))
                yield return [dir, Path.GetFileName(gold)[..^".gold.json".Length]];
    }

    private static (string Text, ArticleFacts Facts, JObject Gold) Convert(string dir, string name)
    {
        var folder = SharedPaths.InShared("corpus", dir);
        var gold = JObject.Parse(File.ReadAllText(Path.Combine(folder, name + ".gold.json")));
        var text = File.ReadAllText(Path.Combine(folder, name + ".txt"));
        var article = new Article { Id = name, Text = text, Published = DateOnly.Parse((string)gold["published"]!, System.Globalization.CultureInfo.InvariantCulture) };
        return (text, new Extractor(TestGazetteer.Instance).Extract(article), gold);
    }

    [TestMethod]
    [DynamicData(nameof(Articles))]
    public void EveryEvidenceSpanIsTheExactTextAtItsCodePointOffsets(string dir, string name)
    {
        var (text, facts, _) = Convert(dir, name);
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var quads = new RdfEmitter(TestGazetteer.Instance).Emit(facts);
        var begins = quads.Where(q => q.Predicate.Value.EndsWith("#beginIndex", StringComparison.Ordinal)).ToDictionary(q => q.Subject, q => int.Parse(((Graph.Rdf.LiteralNode)q.Object).Value, System.Globalization.CultureInfo.InvariantCulture));
        var ends = quads.Where(q => q.Predicate.Value.EndsWith("#endIndex", StringComparison.Ordinal)).ToDictionary(q => q.Subject, q => int.Parse(((Graph.Rdf.LiteralNode)q.Object).Value, System.Globalization.CultureInfo.InvariantCulture));
        var anchors = quads.Where(q => q.Predicate.Value.EndsWith("#anchorOf", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(dir == "dev" && name.EndsWith("12", StringComparison.Ordinal) || anchors.Count > 0, "no evidence at all for " + name);
        foreach (var a in anchors)
        {
            var b = begins[a.Subject];
            var e = ends[a.Subject];
            Assert.AreEqual(((Graph.Rdf.LiteralNode)a.Object).Value, string.Concat(codePoints[b..e]), $"{name} {b}..{e}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Articles))]
    public void NegativeArticlesYieldNoRoundRoleOrStatement(string dir, string name)
    {
        var (_, facts, gold) = Convert(dir, name);
        if (gold["negative"]?.Value<bool>() != true) return;
        Assert.AreEqual(0, facts.RoundCount);
        Assert.AreEqual(0, facts.Facts.Count, string.Join("\n", facts.Facts));
    }

    [TestMethod]
    public void AnArticleWithAnAstralCharacterStillHasExactOffsets()
    {
        var text = "🇸🇾 اختتمت اليوم في أستانا الجولة الرابعة عشرة من محادثات أستانا.";
        var facts = TestGazetteer.Extract(text, "2019-12-11");
        var quads = new RdfEmitter(TestGazetteer.Instance).Emit(facts);
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var anchor = quads.First(q => q.Predicate.Value.EndsWith("#anchorOf", StringComparison.Ordinal) && ((Graph.Rdf.LiteralNode)q.Object).Value.Contains("الجولة", StringComparison.Ordinal));
        var b = int.Parse(((Graph.Rdf.LiteralNode)quads.First(q => q.Subject.Equals(anchor.Subject) && q.Predicate.Value.EndsWith("#beginIndex", StringComparison.Ordinal)).Object).Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual("ا", codePoints[b]);
        Assert.IsTrue(text.IndexOf("الجولة", StringComparison.Ordinal) > b, "code-point offsets are smaller than UTF-16 offsets after an astral character");
    }

    [TestMethod]
    public void OutputIsDeterministic()
    {
        var (_, a, _) = Convert("seed", "000_caf5c10b34a3b286");
        var (_, b, _) = Convert("seed", "000_caf5c10b34a3b286");
        var emitter = new RdfEmitter(TestGazetteer.Instance);
        CollectionAssert.AreEqual(emitter.Emit(a).Select(q => q.ToString()).ToList(), emitter.Emit(b).Select(q => q.ToString()).ToList());
    }
}
