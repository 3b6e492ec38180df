using System.Globalization;
using System.Text.RegularExpressions;
using Graph.TestSupport;
using Newtonsoft.Json.Linq;

namespace Graph.News.Tests;

/// <summary>
/// Converts every article of the project's own corpus (Corpus/*/NAME.txt, written for the project in the styles
/// of the news) and compares the facts with its hand-written gold file (NAME.gold.json, the schema of
/// ../shared/corpus/README.md). Facts are the atoms the shared scorer counts: a round and each of its fields,
/// each role, each statement call, each announcement date and announcer. Every folder under Corpus is picked up.
/// </summary>
[TestClass]
public sealed partial class ProjectCorpusTests
{
    private static string CorpusRoot => Path.Combine(SharedPaths.RepoRoot, "tests", "Graph.News.Tests", "Corpus");

    public static IEnumerable<object[]> Articles()
    {
        foreach (var dir in Directory.GetDirectories(CorpusRoot).Order(StringComparer.Ordinal))
            foreach (var gold in Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
                yield return [Path.GetFileName(dir), Path.GetFileName(gold)[..^".gold.json".Length]];
    }

    [TestMethod]
    public void TheProjectCorpusHasArticlesWithTextAndGoldAndAnIndex()
    {
        var articles = Articles().ToList();
        Assert.IsTrue(articles.Count >= 7, $"only {articles.Count} articles under {CorpusRoot}");
        foreach (var a in articles)
            Assert.IsTrue(File.Exists(Path.Combine(CorpusRoot, (string)a[0], (string)a[1] + ".txt")), $"{a[0]}/{a[1]}.txt is missing");
        foreach (var dir in Directory.GetDirectories(CorpusRoot))
        {
            var index = Path.Combine(dir, "index.tsv");
            Assert.IsTrue(File.Exists(index), index + " is missing");
            Assert.AreEqual("file\tpublished\tsource_style", File.ReadLines(index).First());
        }
    }

    [TestMethod]
    [DynamicData(nameof(Articles))]
    public void ExtractedFactsAreExactlyTheGoldFacts(string folder, string name)
    {
        var dir = Path.Combine(CorpusRoot, folder);
        var gold = JObject.Parse(File.ReadAllText(Path.Combine(dir, name + ".gold.json")));
        var text = File.ReadAllText(Path.Combine(dir, name + ".txt"));
        var published = DateOnly.Parse((string)gold["published"]!, CultureInfo.InvariantCulture);
        var facts = new Extractor(TestGazetteer.Instance).Extract(new Article { Id = name, Text = text, Published = published });

        var want = GoldFacts(gold);
        var got = ExtractedFacts(facts);
        var missed = want.Except(got).Order(StringComparer.Ordinal).ToList();
        var spurious = got.Except(want).Order(StringComparer.Ordinal).ToList();
        Assert.IsTrue(missed.Count == 0 && spurious.Count == 0,
            $"{folder}/{name}:\n" + string.Concat(missed.Select(m => "  missed   " + m + "\n")) + string.Concat(spurious.Select(s => "  spurious " + s + "\n")));
    }

    [TestMethod]
    [DynamicData(nameof(Articles))]
    public void EveryEvidenceSpanIsTheExactText(string folder, string name)
    {
        var dir = Path.Combine(CorpusRoot, folder);
        var gold = JObject.Parse(File.ReadAllText(Path.Combine(dir, name + ".gold.json")));
        var text = File.ReadAllText(Path.Combine(dir, name + ".txt"));
        var facts = new Extractor(TestGazetteer.Instance).Extract(new Article { Id = name, Text = text, Published = DateOnly.Parse((string)gold["published"]!, CultureInfo.InvariantCulture) });
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var quads = new RdfEmitter(TestGazetteer.Instance).Emit(facts);
        string Value(string subject, string local) => ((Graph.Rdf.LiteralNode)quads.Single(q => q.Subject.ToString() == subject && q.Predicate.Value == Ns.Nif + local).Object).Value;
        var anchors = quads.Where(q => q.Predicate.Value == Ns.Nif + "anchorOf").ToList();
        if (gold["negative"]?.Value<bool>() != true) Assert.IsTrue(anchors.Count > 0, "no evidence for " + name);
        foreach (var a in anchors)
        {
            var b = int.Parse(Value(a.Subject.ToString()!, "beginIndex"), CultureInfo.InvariantCulture);
            var e = int.Parse(Value(a.Subject.ToString()!, "endIndex"), CultureInfo.InvariantCulture);
            Assert.AreEqual(((Graph.Rdf.LiteralNode)a.Object).Value, string.Concat(codePoints[b..e]), $"{name} {b}..{e}");
        }
    }

    // ------------------------------------------------------------------ gold side

    /// <summary>The entity table as the scorer reads it: keys, QID → key, and folded English label → key.</summary>
    private sealed record EntityTable(HashSet<string> Keys, Dictionary<string, string> KeyOfQid, Dictionary<string, string> KeyOfLabel);

    private static readonly Lazy<EntityTable> s_entities = new(() =>
    {
        var table = new EntityTable(new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
        var lines = File.ReadAllLines(SharedPaths.InShared("linking", "entities.tsv"));
        var header = lines[0].Split('\t');
        var key = Array.IndexOf(header, "key");
        var qid = Array.IndexOf(header, "wikidata_qid");
        var label = Array.IndexOf(header, "label_en");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length <= Math.Max(key, Math.Max(qid, label)) || cells[key].Trim().Length == 0) continue;
            var k = cells[key].Trim();
            table.Keys.Add(k);
            if (cells[qid].Trim().Length > 0) table.KeyOfQid[cells[qid].Trim()] = k;
            table.KeyOfLabel[Fold(cells[label])] = k;
        }
        return table;
    });

