namespace Graph.News.Tests;

/// <summary>
/// Four short articles written for these tests in the manner of different outlets (Algerian daily with Maghrebi
/// months, Moroccan wire with «بعد غد», Gulf wire with a Hijri date and a postponement, Egyptian daily with an
/// ordinal in words), in Articles/, checked against facts written by hand.
/// </summary>
[TestClass]
public sealed class NewsStyleArticleTests
{
    private static ArticleFacts Convert(string name, string published) =>
        TestGazetteer.Extract(File.ReadAllText(Path.Combine(Graph.TestSupport.SharedPaths.RepoRoot, "tests", "Graph.News.Tests", "Articles", name + ".txt")), published);

    [TestMethod]
    public void AnAlgerianDailyWithMaghrebiMonthsAndARelativeClosingDay()
    {
        var f = Convert("algerian-daily", "2024-01-26");
        CollectionAssert.AreEqual(new[] { 21, 22 }, f.Rounds());
        Assert.AreEqual("2024-01-24", f.RoundValue(21, "startDate"));
        Assert.AreEqual("2024-01-25", f.RoundValue(21, "endDate"));
        Assert.AreEqual("held", f.RoundValue(21, "status"));
        Assert.AreEqual("astana", f.RoundValue(21, "location"));
        Assert.AreEqual("2024-07-01", f.RoundValue(22, "earliestDate"));
        Assert.AreEqual("2024-12-31", f.RoundValue(22, "latestDate"));
        Assert.AreEqual("announced", f.RoundValue(22, "status"));
        Assert.IsNull(f.RoundValue(22, "location"));
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, f.Objects("guarantor"));
        CollectionAssert.AreEquivalent(new[] { "syrian_government", "syrian_opposition" }, f.Objects("participant"));
        Assert.AreEqual(0, f.Objects("observer").Count);
        CollectionAssert.AreEquivalent(new[] { "sovereignty_territorial_integrity" }, f.Objects("affirms"));
        CollectionAssert.AreEquivalent(new[] { "israeli_attacks" }, f.Objects("condemns"));
        Assert.AreEqual(0, f.Objects("callsFor").Count);
    }

    [TestMethod]
    public void AMoroccanWireWithTheDayAfterTomorrowAndASochiRound()
    {
        var f = Convert("moroccan-wire", "2018-07-28");
        CollectionAssert.AreEqual(new[] { 9, 10 }, f.Rounds());
        Assert.AreEqual("2018-07-30", f.RoundValue(10, "startDate"));
        Assert.AreEqual("2018-07-31", f.RoundValue(10, "endDate"));
        Assert.AreEqual("announced", f.RoundValue(10, "status"));
        Assert.AreEqual("sochi", f.RoundValue(10, "location"));
        Assert.AreEqual("russia", f.RoundValue(10, "host"));
        Assert.IsNull(f.RoundValue(9, "startDate"));
        Assert.AreEqual("2018-05-11", f.RoundValue(9, "earliestDate"));
        Assert.AreEqual("2018-05-20", f.RoundValue(9, "latestDate"));
        Assert.AreEqual("held", f.RoundValue(9, "status"));
        Assert.AreEqual("astana", f.RoundValue(9, "location"));
        CollectionAssert.AreEquivalent(new[] { "kazakhstan", "syrian_government", "syrian_opposition" }, f.Objects("participant"));
        Assert.AreEqual(0, f.Objects("observer").Count + f.Objects("guarantor").Count);
    }

    [TestMethod]
    public void AGulfWireWithAHijriDateAndAPostponement()
    {
        var f = Convert("gulf-hijri", "2020-06-17");
        CollectionAssert.AreEqual(new[] { 14, 15 }, f.Rounds());
        Assert.AreEqual("EventPostponed", f.RoundValue(15, "eventStatus"));
        Assert.AreEqual("announced", f.RoundValue(15, "status"));
        Assert.IsNull(f.RoundValue(15, "earliestDate"));
        CollectionAssert.AreEqual(new[] { "2020-06-17" }, f.Objects("announcementDate"));
        CollectionAssert.AreEqual(new[] { "mfa_kazakhstan" }, f.Objects("announcedBy"));
        Assert.AreEqual("2019-12-10", f.RoundValue(14, "startDate"));
        Assert.AreEqual("2019-12-11", f.RoundValue(14, "endDate"));
        Assert.AreEqual("held", f.RoundValue(14, "status"));
        Assert.AreEqual("astana", f.RoundValue(14, "location"));
        Assert.IsNull(f.RoundValue(14, "eventStatus"));
        CollectionAssert.AreEquivalent(new[] { "separatist_agendas" }, f.Objects("condemns"));
    }

    [TestMethod]
    public void AnEgyptianDailyWithAnOrdinalInWordsAndObservers()
    {
        var f = Convert("egyptian-daily", "2024-11-11");
        CollectionAssert.AreEqual(new[] { 22 }, f.Rounds());
        Assert.AreEqual("2024-11-11", f.RoundValue(22, "startDate"));
        Assert.AreEqual("2024-11-12", f.RoundValue(22, "endDate"));
        Assert.AreEqual("ongoing", f.RoundValue(22, "status"));
        Assert.AreEqual("astana", f.RoundValue(22, "location"));
        CollectionAssert.AreEquivalent(new[] { "iraq", "jordan", "lebanon", "united_nations" }, f.Objects("observer"));
        CollectionAssert.Contains(f.Objects("mentions"), "hts");
        // An agenda («ويبحث المشاركون») is not what a statement says.
        Assert.AreEqual(0, f.Objects("affirms").Count + f.Objects("callsFor").Count + f.Objects("condemns").Count);
    }
}
