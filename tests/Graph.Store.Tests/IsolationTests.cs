using Graph.Rdf;

namespace Graph.Store.Tests;

[TestClass]
public sealed class IsolationTests
{
    private static readonly IriNode P = new("http://example.org/p");

    private static Quad Item(int batch, int i) =>
        new(new IriNode("http://example.org/batch" + batch), P, LiteralNode.Typed(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer));

    [TestMethod]
    public void ASnapshotTakenBeforeAWriteDoesNotSeeIt()
    {
        var store = new QuadStore();
        store.Add(Item(0, 0));
        var before = store.Snapshot();
        store.Add(Item(0, 1));
        store.Remove(Item(0, 0));
        Assert.AreEqual(1, before.QuadCount);
        Assert.IsTrue(before.Contains(Item(0, 0)));
        Assert.IsFalse(before.Contains(Item(0, 1)));
        Assert.AreEqual(1, before.Match(0, 0, 0, 0).Count());
        var after = store.Snapshot();
        Assert.IsTrue(after.Contains(Item(0, 1)));
        Assert.IsFalse(after.Contains(Item(0, 0)));
    }

    [TestMethod]
    public void ATransactionThatThrowsChangesNothing()
    {
        var store = new QuadStore();
        store.Add(Item(0, 0));
        var version = store.Snapshot().Version;
        Assert.ThrowsExactly<InvalidOperationException>(() => store.Update(txn =>
        {
            txn.Add(Item(0, 1));
            txn.Remove(Item(0, 0));
            throw new InvalidOperationException("abort");
        }));
        Assert.AreEqual(version, store.Snapshot().Version);
        Assert.IsTrue(store.Contains(Item(0, 0)));
        Assert.IsFalse(store.Contains(Item(0, 1)));
    }

    [TestMethod]
    public void ClearingEverythingInATransactionKeepsWhatItAddsAfterwards()
    {
        var store = new QuadStore();
        store.AddRange([Item(0, 0), Item(0, 1), Item(1, 0)]);
        var before = store.Snapshot();
        store.Update(txn =>
        {
            txn.Add(Item(2, 0));
            Assert.AreEqual(4, txn.RemoveMatching(0, 0, 0, 0));
            Assert.AreEqual(0, txn.View.QuadCount);
            Assert.IsTrue(txn.Add(Item(0, 0)), "a quad of the old store is new after the clear");
            Assert.IsFalse(txn.Remove(Item(0, 1)), "already gone");
            Assert.IsTrue(txn.Add(Item(3, 0)));
        });
        var after = store.Snapshot();
        Assert.AreEqual(2, after.QuadCount);
        Assert.IsTrue(after.Contains(Item(0, 0)));
        Assert.IsTrue(after.Contains(Item(3, 0)));
        Assert.IsTrue(after.Version > before.Version);
        Assert.AreEqual(3, before.QuadCount, "the old snapshot is untouched");
        store.Clear();
        Assert.AreEqual(0, store.QuadCount);
    }

    [TestMethod]
    public void WritingToTheStoreFromInsideItsOwnUpdateIsRefused()
    {
        var store = new QuadStore();
        Assert.ThrowsExactly<InvalidOperationException>(() => store.Update(_ => store.Add(Item(0, 0))));
        Assert.ThrowsExactly<InvalidOperationException>(() => store.Update(_ => store.AddRange([Item(0, 1)])));
        Assert.AreEqual(0, store.QuadCount, "neither write got through");
    }

    [TestMethod]
    public void ATransactionSeesItsOwnChangesBeforeOthersDo()
    {
        var store = new QuadStore();
        store.Add(Item(0, 0));
        store.Update(txn =>
        {
            txn.Add(Item(0, 1));
            txn.Remove(Item(0, 0));
            Assert.IsTrue(txn.View.Contains(Item(0, 1)));
            Assert.IsFalse(txn.View.Contains(Item(0, 0)));
            Assert.IsTrue(store.Contains(Item(0, 0)), "outside the transaction nothing has changed yet");
            Assert.IsFalse(store.Contains(Item(0, 1)));
            Assert.IsTrue(txn.Add(Item(0, 0)), "re-adding a quad removed in the same transaction");
            Assert.IsTrue(txn.Remove(Item(0, 1)), "removing a quad added in the same transaction");
        });
        Assert.IsTrue(store.Contains(Item(0, 0)));
        Assert.IsFalse(store.Contains(Item(0, 1)));
    }

    [TestMethod]
    public void AConcurrentReaderSeesAllOrNothingOfEachBatch()
    {
        const int BatchSize = 200;
        const int Batches = 60;
        var store = new QuadStore();
        var done = 0;
        var failures = new List<string>();
        var reads = 0;
        var reader = new Thread(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                var snapshot = store.Snapshot();
                var total = snapshot.Count(0, 0, 0, 0);
                var listed = snapshot.Match(0, 0, 0, 0).Count();
                // Each batch adds BatchSize quads of one new subject and removes the previous batch's first quad.
                var subjects = snapshot.DistinctCount(QuadPosition.Subject);
                var expected = subjects == 0 ? 0 : subjects * BatchSize - (subjects - 1);
                if (total != listed || total != expected)
                    lock (failures) failures.Add($"count {total}, listed {listed}, expected {expected} for {subjects} batches");
                reads++;
            }
        });
        reader.Start();
        for (var b = 0; b < Batches; b++)
        {
            var batch = b;
            store.Update(txn =>
            {
                for (var i = 0; i < BatchSize; i++) txn.Add(Item(batch, i));
                if (batch > 0) txn.Remove(Item(batch - 1, 0));
            });
        }
        Volatile.Write(ref done, 1);
        reader.Join();
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures.Take(5)));
        Assert.IsTrue(reads > 0);
        Assert.AreEqual(Batches * BatchSize - (Batches - 1), store.QuadCount);
    }

    [TestMethod]
    public void ConcurrentReadersCanInternLookupsWhileAWriterAddsTerms()
    {
        var store = new QuadStore();
        var done = 0;
        var errors = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            var random = new Random(1);
            while (Volatile.Read(ref done) == 0)
            {
                var max = store.Terms.MaxId;
                if (max < 2) continue;
                var id = random.Next(2, max + 1);
                var term = store.Terms.GetTerm(id);
                if (!store.Terms.TryGetId(term, out var back) || back != id) Interlocked.Increment(ref errors);
            }
        })).ToList();
        readers.ForEach(t => t.Start());
        for (var b = 0; b < 20; b++)
        {
            var batch = b;
            store.AddRange(Enumerable.Range(0, 2000).Select(i => Item(batch, i)));
        }
        Volatile.Write(ref done, 1);
        readers.ForEach(t => t.Join());
        Assert.AreEqual(0, errors);
    }
}
