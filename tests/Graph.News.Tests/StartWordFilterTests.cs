using System.Globalization;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.News.Tests;

/// <summary>
/// DateRecognizer and RoundRecognizer skip tokens that no reading can start with (their StartWords). A reading whose
/// first word is missing from that list would silently never fire, so every article we have is recognised with the
/// filter and with every token tried, and the results must be the same.
/// </summary>
[TestClass]
public sealed class StartWordFilterTests
{
    private static IEnumerable<(string Name, string Text, DateOnly Published)> AllArticles()
    {
        var dirs = new List<string> { SharedPaths.InShared("corpus", "dev"), SharedPaths.InShared("corpus", "seed") };
        dirs.AddRange(Directory.GetDirectories(Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.News.Tests", "Corpus")).Order(StringComparer.Ordinal));
        foreach (var dir in dirs)
            foreach (var gold in Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
            {
                var text = gold[..^".gold.json".Length] + ".txt";
                var published = DateOnly.Parse((string)JObject.Parse(File.ReadAllText(gold))["published"]!, CultureInfo.InvariantCulture);
                yield return (text, File.ReadAllText(text), published);
            }
    }

    private static string Describe(DateExpression d) =>
        $"{d} days={string.Join(',', d.Days.Select(x => x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))} rel={d.Relative} hijri={d.Hijri} stated={d.StatedDay}";

    private static string Describe(RoundMention r) => $"{r} sentence={r.Sentence} session={r.SessionHead}";

    [TestMethod]
    public void TheStartWordFiltersNeverChangeWhatIsRecognised()
    {
        var articles = 0;
        var dates = 0;
        var rounds = 0;
        foreach (var (name, text, published) in AllArticles())
        {
            articles++;
            var (t, sentences) = Tokenizer.Tokenize(NormalizedText.Of(text).Text);
            // Both tenses, so that weekday readings in either direction are compared.
            foreach (var future in new[] { false, true })
            {
                var dateTokens = new HashSet<int>();
                foreach (var s in sentences)
                {
                    var filtered = DateRecognizer.Find(t, s.FirstToken, s.EndToken, published, _ => future, skipNonStartWords: true);
                    var all = DateRecognizer.Find(t, s.FirstToken, s.EndToken, published, _ => future, skipNonStartWords: false);
                    CollectionAssert.AreEqual(all.Select(Describe).ToList(), filtered.Select(Describe).ToList(), $"dates of {name}, sentence {s.Index}");
                    dates += filtered.Count;
                    foreach (var d in filtered)
                        for (var i = d.First; i <= d.Last; i++) dateTokens.Add(i);
                }
                foreach (var s in sentences)
                {
                    var filtered = RoundRecognizer.Find(t, s, dateTokens, skipNonStartWords: true);
                    var all = RoundRecognizer.Find(t, s, dateTokens, skipNonStartWords: false);
                    CollectionAssert.AreEqual(all.Select(Describe).ToList(), filtered.Select(Describe).ToList(), $"round mentions of {name}, sentence {s.Index}");
                    rounds += filtered.Count;
                }
            }
        }
        // The comparison means something only over articles full of dates and rounds.
        Assert.IsTrue(articles >= 20, $"only {articles} articles");
        Assert.IsTrue(dates >= 50, $"only {dates} dates");
        Assert.IsTrue(rounds >= 50, $"only {rounds} round mentions");
    }
}
