using Graph.Rdf;

namespace Graph.Store.Tests;

/// <summary>Random quads over small term pools (so patterns hit many and few matches), from a fixed seed.</summary>
internal static class RandomQuads
{
    public static readonly INode[] Subjects =
        [.. Enumerable.Range(0, 40).Select(i => (INode)new IriNode("http://example.org/s" + i)), .. Enumerable.Range(0, 10).Select(i => (INode)new BlankNode("b" + i))];

    public static readonly IriNode[] Predicates = [.. Enumerable.Range(0, 8).Select(i => new IriNode("http://example.org/p" + i))];

    public static readonly INode[] Objects =
    [
        .. Subjects.Take(20),
        .. Enumerable.Range(0, 15).Select(i => (INode)new LiteralNode("v" + i)),
        .. Enumerable.Range(0, 10).Select(i => (INode)LiteralNode.Typed(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer)),
        .. Enumerable.Range(0, 5).Select(i => (INode)LiteralNode.LangString("مرحبا " + i, "ar")),
    ];

    /// <summary>Graph names; null is the default graph.</summary>
    public static readonly INode?[] Graphs = [null, null, new IriNode("http://example.org/g1"), new IriNode("http://example.org/g2"), new BlankNode("gb")];

    public static Quad Next(Random random) => new(
        Subjects[random.Next(Subjects.Length)],
        Predicates[random.Next(Predicates.Length)],
        Objects[random.Next(Objects.Length)],
        Graphs[random.Next(Graphs.Length)]);

    public static List<Quad> Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Next(random)).ToList();
    }
}
