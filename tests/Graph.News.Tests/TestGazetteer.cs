using Graph.News;
using Graph.TestSupport;

namespace Graph.News.Tests;

/// <summary>The project's gazetteer (ontology/entities.ttl), loaded once, and helpers to run the extractor on a text.</summary>
internal static class TestGazetteer
{
    private static readonly Lazy<Gazetteer> s_gazetteer = new(() => GazetteerLoader.Load(Path.Combine(SharedPaths.RepoRoot, "ontology", "entities.ttl")));

    public static Gazetteer Instance => s_gazetteer.Value;

    public static ArticleFacts Extract(string text, string published) =>
        new Extractor(Instance).Extract(new Article { Id = "t", Text = text, Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) });

    public static List<string> Objects(this ArticleFacts f, string predicateLocal, string? subjectEndsWith = null) =>
        f.Facts.Where(x => (x.Predicate.EndsWith("#" + predicateLocal, StringComparison.Ordinal) || x.Predicate.EndsWith("/" + predicateLocal, StringComparison.Ordinal))
                && (subjectEndsWith is null || x.Subject.EndsWith(subjectEndsWith, StringComparison.Ordinal)))
            .Select(x => x.Object.Value[(Math.Max(x.Object.Value.LastIndexOf('/'), x.Object.Value.LastIndexOf('#')) + 1)..])
            .Distinct().Order(StringComparer.Ordinal).ToList();

    public static List<int> Rounds(this ArticleFacts f) =>
        f.Facts.Where(x => x.Predicate.EndsWith("#roundNumber", StringComparison.Ordinal)).Select(x => int.Parse(x.Object.Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    public static string? RoundValue(this ArticleFacts f, int round, string predicateLocal) =>
        f.Objects(predicateLocal, "/round/" + round).SingleOrDefault();
}
