using Graph.Rdf;

namespace Graph.Store.Tests;

/// <summary>Named graphs that exist without quads: created, cleared, emptied, dropped, and seen consistently by snapshots.</summary>
[TestClass]
public sealed class EmptyGraphTests
{
    private static readonly IriNode S = new("http://example.org/s");
    private static readonly IriNode P = new("http://example.org/p");
    private static readonly IriNode G1 = new("http://example.org/g1");
    private static readonly IriNode G2 = new("http://example.org/g2");
    private static readonly IriNode G3 = new("http://example.org/g3");

    private static Quad In(IriNode? g, string value) => new(S, P, new LiteralNode(value), g);

    [TestMethod]
    public void ACreatedGraphExistsEmptyAndIsListedAmongTheNamedGraphs()
    {
        var store = new QuadStore();
        Assert.IsFalse(store.GraphExists(G1));
        Assert.IsTrue(store.CreateGraph(G1));
        Assert.IsTrue(store.GraphExists(G1));
        Assert.AreEqual(0, store.QuadCount);
        CollectionAssert.AreEqual(new INode[] { G1 }, store.NamedGraphs().ToList());
        CollectionAssert.AreEqual(new INode[] { G1 }, store.Snapshot().EmptyGraphTerms().ToList());
        Assert.AreEqual(0, store.Snapshot().DistinctCount(QuadPosition.Graph), "an empty graph names no quad");
    }

    [TestMethod]
    public void CreatingAnExistingGraphReportsFalseAndChangesNothing()
    {
        var store = new QuadStore();
        store.Add(In(G1, "a"));
        var version = store.Snapshot().Version;
        Assert.IsFalse(store.CreateGraph(G1));
        Assert.IsFalse(store.CreateGraph(G1));
        Assert.AreEqual(version, store.Snapshot().Version);
        Assert.AreEqual(1, store.QuadCount);
        Assert.AreEqual(0, store.Snapshot().EmptyGraphTerms().Count);
    }

    [TestMethod]
    public void TheDefaultGraphAlwaysExists()
    {
        var store = new QuadStore();
        Assert.IsTrue(store.GraphExists(null));
        Assert.IsTrue(store.Snapshot().GraphExists(IQuadSource.DefaultGraph));
    }

    [TestMethod]
    public void DroppingAnEmptyGraphRemovesItAndDroppingAMissingOneReportsFalse()
    {
        var store = new QuadStore();
        store.CreateGraph(G1);
        Assert.IsTrue(store.DropGraph(G1));
        Assert.IsFalse(store.GraphExists(G1));
        Assert.AreEqual(0, store.NamedGraphs().Count);
        Assert.IsFalse(store.DropGraph(G1));
        Assert.IsFalse(store.DropGraph(G2), "a term the dictionary never saw");
    }

    [TestMethod]
    public void DroppingAGraphRemovesItsQuadsAndLeavesOtherGraphs()
    {
        var store = new QuadStore();
        store.AddRange([In(G1, "a"), In(G1, "b"), In(G2, "c"), In(null, "d")]);
        Assert.IsTrue(store.DropGraph(G1));
        Assert.AreEqual(2, store.QuadCount);
        CollectionAssert.AreEqual(new INode[] { G2 }, store.NamedGraphs().ToList());
    }

    [TestMethod]
    public void RemovingTheLastQuadOfAGraphLeavesTheGraphExistingAndEmpty()
    {
        var store = new QuadStore();
        store.Add(In(G1, "a"));
        Assert.IsTrue(store.Remove(In(G1, "a")));
        Assert.IsTrue(store.GraphExists(G1));
        CollectionAssert.AreEqual(new INode[] { G1 }, store.Snapshot().EmptyGraphTerms().ToList());
    }

    [TestMethod]
    public void AGraphInsertedIntoAndEmptiedInOneTransactionExists()
    {
        var store = new QuadStore();
        store.Update(txn =>
        {
            txn.Add(In(G1, "a"));
            txn.Remove(In(G1, "a"));
        });
        Assert.IsTrue(store.GraphExists(G1));
        Assert.AreEqual(0, store.QuadCount);
    }

    [TestMethod]
    public void AddingToAnEmptyGraphListsItOnceAndNoLongerAsEmpty()
    {
        var store = new QuadStore();
        store.CreateGraph(G1);
        store.Add(In(G1, "a"));
        CollectionAssert.AreEqual(new INode[] { G1 }, store.NamedGraphs().ToList());
        Assert.AreEqual(0, store.Snapshot().EmptyGraphTerms().Count);
    }

    [TestMethod]
    public void ABulkLoadIntoAnEmptyStoreKeepsItsEmptyGraphs()
    {
        var store = new QuadStore();
        store.CreateGraph(G1);
        store.CreateGraph(G2);
        store.AddRange([In(G2, "a"), In(null, "b")]);
        CollectionAssert.AreEqual(new INode[] { G1, G2 }, store.NamedGraphs().ToList());
        CollectionAssert.AreEqual(new INode[] { G1 }, store.Snapshot().EmptyGraphTerms().ToList());
        store.AddRange([In(G1, "c")]);
        Assert.AreEqual(0, store.Snapshot().EmptyGraphTerms().Count);
    }

