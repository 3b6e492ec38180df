namespace Graph.Formats.Tests.W3c;

/// <summary>Every positive W3C Turtle and TriG input, written back out by our writers, reads back to the same graph.</summary>
[TestClass]
public sealed class WriterRoundTripTests
{
    public static IEnumerable<TestDataRow<string>> Turtle11 => W3cRunner.PositiveRows("rdf11/rdf-turtle/manifest.ttl", false);
    public static IEnumerable<TestDataRow<string>> TriG11 => W3cRunner.PositiveRows("rdf11/rdf-trig/manifest.ttl", false);
    public static IEnumerable<TestDataRow<string>> Turtle12 => W3cRunner.PositiveRows("rdf12/rdf-turtle/manifest.ttl", true);
    public static IEnumerable<TestDataRow<string>> TriG12 => W3cRunner.PositiveRows("rdf12/rdf-trig/manifest.ttl", true);

    [TestMethod]
    [DynamicData(nameof(Turtle11))]
    public void Turtle11InputSurvivesWriting(string id) => W3cRunner.RoundTrip(id);

    [TestMethod]
    [DynamicData(nameof(TriG11))]
    public void TriG11InputSurvivesWriting(string id) => W3cRunner.RoundTrip(id);

    [TestMethod]
    [DynamicData(nameof(Turtle12))]
    public void Turtle12InputSurvivesWriting(string id) => W3cRunner.RoundTrip(id);

    [TestMethod]
    [DynamicData(nameof(TriG12))]
    public void TriG12InputSurvivesWriting(string id) => W3cRunner.RoundTrip(id);
}
