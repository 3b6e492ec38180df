namespace Graph.News.Tests;

/// <summary>Word-set answers are cached per word text (WordSet slots); a cached answer must equal a fresh one.</summary>
[TestClass]
public sealed class WordTestCacheTests
{
    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(NormalizedText.Of(text).Text).Tokens;

    [TestMethod]
    public void WordSetAnswersEqualThoseOfAPlainSetAskedTwice()
    {
        var words = new[] { "الجولة", "أستانا", "المقبل" };
        var cached = ArabicLexicon.Set(words);
        var plain = new HashSet<string>(words.Select(NormalizedText.Key), StringComparer.Ordinal);
        var tokens = Tokens("انطلقت الجولة المقبلة من محادثات أستانا، وبالجولة السابقة والمقبل 2024");
        for (var round = 0; round < 2; round++)
            foreach (var t in tokens)
                Assert.AreEqual(ArabicLexicon.Is(t, plain), ArabicLexicon.Is(t, cached), $"{t.Text} (round {round})");
        Assert.IsTrue(ArabicLexicon.Is(tokens[1], cached), "«الجولة» is in the set");
        Assert.IsTrue(ArabicLexicon.Is(tokens.First(t => t.Text == "وبالجوله"), cached), "a proclitic form counts");
        Assert.IsFalse(ArabicLexicon.Is(tokens.First(t => t.Text == "المقبله"), cached), "another word of the same stem does not");
    }

    [TestMethod]
    public void TwoSetsAskedAboutTheSameWordKeepTheirOwnAnswers()
    {
        var a = ArabicLexicon.Set("روسيا");
        var b = ArabicLexicon.Set("تركيا");
        var tokens = Tokens("روسيا تركيا روسيا");
        Assert.IsTrue(ArabicLexicon.Is(tokens[0], a));
        Assert.IsFalse(ArabicLexicon.Is(tokens[0], b));
        Assert.IsFalse(ArabicLexicon.Is(tokens[1], a));
        Assert.IsTrue(ArabicLexicon.Is(tokens[1], b));
        Assert.IsTrue(ArabicLexicon.Is(tokens[2], a), "the cached answer of the first «روسيا»");
        Assert.IsFalse(ArabicLexicon.Is(tokens[2], b));
    }

    [TestMethod]
    public void GapsAndNumberValuesAreReadFromTheText()
    {
        var tokens = Tokens("عقدت الجولة 19، في 1444: ثم 1234567890");
        Assert.AreEqual(19, tokens[2].Value);
        Assert.IsFalse(tokens[2].HardGapBefore);
        Assert.IsTrue(tokens[3].HardGapBefore && tokens[3].CommaBefore, "«،» before «في»");
        Assert.AreEqual(1444, tokens[4].Value);
        Assert.IsTrue(tokens[5].CommaBefore, "«:» before «ثم»");
        Assert.AreEqual(-1, tokens[6].Value, "more than nine digits has no value");
        Assert.AreEqual(-1, tokens[0].Value, "a word has no value");
    }
}
