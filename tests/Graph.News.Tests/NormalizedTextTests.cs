using Graph.News;

namespace Graph.News.Tests;

[TestClass]
public sealed class NormalizedTextTests
{
    [TestMethod]
    public void DiacriticsAndTatweelAreDroppedButSpansPointAtTheOriginal()
    {
        var original = "عُقِدَتْ الجـــولة";
        var n = NormalizedText.Of(original);
        Assert.AreEqual("عقدت الجوله", n.Text);
        var at = n.Text.IndexOf("الجوله", StringComparison.Ordinal);
        var (s, e) = n.OriginalRange(at, at + "الجوله".Length);
        Assert.AreEqual("الجـــولة", original[s..e]);
    }

    [TestMethod]
    public void AlefHamzaFormsAndAlefMaqsuraFold()
    {
        Assert.AreEqual("اسطنبول ايران اشاره الي مستشفي", NormalizedText.Of("إسطنبول إيران أشارة إلى مستشفى").Text);
        Assert.AreEqual("ااستانا", NormalizedText.Of("آأستانا").Text);
    }

    [TestMethod]
    public void EasternArabicAndPersianDigitsBecomeAscii()
    {
        Assert.AreEqual("الجوله 21 عام 2024", NormalizedText.Of("الجولة ٢١ عام ۲۰۲۴").Text);
    }

    [TestMethod]
    public void PresentationFormsAndLigaturesAreExpandedWithTheirOffsets()
    {
        // U+FEFB is the lam-alef ligature; U+FE8E U+FEDF are isolated/initial presentation forms.
        var original = "\uFEFB\u0020\uFE8D\uFEDF";
        var n = NormalizedText.Of(original);
        Assert.AreEqual("لا ال", n.Text);
        var (s, e) = n.OriginalRange(0, 2);
        Assert.AreEqual("\uFEFB", original[s..e]);
    }

    [TestMethod]
    public void BidiAndZeroWidthMarksAreRemoved()
    {
        Assert.AreEqual("جنيف 2254", NormalizedText.Of("\u200Fجنيف\u200E \u2067\u200C2254\u2069").Text);
    }

    [TestMethod]
    public void CodePointOffsetsCountAstralCharactersOnce()
    {
        var original = "😀 أستانا";
        var n = NormalizedText.Of(original);
        var at = n.Text.IndexOf("استانا", StringComparison.Ordinal);
        var (s, _) = n.OriginalRange(at, at + 6);
        Assert.AreEqual(3, s);
        Assert.AreEqual(2, n.CodePointIndex(s));
    }

    [TestMethod]
    public void TrailingTanweenBelongsToTheSpanOfItsWord()
    {
        var original = "القضاء نهائياً على";
        var n = NormalizedText.Of(original);
        var at = n.Text.IndexOf("نهائيا", StringComparison.Ordinal);
        var (s, e) = n.OriginalRange(at, at + "نهائيا".Length);
        Assert.AreEqual("نهائياً", original[s..e]);
    }
}
