using Graph.News;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.News.Tests;

/// <summary>`kg convert` extracts a batch of articles on several threads with one shared extractor and emitter.</summary>
[TestClass]
public sealed class ConcurrentExtractionTests
{
    private static List<Article> DevArticles()
    {
        var folder = SharedPaths.InShared("corpus", "dev");
        return Directory.GetFiles(folder, "*.gold.json").Order(StringComparer.Ordinal).Select(gold =>
        {
            var name = Path.GetFileName(gold)[..^".gold.json".Length];
            var published = (string)JObject.Parse(File.ReadAllText(gold))["published"]!;
            return new Article { Id = name, Text = File.ReadAllText(Path.Combine(folder, name + ".txt")), Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };
        }).ToList();
    }

    private static string Describe(Extractor extractor, RdfEmitter emitter, Article a) =>
        string.Join("\n", emitter.Emit(extractor.Extract(a)).Select(q => q.ToString()));

    [TestMethod]
    public void ExtractingOnManyThreadsGivesTheSameQuadsAsOneByOne()
    {
        var articles = DevArticles();
        Assert.IsTrue(articles.Count >= 10);
        var sequential = articles.Select(a => Describe(new Extractor(TestGazetteer.Instance), new RdfEmitter(TestGazetteer.Instance), a)).ToList();
        var extractor = new Extractor(TestGazetteer.Instance);
        var emitter = new RdfEmitter(TestGazetteer.Instance);
        // Each article several times over, interleaved, so threads share cue caches and the gazetteer at once.
        var jobs = Enumerable.Range(0, articles.Count * 8).Select(i => i % articles.Count).ToArray();
        var results = new string[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, j => results[j] = Describe(extractor, emitter, articles[jobs[j]]));
        for (var j = 0; j < jobs.Length; j++)
            Assert.AreEqual(sequential[jobs[j]], results[j], articles[jobs[j]].Id);
    }
}
