namespace Graph.News.Tests;

/// <summary>Roles (guarantors, participants, observers), designated groups and statement calls in wordings the development articles do not use.</summary>
[TestClass]
public sealed class RoleAndStatementTests
{
    private const string Held20 = "اختتمت اليوم الأربعاء في أستانا الجولة العشرون من محادثات أستانا حول سوريا. ";

    [TestMethod]
    public void ATrailingObserverClauseCoversTheAttendanceListBeforeIt()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وحضر الجلسة العامة كل من العراق والأردن ولبنان، إضافة إلى نائبة المبعوث الأممي، وهي أطراف تتابع المسار منذ سنوات بصفة مراقب.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "iraq", "jordan", "lebanon", "united_nations" }, f.Objects("observer"));
    }

    [TestMethod]
    public void DelegationsBeforeATrailingObserverClauseStayParticipants()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وإلى جانب وفدي الحكومة والمعارضة، حضر ممثلون عن الأردن، ومعهم اللجنة الدولية للصليب الأحمر، وجميعهم بصفة مراقب.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "icrc", "jordan" }, f.Objects("observer"));
        CollectionAssert.AreEquivalent(new[] { "syrian_government", "syrian_opposition" }, f.Objects("participant"));
    }

    [TestMethod]
    public void AnAbsentStateIsNoObserver()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وحضر الأردن ولبنان الاجتماعات بصفة مراقبين، فيما غابت الولايات المتحدة عن الاجتماعات رغم دعوتها.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "jordan", "lebanon" }, f.Objects("observer"));
    }

    [TestMethod]
    public void AnAppositionNamingTheGuarantorsAppliesToTheStatesBeforeIt()
    {
        var f = TestGazetteer.Extract(Held20 +
            "ووصلت وفود روسيا وتركيا وإيران، الدول الضامنة لمسار أستانا، إلى العاصمة الكازاخية أمس.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, f.Objects("guarantor"));
    }

    [TestMethod]
    public void CapitalsListedAsGuarantorsStandForTheirStates()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وشاركت في الجولة وفود موسكو وأنقرة وطهران بوصفها العواصم الضامنة للمسار.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, f.Objects("guarantor"));
    }

    [TestMethod]
    public void TheHostOfARoundAbroadCanBeAGuarantorButTheProcesssHomeStateCannot()
    {
        var f = TestGazetteer.Extract(
            "اختتمت اليوم في سوتشي الجولة الخامسة عشرة من محادثات أستانا. وبحسب البيان الختامي الذي أصدرته روسيا وإيران وتركيا بوصفها الدول الراعية للمسار، شددت العواصم الثلاث على وحدة الأراضي السورية.",
            "2021-02-17");
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, f.Objects("guarantor"));
    }

    [TestMethod]
    public void PartiesAfterAParticipationVerbWithoutTheWordDelegationTakePart()
    {
        var f = TestGazetteer.Extract(Held20 + "وشاركت في الاجتماعات الحكومة السورية والمعارضة.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "syrian_government", "syrian_opposition" }, f.Objects("participant"));
    }

    [TestMethod]
    public void TheDelegationOfDamascusIsTheGovernment()
    {
        var f = TestGazetteer.Extract(Held20 + "وترأس وفد دمشق نائب وزير الخارجية.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "syrian_government" }, f.Objects("participant"));
    }

    [TestMethod]
    public void TheUnitedNationsRepresentedAtTheRoundIsAnObserver()
    {
        var f = TestGazetteer.Extract(Held20 + "ومثّل الأمم المتحدة فريق من مكتب المبعوث الخاص.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "united_nations" }, f.Objects("observer"));
    }

    [TestMethod]
    public void WhatTheStatementLeftOutIsNotACall()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وشدد البيان الختامي على سيادة سوريا. ولم يتطرق البيان إلى اللجنة الدستورية، وخلا من أي إدانة للغارات الإسرائيلية.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "sovereignty_territorial_integrity" }, f.Objects("affirms"));
        Assert.AreEqual(0, f.Objects("condemns").Count);
        Assert.AreEqual(0, f.Objects("callsFor").Count);
    }

    [TestMethod]
    public void SupportForTheCommitteeAffirmsButACallToSupportStaysACall()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وأعلنت الدول الثلاث في بيانها الختامي دعمها لعمل اللجنة الدستورية. ودعا البيان إلى دعم مشاريع التعافي المبكر.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "constitutional_committee" }, f.Objects("affirms"));
        CollectionAssert.AreEquivalent(new[] { "humanitarian_assistance" }, f.Objects("callsFor"));
    }

    [TestMethod]
    public void ACommitmentCalledForIsACallAndNoMilitarySolutionAffirmsThePoliticalOne()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وأكد البيان الختامي أن لا حل عسكرياً للأزمة، ودعا إلى الالتزام بوقف الأعمال العدائية، ورفض نهب النفط السوري.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "political_settlement" }, f.Objects("affirms"));
        CollectionAssert.AreEquivalent(new[] { "ceasefire_regime" }, f.Objects("callsFor"));
        CollectionAssert.AreEquivalent(new[] { "oil_revenues" }, f.Objects("condemns"));
    }

    [TestMethod]
    public void ACeasefireWithWordsInsideIsStillACeasefire()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وأعربت الدول الثلاث في البيان الختامي عن قلقها البالغ إزاء الوضع في قطاع غزة، مطالبة بوقف فوري ودائم لإطلاق النار فيه.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "gaza_ceasefire" }, f.Objects("callsFor"));
    }

    [TestMethod]
    public void ADelegationHeadsCallAfterTheStatementIsAQuoteNotTheStatement()
    {
        var f = TestGazetteer.Extract(Held20 +
            "وحذر البيان الختامي من الأجندات الانفصالية. ودعا رئيس وفد المعارضة أحمد طعمة إلى حل قضية المعتقلين.", "2023-06-21");
        CollectionAssert.AreEquivalent(new[] { "separatist_agendas" }, f.Objects("condemns"));
        Assert.AreEqual(0, f.Objects("callsFor").Count);
    }

    [TestMethod]
    public void AlQaedaByItsShortNameCountsWhenTiedToOrListedWithGroups()
    {
        var tied = TestGazetteer.Extract(Held20 + "وأكد البيان الختامي القضاء على تنظيم الدولة وكل من يرتبط بالقاعدة.", "2023-06-21");
        CollectionAssert.Contains(tied.Objects("mentions"), "al_qaeda");
        var listed = TestGazetteer.Extract(Held20 + "وتعهدت الأطراف بمواصلة الحرب على داعش، وتنظيمي حراس الدين والقاعدة.", "2023-06-21");
        CollectionAssert.Contains(listed.Objects("mentions"), "al_qaeda");
        var qualified = TestGazetteer.Extract(Held20 + "وأكد البيان الختامي القضاء على تنظيمي داعش والقاعدة الإرهابيين.", "2023-06-21");
        CollectionAssert.Contains(qualified.Objects("mentions"), "al_qaeda");
        var baseMeaning = TestGazetteer.Extract(Held20 + "وقصفت الطائرات مواقع داعش والقاعدة العسكرية في البادية.", "2023-06-21");
        CollectionAssert.DoesNotContain(baseMeaning.Objects("mentions"), "al_qaeda");
    }
}
