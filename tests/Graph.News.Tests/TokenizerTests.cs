using Graph.News;

namespace Graph.News.Tests;

[TestClass]
public sealed class TokenizerTests
{
    private static List<Token> Tokens(string s) => Tokenizer.Tokenize(NormalizedText.Of(s).Text).Tokens;

    [TestMethod]
    public void LettersAndDigitsAreSeparateTokens()
    {
        CollectionAssert.AreEqual(new[] { "الجوله", "ال", "19", "و", "20" }, Tokens("الجولة الـ19 و20").Select(t => t.Text).ToArray());
    }

    [TestMethod]
    public void SentencesEndAtFullStopsButNotAtDecimalPoints()
    {
        var (tokens, sentences) = Tokenizer.Tokenize(NormalizedText.Of("ارتفع المؤشر 2.5 نقطة. وانتهى الاجتماع").Text);
        Assert.AreEqual(2, sentences.Count);
        Assert.AreEqual(0, tokens.Single(t => t.Text == "5").Sentence);
    }

    [TestMethod]
    public void ConjunctionAndPrepositionStacksOfferTheBareWord()
    {
        var forms = Clitics.Forms(NormalizedText.Key("وبالعاصمة")).Select(f => f.Form).ToList();
        CollectionAssert.Contains(forms, NormalizedText.Key("العاصمة"));
        CollectionAssert.Contains(Clitics.Forms(NormalizedText.Key("للأمم")).Select(f => f.Form).ToList(), NormalizedText.Key("الأمم"));
        CollectionAssert.Contains(Clitics.Forms(NormalizedText.Key("ستنطلق")).Select(f => f.Form).ToList(), NormalizedText.Key("تنطلق"));
    }

    [TestMethod]
    public void ShortWordsAreNotStripped()
    {
        Assert.AreEqual(1, Clitics.Forms("وفد").Length);
    }

    [TestMethod]
    public void CommasMakeAHardGap()
    {
        var t = Tokens("روسيا، تركيا (إيران)");
        Assert.IsTrue(t[1].HardGapBefore);
        Assert.IsFalse(t[2].HardGapBefore);
    }
}
