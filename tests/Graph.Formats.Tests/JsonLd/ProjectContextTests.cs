using Graph.Formats.JsonLd;
using Graph.Rdf;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>ontology/context.jsonld: the context the converter's output is compacted with.</summary>
[TestClass]
public sealed class ProjectContextTests
{
    private static string ContextPath => Path.Combine(SharedPaths.RepoRoot, "ontology", "context.jsonld");

    private static List<Quad> Sample() =>
        RdfReader.ReadQuads(Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.Formats.Tests", "JsonLd", "ContextData", "converter-sample.nq"), RdfFormat.NQuads);

    private static string Write(IEnumerable<Quad> quads)
    {
        var sw = new StringWriter();
        JsonLdWriter.Write(quads, sw, context: JsonLdWriter.LoadContext(ContextPath));
        return sw.ToString();
    }

    [TestMethod]
    public void CompactedConverterOutputReadsBackAsTheSameGraph()
    {
        var quads = Sample();
        Assert.IsGreaterThan(50, quads.Count);
        var json = Write(quads);
        var back = new ListSink();
        JsonLdReader.Parse(json, back, "compacted.jsonld");
        Assert.IsTrue(Isomorphism.AreIsomorphic(quads, back.Quads), json);
    }

    [TestMethod]
    public void CompactionUsesTheProjectTerms()
    {
        var doc = JObject.Parse(Write(Sample()));
        var text = doc.ToString();
        Assert.AreEqual("https://w3id.org/astana-kg/ontology#", (string?)doc["@context"]?["ast"]);
        StringAssert.Contains(text, "\"datePublished\": \"");
        StringAssert.Contains(text, "\"wasDerivedFrom\": \"id:");
        StringAssert.Contains(text, "\"label\": {");
        StringAssert.Contains(text, "\"NewsArticle\"");
        Assert.DoesNotContain("https://schema.org/", text.Replace("\"schema\": \"https://schema.org/\"", "", StringComparison.Ordinal));
    }

    [TestMethod]
    public void TheSameQuadsGiveByteIdenticalJson()
    {
        var quads = Sample();
        var reversed = Enumerable.Reverse(quads).ToList();
        Assert.AreEqual(Write(quads), Write(reversed));
    }

    [TestMethod]
    public void EveryTermOfTheContextExpandsToAnAbsoluteIri()
    {
        var context = (JObject)JsonLdWriter.LoadContext(ContextPath)["@context"]!;
        foreach (var p in context.Properties())
        {
            if (p.Name.StartsWith('@')) continue;
            var doc = new JObject { ["@context"] = context.DeepClone(), ["@id"] = "http://example.org/s", [p.Name] = new JObject { ["@id"] = "http://example.org/o" } };
            var expanded = JsonLdProcessor.Expand(doc);
            var key = ((JObject)expanded[0]).Properties().Select(x => x.Name).Single(n => n != "@id");
            Assert.IsTrue(Iri.IsAbsolute(key) || key == "@type", $"{p.Name} expands to {key}");
        }
    }
}
