namespace Graph.News.Tests;

/// <summary>Kazakhstan takes part as a delegation in rounds held outside it (Sochi), and is neither host nor observer there.</summary>
[TestClass]
public sealed class SochiParticipantTests
{
    [TestMethod]
    public void KazakhstanAttendingARoundInSochiIsAParticipantNotAnObserver()
    {
        var f = TestGazetteer.Extract(
            "انطلقت اليوم في منتجع سوتشي الجولة العاشرة من محادثات أستانا بمشاركة وفدي الحكومة السورية والمعارضة، وبحضور كازاخستان والأردن بصفة مراقبين.", "2018-07-30");
        Assert.AreEqual("sochi", f.RoundValue(10, "location"));
        CollectionAssert.AreEquivalent(new[] { "kazakhstan", "syrian_government", "syrian_opposition" }, f.Objects("participant"));
        CollectionAssert.AreEquivalent(new[] { "jordan" }, f.Objects("observer"));
    }

    [TestMethod]
    public void AKazakhDelegationNamedByItsAdjectiveCountsToo()
    {
        var f = TestGazetteer.Extract(
            "اختتمت أمس في سوتشي الجولة الخامسة عشرة من محادثات أستانا، وشارك فيها الوفد الكازاخستاني إلى جانب وفود الدول الضامنة.", "2021-02-18");
        CollectionAssert.Contains(f.Objects("participant"), "kazakhstan");
    }

    [TestMethod]
    public void KazakhstanHostingARoundInItsCapitalIsNotAParticipant()
    {
        var f = TestGazetteer.Extract(
            "انطلقت اليوم في أستانا الجولة الحادية عشرة من المحادثات بمشاركة كازاخستان ووفد الحكومة السورية.", "2018-11-28");
        CollectionAssert.DoesNotContain(f.Objects("participant"), "kazakhstan");
        CollectionAssert.Contains(f.Objects("participant"), "syrian_government");
    }

    [TestMethod]
    public void AKazakhMinisterSpeakingAboutASochiRoundIsNoAttendance()
    {
        var f = TestGazetteer.Extract(
            "تعقد الجولة العاشرة من محادثات أستانا في سوتشي نهاية تموز المقبل. وقال وزير الخارجية الكازاخستاني إن بلاده ترحب بالقرار.", "2018-07-10");
        CollectionAssert.DoesNotContain(f.Objects("participant"), "kazakhstan");
    }
}
