using Graph.Formats.JsonLd;
using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>Number, boolean and JSON literal forms produced by toRdf.</summary>
[TestClass]
public sealed class JsonLdLiteralTests
{
    private static INode ObjectOf(string valueJson)
    {
        var doc = JToken.Parse("{\"@id\": \"http://example.org/s\", \"http://example.org/p\": " + valueJson + "}", new JsonLoadSettings());
        var sink = new ListSink();
        JsonLdProcessor.ToRdf(JsonLdJson.Parse(doc.ToString(), null, 64), sink);
        return sink.Quads.Single().Object;
    }

    [TestMethod]
    [DataRow("1.1", "\"1.1E0\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [DataRow("5.0", "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>")]
    [DataRow("-0.00012", "\"-1.2E-4\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [DataRow("1e21", "\"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [DataRow("123456789012345678901234567890", "\"1.2345678901234568E29\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [DataRow("42", "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>")]
    [DataRow("true", "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>")]
    [DataRow("{\"@value\": 7, \"@type\": \"http://www.w3.org/2001/XMLSchema#double\"}", "\"7.0E0\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    public void NumbersAndBooleansGetTheirCanonicalLexicalForm(string json, string expected) => Assert.AreEqual(expected, ObjectOf(json).ToString());

    [TestMethod]
    public void JsonLiteralsAreCanonicalisedWithJcs()
    {
        var lit = (LiteralNode)ObjectOf("{\"@type\": \"@json\", \"@value\": {\"b\": [1.0, 1e30, 0.000001, \"é\\u0007\"], \"a\": null}}");
        Assert.AreEqual(Vocab.Rdf.JsonLiteral, lit.Datatype.Value);
        Assert.AreEqual("{\"a\":null,\"b\":[1,1e+30,0.000001,\"é\\u0007\"]}", lit.Value);
    }

    [TestMethod]
    public void LanguageTagsAndDirectionsFollowTheRdfDirectionOption()
    {
        const string doc = "{\"@id\": \"http://example.org/s\", \"http://example.org/p\": {\"@value\": \"مرحبا\", \"@language\": \"ar\", \"@direction\": \"rtl\"}}";
        var plain = new ListSink();
        JsonLdProcessor.ToRdf(JToken.Parse(doc), plain);
        Assert.AreEqual(LiteralNode.LangString("مرحبا", "ar"), plain.Quads.Single().Object);
        var i18n = new ListSink();
        JsonLdProcessor.ToRdf(JToken.Parse(doc), i18n, new JsonLdOptions { RdfDirection = "i18n-datatype" });
        Assert.AreEqual("https://www.w3.org/ns/i18n#ar_rtl", ((LiteralNode)i18n.Quads.Single().Object).Datatype.Value);
        var compound = new ListSink();
        JsonLdProcessor.ToRdf(JToken.Parse(doc), compound, new JsonLdOptions { RdfDirection = "compound-literal" });
        Assert.HasCount(4, compound.Quads);
        var back = JsonLdProcessor.FromRdf(compound.Quads, new JsonLdOptions { RdfDirection = "compound-literal" });
        Assert.AreEqual("rtl", (string?)back[0]["http://example.org/p"]![0]!["@direction"]);
    }
}
