using System.Text;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Cli.Tests;

[TestClass]
public sealed class ParseJsonLdContextTests : CliTestBase
{
    private static (int Code, string Out, string Err) Run(params string[] args) => RunKg("", false, args);

    [TestMethod]
    public void JsonLdCompactedWithAContextFileReadsBackAsTheSameGraph()
    {
        var dir = Directory.CreateTempSubdirectory("kg-ctx-").FullName;
        try
        {
            var ttl = Path.Combine(dir, "a.ttl");
            File.WriteAllText(ttl, "@prefix ex: <http://example.org/> .\nex:s ex:name \"سوريا\"@ar ; ex:n 3 .\n");
            var ctx = Path.Combine(dir, "ctx.jsonld");
            File.WriteAllText(ctx, "{\"@context\": {\"ex\": \"http://example.org/\", \"name\": \"ex:name\"}}");

            var (code, json, err) = Run("parse", ttl, "--to", "jsonld", "--context", ctx);
            Assert.AreEqual(0, code, err);
            StringAssert.Contains(json, "\"name\"", "the context's term should be used");

            var fromJson = new ListSink();
            RdfReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), RdfFormat.JsonLd, new RdfReadOptions("out.jsonld"), fromJson);
            var fromTurtle = new ListSink();
            RdfReader.Parse(new MemoryStream(File.ReadAllBytes(ttl)), RdfFormat.Turtle, new RdfReadOptions("a.ttl", "file:///a.ttl"), fromTurtle);
            Assert.IsTrue(Isomorphism.AreIsomorphic(fromTurtle.Quads, fromJson.Quads));
        }
        finally { Directory.Delete(dir, true); }
    }

    [TestMethod]
    public void ContextWithoutJsonLdOutputIsAUsageError()
        => Assert.AreEqual(2, Run("parse", "x.ttl", "--to", "turtle", "--context", "c.jsonld").Code);
}
