using Graph.News;

namespace Graph.News.Tests;

/// <summary>Whole-article behaviour on short texts written for these tests.</summary>
[TestClass]
public sealed class ArticleExtractionTests
{
    [TestMethod]
    public void AnOngoingRoundGetsItsDaysPlaceAndStatus()
    {
        var f = TestGazetteer.Extract("افتتحت صباح اليوم الثلاثاء في العاصمة الكازاخستانية أعمال الجولة الثانية عشرة من مسار أستانا، على أن تختتم غداً الأربعاء.", "2019-04-23");
        CollectionAssert.AreEqual(new[] { 12 }, f.Rounds());
        Assert.AreEqual("2019-04-23", f.RoundValue(12, "startDate"));
        Assert.AreEqual("2019-04-24", f.RoundValue(12, "endDate"));
        Assert.AreEqual("ongoing", f.RoundValue(12, "status"));
        Assert.AreEqual("astana", f.RoundValue(12, "location"));
    }

    [TestMethod]
    public void ARoundThatClosedTodayIsHeldAndTwoDaysLongWhenSoStated()
    {
        var f = TestGazetteer.Extract("اختتمت في نور سلطان اليوم الجمعة الجولة السادسة عشرة من محادثات أستانا التي استمرت يومين.", "2021-07-09");
        Assert.AreEqual("held", f.RoundValue(16, "status"));
        Assert.AreEqual("2021-07-08", f.RoundValue(16, "startDate"));
        Assert.AreEqual("2021-07-09", f.RoundValue(16, "endDate"));
    }

    [TestMethod]
    public void DaysOfTalksAfterAnEndDayGiveTheStart()
    {
        var f = TestGazetteer.Extract("عقدت الجولة العشرون من محادثات أستانا، التي انتهت أمس الخميس بعد ثلاثة أيام من المشاورات.", "2023-06-23");
        Assert.AreEqual("2023-06-20", f.RoundValue(20, "startDate"));
        Assert.AreEqual("2023-06-22", f.RoundValue(20, "endDate"));
        Assert.AreEqual("2023-06-20", f.RoundValue(20, "earliestDate"));
    }

    [TestMethod]
    public void TwoDaysAfterSomethingElseIsNotTheLengthOfTheRound()
    {
        var f = TestGazetteer.Extract("عقدت الجولة العشرون من محادثات أستانا، التي انتهت أمس الخميس بعد يومين من وصول الوفود.", "2023-06-23");
        Assert.IsNull(f.RoundValue(20, "startDate"));
        Assert.AreEqual("2023-06-22", f.RoundValue(20, "endDate"));
        Assert.AreEqual("2023-06-22", f.RoundValue(20, "earliestDate"));
    }

    [TestMethod]
    public void TheStatementAnnouncesTheNextRoundOnTheDayItWasIssued()
    {
        var f = TestGazetteer.Extract(
            "اختتمت أمس الجمعة الجولة الثالثة عشرة من محادثات أستانا في نور سلطان. وأعلن البيان، الذي صدر أمس في ختام الجولة، أن الاجتماع المقبل سيعقد في تشرين الأول المقبل.",
            "2019-08-03");
        CollectionAssert.AreEqual(new[] { "2019-08-02" }, f.Objects("announcementDate"));
        CollectionAssert.AreEqual(new[] { "14" }, f.Objects("aboutRound").Select(r => r.Split('/')[^1]).ToArray());
    }

    [TestMethod]
    public void AnAnnouncedRoundKeepsOnlyItsInterval()
    {
        var f = TestGazetteer.Extract("أعلنت الخارجية الكازاخية اليوم أن الاجتماع الدولي السابع عشر بصيغة أستانا سيعقد أواخر كانون الأول المقبل في العاصمة نور سلطان.", "2021-11-03");
        Assert.AreEqual("announced", f.RoundValue(17, "status"));
        Assert.IsNull(f.RoundValue(17, "startDate"));
        Assert.AreEqual("2021-12-21", f.RoundValue(17, "earliestDate"));
        Assert.AreEqual("2021-12-31", f.RoundValue(17, "latestDate"));
        CollectionAssert.AreEquivalent(new[] { "mfa_kazakhstan" }, f.Objects("announcedBy"));
        CollectionAssert.AreEqual(new[] { "2021-11-03" }, f.Objects("announcementDate"));
    }

    [TestMethod]
    public void TheNextMeetingIsNumberedFromTheRoundBeforeIt()
    {
        var f = TestGazetteer.Extract("انتهت اليوم في أستانا الجولة الثامنة من المحادثات. واتفقت الدول الضامنة على عقد الاجتماع المقبل في أستانا منتصف شباط المقبل.", "2017-12-22");
        CollectionAssert.AreEqual(new[] { 8, 9 }, f.Rounds());
        Assert.AreEqual("2018-02-11", f.RoundValue(9, "earliestDate"));
        Assert.AreEqual("2018-02-20", f.RoundValue(9, "latestDate"));
        Assert.AreEqual("announced", f.RoundValue(9, "status"));
    }