    /// <summary>
    /// An entity reference of a gold file (a QID, «ent:key», or a plain name such as «UNHCR») as an entity key, the way
    /// the shared scorer resolves it: a known key stays, a plain name is matched to an English label, else lower-cased.
    /// </summary>
    private static string Ref(string value)
    {
        var t = s_entities.Value;
        var v = value.Trim();
        if (t.KeyOfQid.TryGetValue(v, out var key)) return key;
        if (v.StartsWith("ent:", StringComparison.Ordinal)) v = v[4..];
        if (t.Keys.Contains(v)) return v;
        return t.KeyOfLabel.TryGetValue(Fold(v), out var byLabel) ? byLabel : v.ToLowerInvariant();
    }

    /// <summary>Lower-case letters and digits only, so that «calls_for» and «callsFor» compare equal.</summary>
    private static string Fold(string s) => NonAlnum().Replace(s.ToLowerInvariant(), "");

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NonAlnum();

    private static string? Str(JToken? t) => t is null || t.Type == JTokenType.Null ? null : (string?)t;

    private static HashSet<string> GoldFacts(JObject gold)
    {
        var f = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in gold["rounds"] ?? new JArray())
        {
            var n = (int)r["number"]!;
            f.Add($"round {n}");
            foreach (var field in new[] { "start", "end", "earliest", "latest" })
                if (Str(r[field]) is { } d) f.Add($"round.{field} {n} {d}");
            if (Str(r["place"]) is { } place) f.Add($"round.place {n} {Ref(place)}");
            if (Str(r["status"]) is { } status) f.Add($"round.status {n} {Fold(status)}");
        }
        foreach (var (list, kind) in new[] { ("guarantors", "guarantor"), ("participants", "participant"), ("observers", "observer"), ("designated_groups", "designated") })
            foreach (var e in gold[list] ?? new JArray())
                f.Add($"{kind} {Ref((string)e!)}");
        foreach (var c in gold["statement_calls"] ?? new JArray())
            f.Add($"call {(int)c["round"]!} {Fold((string)c["action"]!)} {Fold((string)c["topic"]!)}");
        foreach (var a in gold["announcements"] ?? new JArray())
        {
            var n = (int)a["about_round"]!;
            if (Str(a["date"]) is { } d) f.Add($"announcement {n} {d}");
            foreach (var who in new[] { Str(a["by"]), Str(a["org"]) })
                if (who is not null && who != "guarantors_joint_statement") f.Add($"announcer {n} {Ref(who)}");
        }
        return f;
    }

    // ------------------------------------------------------------------ extracted side

    private static string Local(string iri) => iri[(Math.Max(iri.LastIndexOf('/'), iri.LastIndexOf('#')) + 1)..];

    private static HashSet<string> ExtractedFacts(ArticleFacts facts)
    {
        var f = new HashSet<string>(StringComparer.Ordinal);
        var bySubject = facts.Facts.ToLookup(x => x.Subject);
        string? One(string subject, string predicate) => bySubject[subject].FirstOrDefault(x => x.Predicate == predicate)?.Object.Value;
        var roundNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var x in facts.Facts.Where(x => x.Predicate == Ns.Ast + "roundNumber"))
            roundNumber[x.Subject] = int.Parse(x.Object.Value, CultureInfo.InvariantCulture);
        foreach (var (round, n) in roundNumber)
        {
            if (!bySubject[round].Any(x => x.Predicate == Ns.Rdf + "type" && x.Object.Value == Ns.Ast + "Round")) continue;
            f.Add($"round {n}");
            foreach (var (field, p) in new[] { ("start", Ns.Schema + "startDate"), ("end", Ns.Schema + "endDate"), ("earliest", Ns.Ast + "earliestDate"), ("latest", Ns.Ast + "latestDate") })
                foreach (var x in bySubject[round].Where(x => x.Predicate == p)) f.Add($"round.{field} {n} {x.Object.Value}");
            foreach (var x in bySubject[round].Where(x => x.Predicate == Ns.Schema + "location")) f.Add($"round.place {n} {Local(x.Object.Value)}");
            foreach (var x in bySubject[round].Where(x => x.Predicate == Ns.Ast + "status")) f.Add($"round.status {n} {Fold(Local(x.Object.Value))}");
        }
        foreach (var (p, kind) in new[] { ("guarantor", "guarantor"), ("participant", "participant"), ("observer", "observer") })
            foreach (var x in facts.Facts.Where(x => x.Predicate == Ns.Ast + p)) f.Add($"{kind} {Local(x.Object.Value)}");
        foreach (var x in facts.Facts.Where(x => x.Predicate == Ns.Schema + "mentions"))
            if (TestGazetteer.Instance.Get(Local(x.Object.Value)) is { Type: "DesignatedGroup" }) f.Add($"designated {Local(x.Object.Value)}");
        foreach (var x in facts.Facts.Where(x => x.Predicate == Ns.Ast + "statementOf"))
        {
            if (!roundNumber.TryGetValue(x.Object.Value, out var n)) continue;
            foreach (var action in new[] { "affirms", "callsFor", "condemns" })
                foreach (var c in bySubject[x.Subject].Where(c => c.Predicate == Ns.Ast + action))
                    f.Add($"call {n} {Fold(action)} {Fold(Local(c.Object.Value))}");
        }
        foreach (var x in facts.Facts.Where(x => x.Predicate == Ns.Ast + "aboutRound"))
        {
            if (!roundNumber.TryGetValue(x.Object.Value, out var n)) continue;
            if (One(x.Subject, Ns.Ast + "announcementDate") is { } d) f.Add($"announcement {n} {d}");
            foreach (var by in bySubject[x.Subject].Where(b => b.Predicate == Ns.Ast + "announcedBy")) f.Add($"announcer {n} {Local(by.Object.Value)}");
        }
        return f;
    }
}
