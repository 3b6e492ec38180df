using Graph.Formats.JsonLd;
using Graph.Rdf;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.Tests.JsonLd;

/// <summary>The W3C JSON-LD 1.1 API suite (../shared/w3c/json-ld): expand, compact, flatten, toRdf and fromRdf, run in-process.</summary>
[TestClass]
public sealed class JsonLdW3cSuiteTests
{
    private const string SuiteBase = "https://w3c.github.io/json-ld-api/tests/";

    private static string SuiteDir => SharedPaths.InShared("w3c", "json-ld");

    public static IEnumerable<object[]> Expand() => Entries("expand");
    public static IEnumerable<object[]> Compact() => Entries("compact");
    public static IEnumerable<object[]> Flatten() => Entries("flatten");
    public static IEnumerable<object[]> ToRdf() => Entries("toRdf");
    public static IEnumerable<object[]> FromRdf() => Entries("fromRdf");

    public static string DisplayName(System.Reflection.MethodInfo _, object[] data) => (string)data[0];

    private static IEnumerable<object[]> Entries(string kind)
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(SuiteDir, kind + "-manifest.jsonld")));
        foreach (var entry in (JArray)manifest["sequence"]!)
            yield return [kind + (string)entry["@id"]!, kind, entry.ToString(Newtonsoft.Json.Formatting.None)];
    }

    [TestMethod]
    [DynamicData(nameof(Expand), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cExpandTest(string id, string kind, string entry) => Run(id, kind, JObject.Parse(entry));

    [TestMethod]
    [DynamicData(nameof(Compact), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cCompactTest(string id, string kind, string entry) => Run(id, kind, JObject.Parse(entry));

    [TestMethod]
    [DynamicData(nameof(Flatten), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cFlattenTest(string id, string kind, string entry) => Run(id, kind, JObject.Parse(entry));

    [TestMethod]
    [DynamicData(nameof(ToRdf), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cToRdfTest(string id, string kind, string entry) => Run(id, kind, JObject.Parse(entry));

    [TestMethod]
    [DynamicData(nameof(FromRdf), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cFromRdfTest(string id, string kind, string entry) => Run(id, kind, JObject.Parse(entry));

    private static JToken Load(string relative) => JsonLdJson.Parse(File.ReadAllText(Path.Combine(SuiteDir, relative)), relative, 512);

    private static void Run(string id, string kind, JObject entry)
    {
        if (JsonLdSuiteExclusions.Reasons.TryGetValue(id, out var reason)) Assert.Inconclusive(reason);
        var option = entry["option"] as JObject ?? [];
        if ((string?)option["specVersion"] == "json-ld-1.0") Assert.Inconclusive(JsonLdSuiteExclusions.Json10Only);
        var types = entry["@type"]!.Select(t => (string)t!).ToList();
        var input = (string)entry["input"]!;
        var documentUrl = SuiteBase + input;
        var options = new JsonLdOptions
        {
            DocumentLoader = new FileDocumentLoader().Map(SuiteBase, SuiteDir),
            Base = (string?)option["base"],
            ProcessingMode = (string?)option["processingMode"] ?? "json-ld-1.1",
            CompactArrays = (bool?)option["compactArrays"] ?? true,
            CompactToRelative = (bool?)option["compactToRelative"] ?? true,
            RdfDirection = (string?)option["rdfDirection"],
            ProduceGeneralizedRdf = (bool?)option["produceGeneralizedRdf"] ?? false,
            UseNativeTypes = (bool?)option["useNativeTypes"] ?? false,
            UseRdfType = (bool?)option["useRdfType"] ?? false,
        };
        if (option["expandContext"] is { } ec) options.ExpandContext = Load((string)ec!);

        if (types.Contains("jld:NegativeEvaluationTest"))
        {
            var code = (string)entry["expectErrorCode"]!;
            var ex = Assert.ThrowsExactly<JsonLdException>(() => Execute(kind, entry, input, documentUrl, options), $"{id} must fail with '{code}'");
            Assert.AreEqual(code, ex.Code, ex.Message);
            return;
        }
        var result = Execute(kind, entry, input, documentUrl, options);
        if (types.Contains("jld:PositiveSyntaxTest")) return;
        var expectPath = (string)entry["expect"]!;
        if (kind == "toRdf")
        {
            var expected = RdfReader.ReadQuads(Path.Combine(SuiteDir, expectPath), RdfFormat.NQuads);
            var actual = ((ListSink)result!).Quads;
            Assert.IsTrue(Isomorphism.AreIsomorphic(actual, expected),
                $"{id}: not isomorphic.\nGot:\n{string.Join("\n", actual)}\nExpected:\n{string.Join("\n", expected)}");
            return;
        }
        var expectedJson = Load(expectPath);
        var got = (JToken)result!;
        Assert.IsTrue(JsonLdComparison.Equal(got, expectedJson), $"{id}:\nGot:\n{got}\nExpected:\n{expectedJson}");
        if (kind is "compact" or "flatten" && entry["context"] is not null)
        {
            var plain = new JsonLdOptions { DocumentLoader = options.DocumentLoader, Base = options.Base ?? documentUrl, ProcessingMode = options.ProcessingMode };
            var reGot = JsonLdProcessor.Expand(got, plain, documentUrl);
            var reExpected = JsonLdProcessor.Expand(expectedJson, plain, documentUrl);
            Assert.IsTrue(JsonLdComparison.Equal(reGot, reExpected), $"{id}: expansions differ.\nGot:\n{reGot}\nExpected:\n{reExpected}");
        }
    }

    private static List<Quad> ReadPreserving(string path)
    {
        var sink = new ListSink();
        using var fs = File.OpenRead(path);
        RdfReader.Parse(fs, RdfFormat.NQuads, new RdfReadOptions(path, null, PreserveBlankNodeLabels: true), sink);
        return sink.Quads;
    }

    private static object? Execute(string kind, JObject entry, string input, string documentUrl, JsonLdOptions options)
    {
        if (kind == "fromRdf")
        {
            var quads = ReadPreserving(Path.Combine(SuiteDir, input));
            return JsonLdProcessor.FromRdf(quads, options);
        }
        var doc = Load(input);
        JToken? context = entry["context"] is { } c ? Load((string)c!) : null;
        switch (kind)
        {
            case "expand":
                return JsonLdProcessor.Expand(doc, options, documentUrl);
            case "compact":
                return JsonLdProcessor.Compact(doc, context, options, documentUrl);
            case "flatten":
                return JsonLdProcessor.Flatten(doc, context, options, documentUrl);
            case "toRdf":
                var sink = new ListSink();
                JsonLdProcessor.ToRdf(doc, sink, options, documentUrl);
                return sink;
            default:
                throw new InvalidOperationException(kind);
        }
    }
}
