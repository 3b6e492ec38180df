using Graph.News;

namespace Graph.News.Tests;

[TestClass]
public sealed class RoundRecognizerTests
{
    // Ordinals written out here, independently of the lexicon under test.
    private static readonly string[] Feminine =
    [
        "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة",
        "الحادية عشرة", "الثانية عشرة", "الثالثة عشرة", "الرابعة عشرة", "الخامسة عشرة", "السادسة عشرة", "السابعة عشرة", "الثامنة عشرة", "التاسعة عشرة", "العشرين",
        "الحادية والعشرين", "الثانية والعشرين", "الثالثة والعشرين", "الرابعة والعشرين", "الخامسة والعشرين", "السادسة والعشرين", "السابعة والعشرين", "الثامنة والعشرين", "التاسعة والعشرين", "الثلاثين",
    ];

    private static readonly string[] Masculine =
    [
        "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
        "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرون",
        "الحادي والعشرون", "الثاني والعشرون", "الثالث والعشرون", "الرابع والعشرون", "الخامس والعشرون", "السادس والعشرون", "السابع والعشرون", "الثامن والعشرون", "التاسع والعشرون", "الثلاثون",
    ];

    private static List<RoundMention> Find(string text)
    {
        var (tokens, sentences) = Tokenizer.Tokenize(NormalizedText.Of(text).Text);
        return sentences.SelectMany(s => RoundRecognizer.Find(tokens, s, new HashSet<int>())).ToList();
    }

    private static int Number(string text)
    {
        var m = Find(text).Where(r => r.Reference == RoundReference.Number).ToList();
        Assert.AreEqual(1, m.Count, text);
        return m[0].Number;
    }

    [TestMethod]
    public void FeminineOrdinalsOneToThirtyAfterJawla()
    {
        for (var n = 1; n <= 30; n++) Assert.AreEqual(n, Number("انتهت الجولة " + Feminine[n - 1] + " من المحادثات"), Feminine[n - 1]);
    }

    [TestMethod]
    public void MasculineOrdinalsOneToThirtyAfterIjtima()
    {
        for (var n = 1; n <= 30; n++) Assert.AreEqual(n, Number("انتهى الاجتماع الدولي " + Masculine[n - 1] + " حول سوريا"), Masculine[n - 1]);
    }

    [TestMethod]
    public void NumeralForms()
    {
        Assert.AreEqual(19, Number("تبدأ الجولة الـ19 غدا"));
        Assert.AreEqual(19, Number("تبدأ الجولة الـ 19 غدا"));
        Assert.AreEqual(17, Number("تبدأ الجولة ١٧ غدا"));
        Assert.AreEqual(15, Number("تبدأ الجولة رقم 15 غدا"));
        Assert.AreEqual(19, Number("قبيل انطلاق أستانا 19 بأيام"));
        Assert.AreEqual(14, Number("في ختام \"أستانا-14\" أمس"));
        Assert.AreEqual(21, Number("في ختام جولتها الحادية والعشرين"));
    }

    [TestMethod]
    public void ADateAfterTheCityIsNotARound()
    {
        var (tokens, sentences) = Tokenizer.Tokenize(NormalizedText.Of("تستضيف أستانا 15 و16 حزيران الاجتماع").Text);
        var dates = DateRecognizer.Find(tokens, 0, tokens.Count, new DateOnly(2022, 6, 1), _ => true);
        var used = dates.SelectMany(d => Enumerable.Range(d.First, d.Last - d.First + 1)).ToHashSet();
        Assert.IsFalse(RoundRecognizer.Find(tokens, sentences[0], used).Any(r => r.Reference == RoundReference.Number));
    }

    [TestMethod]
    public void RelativeRoundsAndAppositions()
    {
        Assert.AreEqual(RoundReference.Next, Find("قرروا عقد الجولة المقبلة في الربيع").Single().Reference);
        Assert.AreEqual(RoundReference.Previous, Find("مثلما جرى في الاجتماع السابق").Single().Reference);
        Assert.AreEqual(9, Number("قرروا عقد الاجتماع المقبل، وهو التاسع، في الربيع"));
        Assert.AreEqual(1, Number("افتتحت أولى جولات الحوار"));
    }

    [TestMethod]
    public void OtherKindsOfMeetingAreNotRounds()
    {
        Assert.AreEqual(0, Find("عقد الاجتماع الرباعي لوزراء الخارجية").Count(r => r.Reference == RoundReference.Number));
        Assert.AreEqual(0, Find("انتهى الاجتماع الوزاري").Count);
        Assert.AreEqual(0, Find("عقدت سبع عشرة جولة حتى الآن").Count(r => r.Reference == RoundReference.Number));
    }
}
