using CsCheck;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.Properties;

/// <summary>
/// For random datasets g, parse(write(g)) is isomorphic to g, for every syntax's writer and reader. A syntax that
/// cannot express part of a dataset (named graphs in N-Triples, triple terms in JSON-LD, C0 controls in XML) gets
/// the part it can express; that its writer refuses the rest with a clear error is checked too.
/// </summary>
[TestClass]
public sealed class RoundTripProperties
{
    private const int Iterations = 300;

    private sealed record Syntax(RdfFormat Format, bool NamedGraphs, bool TripleTerms, bool Directions, bool XmlChars);

    private static readonly Syntax[] Syntaxes =
    [
        new(RdfFormat.NTriples, NamedGraphs: false, TripleTerms: true, Directions: true, XmlChars: false),
        new(RdfFormat.NQuads, NamedGraphs: true, TripleTerms: true, Directions: true, XmlChars: false),
        new(RdfFormat.Turtle, NamedGraphs: false, TripleTerms: true, Directions: true, XmlChars: false),
        new(RdfFormat.TriG, NamedGraphs: true, TripleTerms: true, Directions: true, XmlChars: false),
        new(RdfFormat.JsonLd, NamedGraphs: true, TripleTerms: false, Directions: true, XmlChars: false),
        new(RdfFormat.RdfXml, NamedGraphs: false, TripleTerms: false, Directions: false, XmlChars: true),
    ];

    public static IEnumerable<object[]> Formats => Syntaxes.Select(s => new object[] { s.Format });

    [TestMethod]
    [DynamicData(nameof(Formats))]
    public void ReadingWhatWasWrittenGivesAnIsomorphicDataset(RdfFormat format)
    {
        var syntax = Syntaxes.Single(s => s.Format == format);
        PropertyRuns.Check(RandomRdf.Dataset.Select(g => Restrict(g, syntax)), g =>
        {
            var text = Write(g, format);
            var back = Read(text, format);
            Assert.IsTrue(Isomorphism.AreIsomorphic(g, back),
                $"not isomorphic after a {format} round trip.\nwritten:\n{text}\nread back:\n{RandomRdf.Show(back)}");
        }, Iterations, RandomRdf.Show);
    }

    [TestMethod]
    [DynamicData(nameof(Formats))]
    public void WritingTheSameDatasetTwiceGivesTheSameText(RdfFormat format)
    {
        var syntax = Syntaxes.Single(s => s.Format == format);
        PropertyRuns.Check(RandomRdf.Dataset.Select(g => Restrict(g, syntax)),
            g => Assert.AreEqual(Write(g, format), Write(g, format)), Iterations / 3, RandomRdf.Show);
    }

    [TestMethod]
    public void SingleGraphWritersRefuseNamedGraphsInsteadOfDroppingThem()
    {
        var named = RandomRdf.Quad.Where(q => q.Graph is not null);
        foreach (var syntax in Syntaxes.Where(s => !s.NamedGraphs))
        {
            PropertyRuns.Check(named.Select(q => Restrict([q], syntax with { NamedGraphs = true })).Where(g => g.Count > 0), g =>
            {
                var e = Assert.Throws<Exception>(() => Write(g, syntax.Format), $"{syntax.Format} accepted a named graph");
                Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
            }, 20, RandomRdf.Show);
        }
    }

    private static string Write(List<Quad> quads, RdfFormat format)
    {
        var sw = new StringWriter { NewLine = "\n" };
        (RdfFormats.Get(format).Writer ?? throw new AssertFailedException($"{format} has no writer"))(quads, RandomRdf.Prefixes, sw);
        return sw.ToString();
    }

    private static List<Quad> Read(string text, RdfFormat format)
    {
        var sink = new ListSink();
        RdfReader.ParseString(text, format, "http://example.org/base/", sink, "round-trip");
        return sink.Quads;
    }

    /// <summary>The part of <paramref name="g"/> that <paramref name="s"/> can express.</summary>
    private static List<Quad> Restrict(List<Quad> g, Syntax s)
    {
        var result = new List<Quad>();
        foreach (var q in g)
        {
            if (!s.TripleTerms && q.Object is TripleNode) continue;
            var o = q.Object;
            if (o is LiteralNode l && (!s.Directions && l.Direction is not null || s.XmlChars && !XmlSafe(l.Value)))
                o = l.Language is null ? LiteralNode.Typed(XmlOnly(l.Value), l.Datatype) : LiteralNode.LangString(XmlOnly(l.Value), l.Language);
            if (s.XmlChars && o is LiteralNode dt && !XmlSafe(dt.Datatype.Value)) continue;
            if (s.XmlChars && (!XmlSafe(q.Subject.ToString() ?? "") || o is IriNode oi && !XmlSafe(oi.Value))) continue;
            result.Add(new Quad(q.Subject, q.Predicate, o, s.NamedGraphs ? q.Graph : null));
        }
        return result.Distinct().ToList();
    }

    private static bool XmlSafe(string text) => text.All(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF'));

    private static string XmlOnly(string text) => new(text.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF')).ToArray());
}
