using System.Text;
using Graph.Formats;
using Graph.News;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Cli.Tests;

/// <summary>The lean writer `kg convert` uses must give exactly the general Turtle writer's bytes.</summary>
[TestClass]
public sealed class ConvertTurtleTests
{
    private const string Ex = "http://example.org/";

    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["ex"] = Ex, ["rdf"] = Vocab.Rdf.Ns, ["xsd"] = Vocab.Xsd.Ns, ["b"] = Ex + "b#", ["a"] = Ex + "b#", ["bad."] = "http://bad.example/",
        ["colon"] = "urn:x:",
    };

    /// <summary>The general writer's document from its blank line on (the prefix block is written once per output).</summary>
    private static string General(List<Quad> quads, IReadOnlyDictionary<string, string> prefixes)
    {
        var doc = TurtleWriter.ToString(quads, prefixes, trig: true);
        var cut = doc.IndexOf("\n\n", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, cut, "the general writer's document has a prefix block");
        return doc[(cut + 1)..];
    }

    private static string Lean(List<Quad> quads, IReadOnlyDictionary<string, string> prefixes)
    {
        var buffer = new ByteBuffer(16);
        Assert.IsTrue(new ConvertTurtle(prefixes).TryWrite(quads, buffer), "statements of the converter's shape are accepted");
        return Encoding.UTF8.GetString(buffer.Written);
    }

    private static IriNode I(string local) => new(Ex + local);

    [TestMethod]
    public void EveryOrderingEscapingAndAbbreviationRuleGivesTheGeneralWritersBytes()
    {
        var s1 = I("s1");
        var s2 = new IriNode("http://other.example/z");
        var p = I("p");
        var q = I("q");
        List<Quad> quads =
        [
            new(s2, p, new LiteralNode("late subject")),
            new(s1, q, new LiteralNode("b")),
            new(s1, q, new LiteralNode("a")),
            new(s1, q, I("o2")),
            new(s1, q, I("o1")),
            new(s1, q, new LiteralNode("a")),
            new(s1, p, LiteralNode.LangString("a", "EN")),
            new(s1, p, LiteralNode.LangString("a", "en")),
            new(s1, p, LiteralNode.LangString("a", "ar", "rtl")),
            new(s1, p, LiteralNode.Typed("12", Vocab.Xsd.Integer)),
            new(s1, p, LiteralNode.Typed("+3", Vocab.Xsd.Integer)),
            new(s1, p, LiteralNode.Typed("twelve", Vocab.Xsd.Integer)),
            new(s1, p, LiteralNode.Typed("1.5", Vocab.Xsd.Decimal)),
            new(s1, p, LiteralNode.Typed("1.", Vocab.Xsd.Decimal)),
            new(s1, p, LiteralNode.Typed("1e3", Vocab.Xsd.Double)),
            new(s1, p, LiteralNode.Typed("true", Vocab.Xsd.Boolean)),
            new(s1, p, LiteralNode.Typed("yes", Vocab.Xsd.Boolean)),
            new(s1, p, LiteralNode.Typed("12", Vocab.Xsd.Ns + "nonNegativeInteger")),
            new(s1, p, LiteralNode.Typed("12", Ex + "custom")),
            new(s1, p, LiteralNode.Typed("12", "http://elsewhere.example/t")),
            new(s1, p, new LiteralNode("line\nbreak \"quoted\" back\\slash \u0001 \uFFFF tab\t")),
            new(s1, p, new LiteralNode("lone \uD800 surrogate")),
            new(s1, p, new LiteralNode("\uFFFD private \uE000 and astral \U0001F600")),
            new(s1, p, new LiteralNode("أستانا")),
            new(s1, p, new IriNode(Vocab.Rdf.Nil)),
            new(s1, new IriNode(Vocab.Rdf.Type), I("Class")),
            new(s1, new IriNode(Vocab.Rdf.Type), new IriNode(Vocab.Rdf.Type)),
            new(new IriNode(Vocab.Rdf.Nil), p, I("x")),
            new(I("local.with.dots."), p, I("a.b")),
            new(I("with space"), p, I("with>angle")),
            new(new IriNode(Ex + "b#frag"), p, new IriNode(Ex + "b#")),
            new(new IriNode("urn:x:y:z"), p, new IriNode("http://bad.example/n")),
            new(I("-dash"), p, I("_under")),
            new(I("9digit"), I("p/slash"), I("é")),
        ];
        Assert.AreEqual(General(quads, Prefixes), Lean(quads, Prefixes));
        Assert.AreEqual(General(quads, new Dictionary<string, string> { ["x"] = "http://no.match/" }),
            Lean(quads, new Dictionary<string, string> { ["x"] = "http://no.match/" }));
    }

    [TestMethod]
    public void TheDevCorpusInGroupsOfFourGivesTheGeneralWritersBytes()
    {
        var gazetteer = GazetteerLoader.Load(Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl"));
        var extractor = new Extractor(gazetteer);
        var emitter = new RdfEmitter(gazetteer);
        var files = Directory.GetFiles(SharedPaths.InShared("corpus", "dev"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.IsNotEmpty(files, "no articles in ../shared/corpus/dev");
        var lean = new ConvertTurtle(Ns.Prefixes);
        var buffer = new ByteBuffer();
        for (var from = 0; from < files.Length; from += 4)
        {
            var quads = new List<Quad>();
            foreach (var f in files.Skip(from).Take(4))
            {
                var article = new Article { Id = Path.GetFileNameWithoutExtension(f), Text = File.ReadAllText(f), Published = new DateOnly(2023, 6, 20) };
                emitter.Emit(extractor.Extract(article), quads);
            }
            buffer.Clear();
            Assert.IsTrue(lean.TryWrite(quads, buffer));
            Assert.AreEqual(General(quads, Ns.Prefixes), Encoding.UTF8.GetString(buffer.Written), $"group starting at {files[from]}");
        }
    }

    [TestMethod]
    public void CrowdedSubjectsAndLiteralsBeginningAlikeGiveTheGeneralWritersBytes()
    {
        // More statements per subject than the lean writer sorts by insertion, literals sharing their first bytes in
        // runs longer than it sorts by insertion, literals shorter than eight bytes and prefixes of one another,
        // equal literals made twice, and a reused writer (its tables carry over from group to group).
        var random = new Random(7);
        var subjects = Enumerable.Range(0, 5).Select(i => I("s" + i)).ToArray();
        var predicates = Enumerable.Range(0, 7).Select(i => I("p" + i)).Append(new IriNode(Vocab.Rdf.Type)).ToArray();
        var literals = new List<LiteralNode>();
        for (var i = 0; i < 40; i++) literals.Add(new LiteralNode("shared beginning " + (i * 7919 % 97)));
        foreach (var v in new[] { "", "a", "ab", "a\u0000", "ab\u0000c", "abc", "abcdefg", "abcdefgh", "abcdefghi" })
        {
            literals.Add(new LiteralNode(v));
            literals.Add(LiteralNode.Typed(v, Ex + "dt"));
            literals.Add(LiteralNode.LangString(v, "en"));
        }
        literals.Add(LiteralNode.Typed("12", Vocab.Xsd.Integer));
        literals.Add(LiteralNode.Typed("12", Vocab.Xsd.Ns + "nonNegativeInteger"));
        literals.Add(new LiteralNode("«مرحبا» بالعالم"));
        literals.Add(new LiteralNode("«مرحبا» بكم"));
        var writer = new ConvertTurtle(Prefixes);
        for (var group = 0; group < 3; group++)
        {
            var quads = new List<Quad>();
            for (var k = 0; k < 400; k++)
            {
                var s = subjects[random.Next(subjects.Length)];
                var p = predicates[random.Next(predicates.Length)];
                INode o = random.Next(4) == 0 ? subjects[random.Next(subjects.Length)] : literals[random.Next(literals.Count)];
                if (o is LiteralNode l && random.Next(2) == 0) o = l.Language is not null ? LiteralNode.LangString(l.Value, l.Language) : LiteralNode.Typed(l.Value, l.Datatype.Value);
                quads.Add(new Quad(s, p, o));
            }
            var buffer = new ByteBuffer(16);
            Assert.IsTrue(writer.TryWrite(quads, buffer));
            Assert.AreEqual(General(quads, Prefixes), Encoding.UTF8.GetString(buffer.Written), $"group {group}");
        }
    }

    [TestMethod]
    public void StatementsOutsideTheConvertersShapeAreRefusedWithNothingWritten()
    {
        var buffer = new ByteBuffer();
        var w = new ConvertTurtle(Prefixes);
        Assert.IsFalse(w.TryWrite([new(new BlankNode("b"), I("p"), I("o"))], buffer));
        Assert.IsFalse(w.TryWrite([new(I("s"), I("p"), new BlankNode("b"))], buffer));
        Assert.IsFalse(w.TryWrite([new(I("s"), I("p"), I("o"), I("g"))], buffer));
        Assert.AreEqual(0, buffer.Length);
    }
}