    [TestMethod]
    public void ASnapshotTakenBeforeACreateOrDropDoesNotSeeIt()
    {
        var store = new QuadStore();
        store.CreateGraph(G1);
        var before = store.Snapshot();
        store.DropGraph(G1);
        store.CreateGraph(G2);
        Assert.IsTrue(before.GraphExists(G1));
        Assert.IsFalse(before.GraphExists(G2));
        CollectionAssert.AreEqual(new INode[] { G1 }, before.NamedGraphTerms().ToList());
        CollectionAssert.AreEqual(new INode[] { G2 }, store.NamedGraphs().ToList());
    }

    [TestMethod]
    public void AnAbandonedTransactionCreatesAndDropsNothing()
    {
        var store = new QuadStore();
        store.CreateGraph(G1);
        Assert.ThrowsExactly<InvalidOperationException>(() => store.Update(txn =>
        {
            Assert.IsTrue(txn.DropGraph(G1));
            Assert.IsTrue(txn.CreateGraph(G2));
            Assert.IsFalse(txn.GraphExists(G1));
            Assert.IsTrue(txn.GraphExists(G2));
            throw new InvalidOperationException("abort");
        }));
        Assert.IsTrue(store.GraphExists(G1));
        Assert.IsFalse(store.GraphExists(G2));
    }

    [TestMethod]
    public void ClearAllKeepsTheNamedGraphsButDropAllRemovesThem()
    {
        var store = new QuadStore();
        store.AddRange([In(G1, "a"), In(null, "b")]);
        store.CreateGraph(G2);
        store.Update(txn => txn.ClearAll());
        Assert.AreEqual(0, store.QuadCount);
        CollectionAssert.AreEqual(new INode[] { G1, G2 }, store.NamedGraphs().ToList());
        store.Clear();
        Assert.AreEqual(0, store.NamedGraphs().Count);
    }

    [TestMethod]
    public void TheNetChangeNamesOnlyTheGraphsWhoseExistenceChanged()
    {
        var store = new QuadStore();
        store.AddRange([In(G1, "a")]);
        store.CreateGraph(G2);
        NetChange? change = null;
        store.Update(txn =>
        {
            txn.CreateGraph(G3);
            txn.DropGraph(G2);
            txn.Add(In(new IriNode("http://example.org/g4"), "x"));
            txn.Remove(In(G1, "a"));
            change = txn.NetChanges();
        });
        Assert.IsNotNull(change);
        Assert.IsFalse(change.ClearsAll);
        CollectionAssert.AreEqual(new INode[] { G3 }, change.CreatedGraphs.ToList(), "g4 exists through its quad, g1 stays");
        CollectionAssert.AreEqual(new INode[] { G2 }, change.DroppedGraphs.ToList());
        Assert.AreEqual(1, change.Removed.Count);
        Assert.AreEqual(1, change.Added.Count);
    }

    [TestMethod]
    public void ReplayingANetChangeOnTheStartingStateGivesTheSameDataset()
    {
        static QuadStore Start()
        {
            var s = new QuadStore();
            s.AddRange([In(G1, "a"), In(G2, "b"), In(null, "c")]);
            s.CreateGraph(G3);
            return s;
        }
        var original = Start();
        NetChange? change = null;
        original.Update(txn =>
        {
            txn.DropAll();
            txn.Add(In(G1, "z"));
            txn.CreateGraph(G2);
            change = txn.NetChanges();
        });
        Assert.IsNotNull(change);
        Assert.IsTrue(change.ClearsAll);

        var replica = Start();
        replica.Update(txn =>
        {
            if (change.ClearsAll) txn.ClearAll();
            foreach (var q in change.Removed) txn.Remove(q);
            foreach (var q in change.Added) txn.Add(q);
            foreach (var g in change.CreatedGraphs) txn.CreateGraph(g);
            foreach (var g in change.DroppedGraphs) txn.DropGraph(g);
        });
        CollectionAssert.AreEqual(original.Export().ToList(), replica.Export().ToList());
        CollectionAssert.AreEqual(new INode[] { G1, G2 }, original.NamedGraphs().ToList());
        CollectionAssert.AreEquivalent(original.NamedGraphs().ToList(), replica.NamedGraphs().ToList());
    }

    [TestMethod]
    public void EveryUpdateIsCountedAsOneTransaction()
    {
        var store = new QuadStore();
        var before = store.TransactionCount;
        store.CreateGraph(G1);
        Assert.ThrowsExactly<InvalidOperationException>(() => store.Update(_ => throw new InvalidOperationException("abort")));
        Assert.AreEqual(before + 2, store.TransactionCount);
    }
}
