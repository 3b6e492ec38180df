namespace Graph.News.Tests;

/// <summary>Postponed, rescheduled and cancelled rounds: schema:eventStatus, schema:previousStartDate, and a scored status that stays announced/held/ongoing.</summary>
[TestClass]
public sealed class RoundChangeTests
{
    [TestMethod]
    public void APostponedRoundWithoutANewDateIsPostponedAndStillAnnounced()
    {
        var f = TestGazetteer.Extract(
            "أعلنت وزارة الخارجية الكازاخستانية اليوم الخميس تأجيل الجولة الرابعة عشرة من محادثات أستانا، التي كانت مقررة في 28 تشرين الأول الجاري، إلى موعد يحدد لاحقاً.", "2019-10-17");
        CollectionAssert.AreEqual(new[] { 14 }, f.Rounds());
        Assert.AreEqual("EventPostponed", f.RoundValue(14, "eventStatus"));
        Assert.AreEqual("2019-10-28", f.RoundValue(14, "previousStartDate"));
        Assert.AreEqual("announced", f.RoundValue(14, "status"));
        // The former date is not the round's date.
        Assert.IsNull(f.RoundValue(14, "startDate"));
        Assert.IsNull(f.RoundValue(14, "earliestDate"));
    }

    [TestMethod]
    public void APostponementToAStatedDateReschedulesTheRound()
    {
        var f = TestGazetteer.Extract(
            "قررت الدول الضامنة إرجاء الاجتماع الدولي الخامس عشر بصيغة أستانا إلى 16 و17 شباط المقبل بسبب تفشي الجائحة.", "2021-01-20");
        Assert.AreEqual("EventRescheduled", f.RoundValue(15, "eventStatus"));
        Assert.AreEqual("2021-02-16", f.RoundValue(15, "startDate"));
        Assert.AreEqual("2021-02-17", f.RoundValue(15, "endDate"));
        Assert.AreEqual("announced", f.RoundValue(15, "status"));
        Assert.IsNull(f.RoundValue(15, "previousStartDate"));
    }

    [TestMethod]
    public void APassiveVerbAfterTheRoundPostponesIt()
    {
        var f = TestGazetteer.Extract(
            "وكانت الجولة السادسة عشرة من محادثات أستانا، المقررة في أيار الماضي، قد أُرجئت بسبب الوباء.", "2021-06-10");
        Assert.AreEqual("EventPostponed", f.RoundValue(16, "eventStatus"));
        Assert.AreEqual("2021-05", f.RoundValue(16, "previousStartDate"));
        Assert.IsNull(f.RoundValue(16, "earliestDate"));
    }

    [TestMethod]
    public void ACancelledRoundIsCancelled()
    {
        var f = TestGazetteer.Extract(
            "اختتمت اليوم في أستانا الجولة الثانية والعشرون من المحادثات. وأعلن المنظمون إلغاء الاجتماع المقبل الذي كان مقرراً مطلع العام القادم.", "2024-11-12");
        CollectionAssert.AreEqual(new[] { 22, 23 }, f.Rounds());
        Assert.AreEqual("EventCancelled", f.RoundValue(23, "eventStatus"));
        Assert.AreEqual("announced", f.RoundValue(23, "status"));
        Assert.IsNull(f.RoundValue(22, "eventStatus"));
        Assert.AreEqual("held", f.RoundValue(22, "status"));
    }

    [TestMethod]
    public void ADeniedPostponementChangesNothing()
    {
        var f = TestGazetteer.Extract(
            "نفت الخارجية الروسية تأجيل الجولة السابعة عشرة من محادثات أستانا، مؤكدة أنها ستعقد في موعدها يومي 21 و22 كانون الأول الجاري.", "2021-12-10");
        Assert.IsNull(f.RoundValue(17, "eventStatus"));
        Assert.AreEqual("2021-12-21", f.RoundValue(17, "startDate"));
    }

    [TestMethod]
    public void ForTheSakeOfIsNotAPostponement()
    {
        var f = TestGazetteer.Extract(
            "انطلقت اليوم في أستانا الجولة الثامنة من المحادثات من أجل تثبيت وقف إطلاق النار في أرجاء سوريا.", "2017-12-21");
        Assert.IsNull(f.RoundValue(8, "eventStatus"));
        Assert.AreEqual("ongoing", f.RoundValue(8, "status"));
    }