    [TestMethod]
    public void StatementTopicsTakeTheActionOfTheirVerb()
    {
        var f = TestGazetteer.Extract(
            "اختتمت أمس في أستانا الجولة الخامسة عشرة من محادثات أستانا. وأكد البيان الختامي التزام الدول الضامنة بسيادة سوريا ووحدة أراضيها، " +
            "ودعا إلى تسهيل عودة اللاجئين، كما دان الغارات الإسرائيلية المتواصلة على سوريا.", "2021-02-18");
        CollectionAssert.AreEquivalent(new[] { "sovereignty_territorial_integrity" }, f.Objects("affirms"));
        CollectionAssert.AreEquivalent(new[] { "refugee_return" }, f.Objects("callsFor"));
        CollectionAssert.AreEquivalent(new[] { "israeli_attacks" }, f.Objects("condemns"));
    }

    [TestMethod]
    public void AnAgendaIsNotAStatement()
    {
        var f = TestGazetteer.Extract("تنطلق غداً في أستانا الجولة العاشرة من محادثات أستانا، ويتناول جدول أعمالها عودة اللاجئين والإفراج عن المعتقلين.", "2018-07-29");
        Assert.AreEqual(0, f.Objects("affirms").Count + f.Objects("callsFor").Count + f.Objects("condemns").Count);
    }

    [TestMethod]
    public void APretextIsNotAnAffirmation()
    {
        var f = TestGazetteer.Extract("انتهت اليوم الجولة السابعة من محادثات أستانا. ورفض البيان الختامي أي أعمال عسكرية بذريعة مكافحة الإرهاب.", "2017-10-31");
        CollectionAssert.DoesNotContain(f.Objects("affirms"), "eliminate_terrorist_groups");
    }

    [TestMethod]
    public void RolesComeFromTheirCues()
    {
        var f = TestGazetteer.Extract(
            "بدأت اليوم في أستانا الجولة الحادية عشرة من محادثات أستانا بمشاركة الدول الضامنة روسيا وتركيا وإيران، ووفدي الحكومة السورية والمعارضة، " +
            "وبحضور الأردن والأمم المتحدة بصفة مراقبين.", "2018-11-28");
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, f.Objects("guarantor"));
        CollectionAssert.AreEquivalent(new[] { "syrian_government", "syrian_opposition" }, f.Objects("participant"));
        CollectionAssert.AreEquivalent(new[] { "jordan", "united_nations" }, f.Objects("observer"));
    }

    [TestMethod]
    public void AnAbsentPartyIsNotAParticipant()
    {
        var f = TestGazetteer.Extract("انطلقت اليوم في أستانا الجولة الثالثة من محادثات أستانا في غياب وفد المعارضة.", "2017-03-14");
        Assert.AreEqual(0, f.Objects("participant").Count);
    }

    [TestMethod]
    public void DesignatedGroupsUnderOtherNames()
    {
        var f = TestGazetteer.Extract("اختتمت في أستانا الجولة السادسة. وشدد البيان على محاربة تنظيم الدولة وجبهة فتح الشام.", "2017-09-15");
        CollectionAssert.AreEquivalent(new[] { "al_nusra", "isis" }, f.Objects("mentions").Where(k => k is "al_nusra" or "isis").ToList());
    }

    [TestMethod]
    public void GenevaRoundsAreNotAstanaRounds()
    {
        var f = TestGazetteer.Extract("انطلقت في جنيف اليوم الجولة الخامسة من المفاوضات السورية برعاية الأمم المتحدة، بمشاركة وفدي الحكومة والمعارضة.", "2017-03-23");
        Assert.AreEqual(0, f.Facts.Count);
    }

    [TestMethod]
    public void ConstitutionalCommitteeSessionsAreNotRounds()
    {
        var f = TestGazetteer.Extract("تبدأ الدورة الثامنة للجنة الدستورية أعمالها في جنيف الإثنين المقبل، بعد أسابيع من اجتماع أستانا.", "2022-05-25");
        Assert.AreEqual(0, f.Rounds().Count);
    }

    [TestMethod]
    public void TheSochiCongressAndGuarantorSummitsAreNotRounds()
    {
        var f = TestGazetteer.Extract("عقد مؤتمر الحوار الوطني السوري في سوتشي أواخر كانون الثاني، فيما تستضيف طهران القمة الثلاثية للدول الضامنة لمسار أستانا.", "2018-02-10");
        Assert.AreEqual(0, f.Rounds().Count);
    }

    [TestMethod]
    public void ANewRoundNamedWhileTheLatestIsUnderWayIsThatRound()
    {
        var f = TestGazetteer.Extract("انطلق اليوم في أستانا الاجتماع الدولي العشرون حول سوريا. وكانت الخارجية الروسية قد أعلنت في 2 أيار الماضي أنها تحضر لجولة جديدة.", "2023-06-20");
        CollectionAssert.AreEqual(new[] { 20 }, f.Rounds());
        CollectionAssert.AreEqual(new[] { "2023-05-02" }, f.Objects("announcementDate"));
        CollectionAssert.AreEquivalent(new[] { "mfa_russia" }, f.Objects("announcedBy"));
    }
}
