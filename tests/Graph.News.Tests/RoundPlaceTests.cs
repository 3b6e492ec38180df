namespace Graph.News.Tests;

/// <summary>Where a round is held when the round's own sentence names only the hosting state.</summary>
[TestClass]
public sealed class RoundPlaceTests
{
    [TestMethod]
    public void AHostStateTakesTheCityWhereTheArticlePlacesTheMeetings()
    {
        var f = TestGazetteer.Extract(
            "عقد خبراء من الدول الثلاث اليوم الإثنين في منتجع سوتشي اجتماعاً تقنياً حول ملف المعتقلين. " +
            "ويأتي الاجتماع التقني تمهيداً للجولة العاشرة من محادثات أستانا التي تستضيفها روسيا يومي 30 و31 تموز الجاري.", "2018-07-30");
        CollectionAssert.AreEqual(new[] { 10 }, f.Rounds());
        Assert.AreEqual("sochi", f.RoundValue(10, "location"));
        Assert.AreEqual("russia", f.RoundValue(10, "host"));
    }

    [TestMethod]
    public void AHostStateBeforeTheRoundCountsToo()
    {
        var f = TestGazetteer.Extract(
            "وصلت الوفود اليوم إلى العاصمة الكازاخية أستانا حيث تعقد اللجان الفنية اجتماعاتها. وتستضيف كازاخستان الجولة التاسعة من محادثات أستانا منتصف أيار المقبل.", "2018-04-30");
        Assert.AreEqual("astana", f.RoundValue(9, "location"));
        Assert.AreEqual("kazakhstan", f.RoundValue(9, "host"));
    }

    [TestMethod]
    public void AHostStateWithoutAnyOfItsCitiesGivesTheHostButNoPlace()
    {
        var f = TestGazetteer.Extract(
            "تنطلق الجولة الحادية والعشرون من محادثات أستانا التي تستضيفها كازاخستان أواخر كانون الثاني المقبل، فيما عقد وزراء الخارجية اجتماعاً في موسكو.", "2023-12-20");
        CollectionAssert.AreEqual(new[] { 21 }, f.Rounds());
        Assert.IsNull(f.RoundValue(21, "location"));
        Assert.AreEqual("kazakhstan", f.RoundValue(21, "host"));
    }

    [TestMethod]
    public void AStateHostingSomethingElseInTheSentenceIsNotTheRoundsHost()
    {
        var f = TestGazetteer.Extract(
            "واتفقت الأطراف على عقد الجولة الثانية والعشرين من مسار أستانا في النصف الثاني من العام الجاري، على أن تستضيف روسيا القمة المقبلة في منتجع سوتشي.", "2024-01-25");
        CollectionAssert.AreEqual(new[] { 22 }, f.Rounds());
        Assert.IsNull(f.RoundValue(22, "location"));
        Assert.IsNull(f.RoundValue(22, "host"));
    }

    [TestMethod]
    public void SyriaIsNeverTheHostOfTheTalksAboutIt()
    {
        var f = TestGazetteer.Extract("انطلقت اليوم الجولة الثالثة من محادثات أستانا حول التسوية في سوريا بمشاركة وفد الحكومة.", "2017-03-14");
        CollectionAssert.AreEqual(new[] { 3 }, f.Rounds());
        Assert.IsNull(f.RoundValue(3, "host"));
        Assert.IsNull(f.RoundValue(3, "location"));
    }
}