    [TestMethod]
    public void ThePostponementIsAlsoAnAnnouncementAboutTheRound()
    {
        var f = TestGazetteer.Extract(
            "أعلنت وزارة الخارجية الكازاخستانية اليوم تأجيل الجولة الرابعة عشرة من محادثات أستانا إلى كانون الأول المقبل.", "2019-10-17");
        CollectionAssert.AreEqual(new[] { "2019-10-17" }, f.Objects("announcementDate"));
        CollectionAssert.AreEqual(new[] { "mfa_kazakhstan" }, f.Objects("announcedBy"));
        Assert.AreEqual("2019-12-01", f.RoundValue(14, "earliestDate"));
        Assert.AreEqual("2019-12-31", f.RoundValue(14, "latestDate"));
    }
}

/// <summary>Round phrasings and relative weeks found while checking invented articles.</summary>
[TestClass]
public sealed class RoundPhrasingTests
{
    [TestMethod]
    public void ARoundPostponedBeforeItWasHeldIsRescheduledAndHeld()
    {
        var f = TestGazetteer.Extract(
            "وقد أرجئت الجولة الخامسة عشرة من محادثات أستانا عدة مرات قبل أن تعقد في سوتشي يومي 16 و17 شباط 2021.", "2021-02-20");
        Assert.AreEqual("EventRescheduled", f.RoundValue(15, "eventStatus"));
        Assert.AreEqual("2021-02-16", f.RoundValue(15, "startDate"));
        Assert.AreEqual("2021-02-17", f.RoundValue(15, "endDate"));
        Assert.AreEqual("held", f.RoundValue(15, "status"));
        Assert.AreEqual("sochi", f.RoundValue(15, "location"));
    }

    [TestMethod]
    public void TheProcessNamedBetweenTheHeadAndTheOrdinalIsARound()
    {
        var f = TestGazetteer.Extract("انطلقت اليوم جولة أستانا الحادية والعشرون حول سوريا في العاصمة الكازاخية.", "2024-01-24");
        CollectionAssert.AreEqual(new[] { 21 }, f.Rounds());
        Assert.AreEqual("2024-01-24", f.RoundValue(21, "startDate"));
        var g = TestGazetteer.Extract("يعقد اجتماع أستانا الـ22 في العاصمة الكازاخستانية.", "2024-11-01");
        CollectionAssert.AreEqual(new[] { 22 }, g.Rounds());
    }

    [TestMethod]
    public void NextWeekBoundsTheRoundWhateverDayTheWeekStarts()
    {
        var f = TestGazetteer.Extract("تستضيف العاصمة الكازاخستانية الأسبوع المقبل الجولة التاسعة عشرة من محادثات أستانا.", "2022-11-15");
        Assert.AreEqual("2022-11-16", f.RoundValue(19, "earliestDate"));
        Assert.AreEqual("2022-11-28", f.RoundValue(19, "latestDate"));
        Assert.AreEqual("announced", f.RoundValue(19, "status"));
        Assert.IsNull(f.RoundValue(19, "startDate"));
    }

    [TestMethod]
    public void TheNextRoundNamedBeforeTheOneItFollowsTakesTheDateInItsClause()
    {
        var f = TestGazetteer.Extract(
            "قال المتحدث باسم الخارجية الكازاخستانية أمس إن بلاده مستعدة لاستضافة الجولة المقبلة من محادثات أستانا في النصف الأول من العام القادم، وذلك بعد اختتام الجولة الثامنة عشرة.", "2022-06-17");
        CollectionAssert.AreEqual(new[] { 18, 19 }, f.Rounds());
        Assert.AreEqual("2023-01-01", f.RoundValue(19, "earliestDate"));
        Assert.AreEqual("2023-06-30", f.RoundValue(19, "latestDate"));
        Assert.AreEqual("announced", f.RoundValue(19, "status"));
        Assert.IsNull(f.RoundValue(18, "earliestDate"));
        Assert.AreEqual("held", f.RoundValue(18, "status"));
    }
}
