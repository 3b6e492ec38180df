using System.Text;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Formats.Tests.W3c;

/// <summary>Runs one W3C RDF syntax test (positive/negative syntax, evaluation, canonical form) in process.</summary>
internal static class W3cRunner
{
    private static readonly Dictionary<string, W3cTest> s_tests = new(StringComparer.Ordinal);
    private static readonly object s_lock = new();

    /// <summary>The suite's tests as data rows keyed by test IRI; excluded ones carry their reason as an ignore message.</summary>
    public static IEnumerable<TestDataRow<string>> Rows(string manifest, bool skipRdf11Includes, IReadOnlyDictionary<string, string>? exclusions = null)
    {
        var path = SharedPaths.InShared(["w3c", .. manifest.Split('/')]);
        var tests = W3cManifest.ReadTests(path, skipRdf11Includes ? p => !p.Replace('\\', '/').Contains("/rdf11/", StringComparison.Ordinal) : null);
        if (tests.Count == 0) throw new InvalidOperationException($"no tests found in {path}");
        var rows = new List<TestDataRow<string>>();
        lock (s_lock)
        {
            foreach (var t in tests)
            {
                s_tests[t.Id] = t;
                var row = new TestDataRow<string>(t.Id) { DisplayName = t.Type + ": " + t.Name };
                if (exclusions is not null && exclusions.TryGetValue(t.Id, out var reason)) row.IgnoreMessage = reason;
                rows.Add(row);
            }
        }
        return rows;
    }

    public static W3cTest Get(string id)
    {
        lock (s_lock)
            return s_tests.TryGetValue(id, out var t) ? t : throw new InvalidOperationException("unknown test " + id);
    }

    public static RdfFormat FormatOf(string file) => RdfFormats.FromPath(file)?.Format ?? throw new InvalidOperationException("no format for " + file);

    public static List<Quad> Parse(string file, string baseIri, bool preserveLabels = false)
    {
        var sink = new ListSink();
        using var fs = File.OpenRead(file);
        RdfReader.Parse(fs, FormatOf(file), new RdfReadOptions(file, baseIri, preserveLabels), sink);
        return sink.Quads;
    }

    public static void Run(string id)
    {
        var t = Get(id);
        var action = t.Action ?? throw new InvalidOperationException($"{t.Id} has no action file");
        if (t.Type.EndsWith("NegativeSyntax", StringComparison.Ordinal) || t.Type.EndsWith("NegativeEval", StringComparison.Ordinal))
        {
            try
            {
                var got = Parse(action, t.BaseFor(action));
                Assert.Fail($"{t.Name}: expected a syntax error, but {got.Count} statements parsed:\n{Dump(got)}");
            }
            catch (RdfParseException e)
            {
                Assert.IsTrue(e.Line >= 1 && e.Column >= 1, $"the error has no position: {e.Describe()}");
            }
            return;
        }
        if (t.Type.EndsWith("PositiveSyntax", StringComparison.Ordinal))
        {
            Parse(action, t.BaseFor(action));
            return;
        }
        if (t.Type.EndsWith("Eval", StringComparison.Ordinal))
        {
            var result = t.Result ?? throw new InvalidOperationException($"{t.Id} has no result file");
            var got = Parse(action, t.BaseFor(action));
            var expected = Parse(result, t.BaseFor(result));
            Assert.IsTrue(Isomorphism.AreIsomorphic(got, expected),
                $"{t.Name}: the parsed graph is not isomorphic to {Path.GetFileName(result)}\n--- got\n{Dump(got)}--- expected\n{Dump(expected)}");
            return;
        }
        if (t.Type.EndsWith("PositiveC14N", StringComparison.Ordinal))
        {
            var result = t.Result ?? throw new InvalidOperationException($"{t.Id} has no result file");
            var got = Parse(action, t.BaseFor(action), preserveLabels: true);
            var sw = new StringWriter();
            NQuadsWriter.Write(got, sw, quads: FormatOf(action) == RdfFormat.NQuads);
            var expected = File.ReadAllText(result, Encoding.UTF8);
            Assert.AreEqual(expected, sw.ToString(), $"{t.Name}: canonical form differs");
            return;
        }
        Assert.Fail($"unknown test type {t.Type} for {t.Id}");
    }

    /// <summary>Rows of the suite's positive tests only (for writer round trips).</summary>
    public static IEnumerable<TestDataRow<string>> PositiveRows(string manifest, bool skipRdf11Includes) =>
        Rows(manifest, skipRdf11Includes).Where(r => !Get(r.Value).Type.Contains("Negative", StringComparison.Ordinal));

    /// <summary>Parses the test's input, writes it as Turtle/TriG and N-Quads, and checks both read back to the same graph.</summary>
    public static void RoundTrip(string id)
    {
        var t = Get(id);
        var action = t.Action ?? throw new InvalidOperationException($"{t.Id} has no action file");
        var sink = new ListSink();
        using (var fs = File.OpenRead(action))
            RdfReader.Parse(fs, FormatOf(action), new RdfReadOptions(action, t.BaseFor(action)), sink);
        var trig = sink.Quads.Any(q => q.Graph is not null) || FormatOf(action) == RdfFormat.TriG;
        var pretty = TurtleWriter.ToString(sink.Quads, sink.Prefixes, trig);
        var back = new ListSink();
        RdfReader.ParseString(pretty, trig ? RdfFormat.TriG : RdfFormat.Turtle, null, back);
        Assert.IsTrue(Isomorphism.AreIsomorphic(sink.Quads, back.Quads), $"{t.Name}: Turtle/TriG output reads back differently\n{pretty}");
        // Blank nodes are ordered by what they say; only blank nodes that say the same thing fall back on labels,
        // which change on re-reading. Where labels cannot matter the bytes must be identical.
        if (!sink.Quads.Any(q => HasBlank(q.Subject) || HasBlank(q.Object) || q.Graph is BlankNode))
            Assert.AreEqual(pretty, TurtleWriter.ToString(back.Quads, back.Prefixes, trig), $"{t.Name}: writing the re-read graph gives other bytes");
        var sw = new StringWriter();
        NQuadsWriter.Write(sink.Quads, sw, quads: true);
        var nq = new ListSink();
        RdfReader.ParseString(sw.ToString(), RdfFormat.NQuads, null, nq);
        Assert.IsTrue(Isomorphism.AreIsomorphic(sink.Quads, nq.Quads), $"{t.Name}: N-Quads output reads back differently\n{sw}");
    }

    private static bool HasBlank(INode n) => n switch
    {
        BlankNode => true,
        TripleNode t => HasBlank(t.Triple.Subject) || HasBlank(t.Triple.Object),
        _ => false,
    };

    private static string Dump(IEnumerable<Quad> quads)
    {
        var sb = new StringBuilder();
        foreach (var q in quads.Take(50)) sb.Append(NQuadsWriter.Line(q)).Append('\n');
        return sb.ToString();
    }
}
