namespace Graph.News.Tests;

/// <summary>Numbered sessions of other gatherings, even in Astana or beside a mention of the talks, are not rounds.</summary>
[TestClass]
public sealed class NegativeArticleTests
{
    [TestMethod]
    public void AForumInTheKazakhCapitalHasNoRounds()
    {
        var f = TestGazetteer.Extract("افتتح الرئيس الكازاخستاني اليوم في أستانا الدورة الثانية لمنتدى أستانا الدولي للاقتصاد.", "2023-06-08");
        Assert.AreEqual(0, f.Facts.Count);
    }

    [TestMethod]
    public void AConferenceEditionInAstanaIsNotARound()
    {
        var f = TestGazetteer.Extract("انطلقت في أستانا اليوم النسخة الثالثة من مؤتمر قادة الأديان العالمية والتقليدية.", "2023-09-14");
        Assert.AreEqual(0, f.Rounds().Count);
    }

    [TestMethod]
    public void ACommitteeRoundNextToAMentionOfTheTalksIsNotAnAstanaRound()
    {
        var f = TestGazetteer.Extract("بدأت في جنيف اليوم الجولة الثامنة من اجتماعات اللجنة الدستورية السورية، بعد أسابيع من انتهاء محادثات أستانا.", "2022-05-30");
        Assert.AreEqual(0, f.Rounds().Count);
    }
}
