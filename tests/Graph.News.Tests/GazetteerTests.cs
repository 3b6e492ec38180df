using Graph.News;

namespace Graph.News.Tests;

[TestClass]
public sealed class GazetteerTests
{
    private static List<string> Guarantors(string sentence) =>
        TestGazetteer.Extract("انطلقت اليوم في أستانا الجولة العاشرة من محادثات أستانا. " + sentence, "2021-05-05").Objects("guarantor");

    private static List<string> Keys(string text) => new Extractor(TestGazetteer.Instance).FindEntities(text).Select(m => m.Key).ToList();

    [TestMethod]
    public void ProcliticsAreStrippedOnlyToReachAKnownName()
    {
        CollectionAssert.AreEqual(new[] { "russia", "russia", "astana", "iran" }, Keys("وروسيا ولروسيا وبالعاصمة الكازاخية وإيران"));
        CollectionAssert.AreEqual(new[] { "united_nations" }, Keys("شكر للأمم المتحدة"));
        // «والد» is not و + a name.
        Assert.AreEqual(0, Keys("والد وبيت").Count);
    }

    [TestMethod]
    public void StatesInACoordinatedListAreGuarantorsWhenTheCueSaysSo()
    {
        CollectionAssert.AreEquivalent(new[] { "iran", "russia", "turkey" }, Guarantors("وتضمن الاتفاق الدول الضامنة روسيا وتركيا وإيران."));
    }

    [TestMethod]
    public void TheLongestNameWins()
    {
        // «المفوضية السامية للأمم المتحدة لشؤون اللاجئين» is UNHCR, not the UN.
        var f = TestGazetteer.Extract("بدأت في أستانا الجولة الثامنة من محادثات أستانا بحضور المفوضية السامية للأمم المتحدة لشؤون اللاجئين بصفة مراقب.", "2021-05-05");
        CollectionAssert.AreEqual(new[] { "unhcr" }, f.Objects("observer"));
    }

    [TestMethod]
    public void TransliteratedNamesMatchDespiteVowelAndEmphaticVariants()
    {
        Assert.AreEqual(Gazetteer.SkeletonOf(NormalizedText.Key("سمادياروف")), Gazetteer.SkeletonOf(NormalizedText.Key("صمادياروف")));
        Assert.AreEqual(Gazetteer.SkeletonOf(NormalizedText.Key("الرحمنوف")), Gazetteer.SkeletonOf(NormalizedText.Key("الرحمانوف")));
    }

    [TestMethod]
    public void TheGazetteerIsReadFromTurtleAtRunTime()
    {
        var g = GazetteerLoader.FromTurtle("""
            @prefix ast: <https://w3id.org/astana-kg/ontology#> .
            @prefix id: <https://w3id.org/astana-kg/id/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            id:baku a ast:City ; skos:prefLabel "باكو"@ar ; skos:altLabel "العاصمة الأذرية"@ar .
            """, "test.ttl");
        Assert.AreEqual("City", g.Get("baku")!.Type);
        Assert.AreEqual(2, g.Get("baku")!.Names.Count);
    }

    [TestMethod]
    public void AMalformedGazetteerIsReportedWithItsPosition()
    {
        var e = Assert.ThrowsExactly<Graph.Rdf.RdfParseException>(() => GazetteerLoader.FromTurtle("@prefix id: <x:> .\nid:a nope:b \"x\" .", "g.ttl"));
        Assert.AreEqual(2L, e.Line);
        StringAssert.Contains(e.Message, "undefined prefix");
    }

    [TestMethod]
    public void VerifiedWikidataLinksComeFromTheLinkingTable()
    {
        var russia = TestGazetteer.Instance.Get("russia")!;
        CollectionAssert.Contains(russia.SameAs, "http://www.wikidata.org/entity/Q159");
        Assert.AreEqual(0, TestGazetteer.Instance.Get("hts")!.SameAs.Count(s => s.Contains("wikidata", StringComparison.Ordinal)));
    }
}
