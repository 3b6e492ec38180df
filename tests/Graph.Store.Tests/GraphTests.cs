using Graph.Rdf;

namespace Graph.Store.Tests;

[TestClass]
public sealed class GraphTests
{
    private static readonly IriNode S = new("http://example.org/s");
    private static readonly IriNode P = new("http://example.org/p");
    private static readonly IriNode G1 = new("http://example.org/g1");
    private static readonly IriNode G2 = new("http://example.org/g2");

    private static QuadStore Sample()
    {
        var store = new QuadStore();
        store.AddRange(
        [
            new Quad(S, P, new LiteralNode("default")),
            new Quad(S, P, new LiteralNode("one"), G1),
            new Quad(S, P, new LiteralNode("two"), G2),
            new Quad(S, P, new LiteralNode("default"), G2),
        ]);
        return store;
    }

    [TestMethod]
    public void AWildcardGraphIncludesTheDefaultGraph()
    {
        var snapshot = Sample().Snapshot();
        Assert.IsTrue(snapshot.TryGetId(S, out var s));
        Assert.AreEqual(4, snapshot.Count(s, 0, 0, IQuadSource.Wildcard));
        Assert.AreEqual(1, snapshot.Count(s, 0, 0, IQuadSource.DefaultGraph));
        Assert.AreEqual(4, snapshot.Match(0, 0, 0, 0).Count());
    }

    [TestMethod]
    public void TheSameTripleInTwoGraphsIsTwoQuads()
    {
        var store = Sample();
        Assert.AreEqual(2, store.Count(null, null, new LiteralNode("default")));
        Assert.AreEqual(1, store.Count(null, null, new LiteralNode("default"), GraphFilter.Default));
        Assert.AreEqual(1, store.Count(null, null, new LiteralNode("default"), GraphFilter.Named(G2)));
        Assert.AreEqual(0, store.Count(null, null, new LiteralNode("default"), GraphFilter.Named(G1)));
    }

    [TestMethod]
    public void AClearedNamedGraphStaysListedButCountsNoLongerAmongGraphNames()
    {
        var store = Sample();
        CollectionAssert.AreEqual(new INode[] { G1, G2 }, store.NamedGraphs().ToList());
        Assert.AreEqual(1, store.ClearGraph(G1));
        CollectionAssert.AreEqual(new INode[] { G1, G2 }, store.NamedGraphs().ToList(), "CLEAR leaves the graph, empty");
        Assert.IsTrue(store.DropGraph(G1));
        CollectionAssert.AreEqual(new INode[] { G2 }, store.NamedGraphs().ToList());
        Assert.AreEqual(3, store.QuadCount);
        Assert.AreEqual(2, store.Snapshot().DistinctCount(QuadPosition.Object), "\"default\" and \"two\"");
        Assert.AreEqual(2, store.Snapshot().DistinctCount(QuadPosition.Graph), "the default graph and g2");
    }

    [TestMethod]
    public void ClearingTheDefaultGraphLeavesNamedGraphs()
    {
        var store = Sample();
        Assert.AreEqual(1, store.ClearGraph(null));
        Assert.AreEqual(0, store.Count(null, null, null, GraphFilter.Default));
        Assert.AreEqual(3, store.QuadCount);
        store.Clear();
        Assert.AreEqual(0, store.QuadCount);
        Assert.AreEqual(0, store.NamedGraphs().Count);
    }

    [TestMethod]
    public void AnUnknownNamedGraphMatchesNothing()
    {
        var store = Sample();
        Assert.AreEqual(0, store.Count(null, null, null, GraphFilter.Named(new IriNode("http://example.org/none"))));
        Assert.AreEqual(0, store.Match(null, null, null, GraphFilter.Named(S)).Count(), "a known term that names no graph");
    }

    [TestMethod]
    public void AddingAndRemovingReportWhetherTheStoreChanged()
    {
        var store = new QuadStore();
        var q = new Quad(S, P, S, G1);
        Assert.IsTrue(store.Add(q));
        Assert.IsFalse(store.Add(q));
        Assert.AreEqual(1, store.QuadCount);
        Assert.IsFalse(store.Remove(new Quad(S, P, S)), "the triple is in g1, not in the default graph");
        Assert.IsTrue(store.Remove(q));
        Assert.IsFalse(store.Remove(q));
        Assert.AreEqual(0, store.QuadCount);
        Assert.IsTrue(store.Add(q), "a removed quad can come back");
        Assert.AreEqual(1, store.QuadCount);
    }

    [TestMethod]
    public void BulkLoadingDropsDuplicatesWithinTheLoadAndAgainstTheStore()
    {
        var store = new QuadStore();
        var q1 = new Quad(S, P, new LiteralNode("1"));
        var q2 = new Quad(S, P, new LiteralNode("2"));
        Assert.AreEqual(1, store.AddRange([q1, q1, q1]));
        Assert.AreEqual(1, store.AddRange([q1, q2, q2]));
        Assert.AreEqual(2, store.QuadCount);
    }

    [TestMethod]
    public void ExportIsTheSameWhateverTheLoadOrder()
    {
        var quads = RandomQuads.Make(500, seed: 3);
        var a = new QuadStore();
        a.AddRange(quads);
        var b = new QuadStore();
        // Different insertion order and different id assignment: reversed, in small transactions.
        foreach (var chunk in Enumerable.Reverse(quads).Chunk(50))
            b.Update(txn => { foreach (var q in chunk) txn.Add(q); });
        var exportA = a.Export().Select(q => q.ToString()).ToList();
        var exportB = b.Export().Select(q => q.ToString()).ToList();
        CollectionAssert.AreEqual(exportA, exportB);
        Assert.AreEqual(quads.Distinct().Count(), exportA.Count);
        Assert.IsTrue(a.Export().TakeWhile(q => q.Graph is null).Count() == quads.Distinct().Count(q => q.Graph is null), "the default graph comes first");
    }

    [TestMethod]
    public void TheLoaderIsASinkReadersCanPushInto()
    {
        var store = new QuadStore();
        var count = store.Load(sink =>
        {
            sink.Prefix("ex", "http://example.org/");
            sink.Quad(new Quad(S, P, S));
            sink.Quad(new Quad(S, P, S, G1));
        });
        Assert.AreEqual(2, count);
        Assert.AreEqual(2, store.QuadCount);
    }
}
