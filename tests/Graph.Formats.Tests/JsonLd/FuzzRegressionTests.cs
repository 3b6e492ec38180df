using Graph.Formats.JsonLd;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>
/// Documents found by fuzzing (fuzz/run.sh, docs/fuzzing.md), in FuzzRegression/ beside this file: a node object
/// keeping @language or @direction beside @id after expansion made node map generation cast a string to an
/// object (InvalidCastException instead of triples or a JSON-LD error).
/// </summary>
[TestClass]
public sealed class FuzzRegressionTests
{
    private static string DataFile(string name) => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Formats.Tests", "JsonLd", "FuzzRegression", name);

    private static List<Quad> Read(string name)
    {
        var sink = new ListSink();
        JsonLdReader.Parse(File.ReadAllText(DataFile(name)), sink, name, "http://example.org/fuzz/");
        return sink.Quads;
    }

    [TestMethod]
    public void AReverseNodeWithALanguageBesideItsIdIsRead()
    {
        var quads = Read("crash-1.jsonld");
        Assert.IsTrue(quads.Any(q => q.Triple.Subject is IriNode { Value: "http://example.com/peoits:dirkus" } && q.Triple.Predicate.Value == "http://xmlns.com/foaf/name"),
            string.Join("\n", quads));
    }

    [TestMethod]
    public void DocumentsWithStrayDirectionEntriesAreReadOrRejectedAsJsonLd()
    {
        foreach (var name in new[] { "crash-2.jsonld", "crash-3.jsonld" })
        {
            try
            {
                Read(name);
            }
            catch (RdfParseException e)
            {
                Assert.IsInstanceOfType<JsonLdException>(e, e.Describe());
            }
        }
    }

    [TestMethod]
    public void AFreeFloatingValueInAGraphContainerAndAnIdThatDoesNotExpandAreReadOrRejectedAsJsonLd()
    {
        foreach (var name in new[] { "crash-4.jsonld", "crash-5.jsonld" })
        {
            try
            {
                Read(name);
            }
            catch (RdfParseException e)
            {
                Assert.IsInstanceOfType<JsonLdException>(e, e.Describe());
            }
        }
    }
}
