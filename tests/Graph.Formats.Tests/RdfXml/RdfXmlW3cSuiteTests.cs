using System.Text.RegularExpressions;
using Graph.Formats.RdfXml;
using Graph.Formats.Tests.RdfXml.Interim;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.RdfXml;

/// <summary>The W3C RDF 1.1 RDF/XML suite: every entry of the manifest, eval tests by graph isomorphism.</summary>
[TestClass]
public sealed partial class RdfXmlW3cSuiteTests
{
    private const string AssumedBase = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/";

    public static IEnumerable<object[]> Entries() => ReadManifest().Select(e => new object[] { e.Name, e.Type, e.Action, e.Result ?? "" });

    public static string DisplayName(System.Reflection.MethodInfo _, object[] data) => (string)data[0];

    [TestMethod]
    [DynamicData(nameof(Entries), DynamicDataDisplayName = nameof(DisplayName))]
    public void W3cRdfXmlTest(string name, string type, string action, string result)
    {
        var dir = SharedPaths.InShared("w3c", "rdf11", "rdf-xml");
        var input = Path.Combine(dir, action);
        var sink = new ListSink();
        var options = new RdfXmlReaderOptions { BaseIri = AssumedBase + action, SourceName = input };
        if (type == "TestXMLNegativeSyntax")
        {
            Assert.ThrowsExactly<RdfParseException>(() => Parse(input, sink, options), name + " must be rejected");
            return;
        }
        Assert.AreEqual("TestXMLEval", type);
        Parse(input, sink, options);
        var expected = InterimNQuads.ParseFile(Path.Combine(dir, result));
        Assert.IsTrue(InterimIsomorphism.AreIsomorphic(sink.Quads, expected),
            $"{name}: not isomorphic.\nGot:\n{string.Join("\n", sink.Quads)}\nExpected:\n{string.Join("\n", expected)}");
    }

    [TestMethod]
    public void TheManifestListsEveryEntry()
    {
        var entries = ReadManifest();
        Assert.AreEqual(166, entries.Count);
        Assert.AreEqual(126, entries.Count(e => e.Type == "TestXMLEval"));
    }

    private static void Parse(string path, IRdfSink sink, RdfXmlReaderOptions options)
    {
        using var reader = new StreamReader(path);
        RdfXmlReader.Parse(reader, sink, options);
    }

    private sealed record Entry(string Name, string Type, string Action, string? Result);

    private static List<Entry> ReadManifest()
    {
        var text = File.ReadAllText(SharedPaths.InShared("w3c", "rdf11", "rdf-xml", "manifest.ttl"));
        var start = text.IndexOf("mf:entries (", StringComparison.Ordinal);
        var end = text.IndexOf(')', start);
        var names = text[start..end].Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("<#", StringComparison.Ordinal)).Select(l => l[2..^1]).ToList();
        var entries = new List<Entry>();
        foreach (var n in names)
        {
            var m = new Regex(@"\n<#" + Regex.Escape(n) + @">\s+a ").Match(text, end);
            Assert.IsTrue(m.Success, "no definition for " + n);
            var at = m.Index;
            var next = text.IndexOf("\n<#", at + 1, StringComparison.Ordinal);
            var block = text[at..(next < 0 ? text.Length : next)];
            var type = TypeRegex().Match(block).Groups[1].Value;
            var action = ActionRegex().Match(block).Groups[1].Value;
            var result = ResultRegex().Match(block);
            entries.Add(new Entry(n, type, action, result.Success ? result.Groups[1].Value : null));
        }
        return entries;
    }

    [GeneratedRegex(@"a rdft:(\w+)")]
    private static partial Regex TypeRegex();

    [GeneratedRegex(@"mf:action\s+<([^>]+)>")]
    private static partial Regex ActionRegex();

    [GeneratedRegex(@"mf:result\s+<([^>]+)>")]
    private static partial Regex ResultRegex();
}
