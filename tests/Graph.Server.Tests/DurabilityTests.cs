using Graph.Rdf;
using Graph.Server.Durability;
using Graph.Server.Engine;

namespace Graph.Server.Tests;

[TestClass]
public sealed class DurabilityTests
{
    private string _dir = "";

    [TestInitialize]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("kg-durable-").FullName;

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static Quad Item(int i, INode? graph = null) =>
        new(Terms.Iri("item/" + i), Terms.Iri("n"), LiteralNode.Typed(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer), graph);

    private static ChangeSet Batch(int i) => new ChangeSet()
        .Add(Change.Add(Item(i)))
        .Add(Change.Add(Item(i, Terms.Iri("g"))))
        .Add(Change.Add(new Quad(new BlankNode("b" + i), Terms.Iri("label"), LiteralNode.LangString("جولة " + i, "ar"), Terms.Iri("g"))));

    /// <summary>The dataset's quads as sorted N-Quads lines: what must survive, whatever order the store keeps.</summary>
    private static List<string> Lines(IServerDataset d) => d.AllQuads().Select(q => q.ToString()).Order(StringComparer.Ordinal).ToList();

    [TestMethod]
    public void AcknowledgedChangesAreThereAfterReopening()
    {
        List<string> before;
        using (var d = DurableDataset.Open(_dir))
        {
            Assert.IsTrue(d.Report.IsNew);
            for (var i = 0; i < 5; i++) d.Apply(Batch(i));
            d.Apply(new ChangeSet().Add(Change.Remove(Item(2))).Add(Change.Add(new Quad(Terms.Iri("t"), Terms.Iri("p"), new TripleNode(new Triple(Terms.Iri("a"), Terms.Iri("b"), LiteralNode.LangString("x", "ar", "rtl")))))));
            before = Lines(d);
        }
        using var again = DurableDataset.Open(_dir);
        Assert.IsFalse(again.Report.IsNew);
        Assert.AreEqual(6, again.Report.ReplayedRecords);
        CollectionAssert.AreEqual(before, Lines(again));
    }

    [TestMethod]
    public void ClearingGraphsIsReplayedInOrder()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Apply(Batch(1));
            d.Apply(new ChangeSet().Add(Change.Clear(Terms.Iri("g"))));
            d.Apply(Batch(2));
            d.Apply(new ChangeSet().Add(Change.Clear(null)));
        }
        using var again = DurableDataset.Open(_dir);
        Assert.AreEqual(0, again.CountGraph(null));
        Assert.AreEqual(2, again.CountGraph(Terms.Iri("g")));
        Assert.IsTrue(again.Contains(Item(2, Terms.Iri("g"))));
        Assert.IsFalse(again.Contains(Item(1, Terms.Iri("g"))));
    }

    [TestMethod]
    public void ATornLastRecordIsDroppedAtEveryByteOffsetAndEarlierRecordsAreKept()
    {
        const int records = 4;
        using (var d = DurableDataset.Open(_dir))
            for (var i = 0; i < records - 1; i++) d.Apply(Batch(i));
        var journal = Path.Combine(_dir, DurableDataset.JournalFile);
        var lengthBefore = new FileInfo(journal).Length;
        List<string> expected;
        using (var d = DurableDataset.Open(_dir))
        {
            expected = Lines(d);
            d.Apply(Batch(records - 1));
        }
        var full = File.ReadAllBytes(journal);
        Assert.IsGreaterThan(lengthBefore + Journal.HeaderSize, (long)full.Length);

        for (var cut = lengthBefore; cut < full.Length; cut++)
        {
            var copy = Directory.CreateTempSubdirectory("kg-torn-").FullName;
            try
            {
                File.WriteAllBytes(Path.Combine(copy, DurableDataset.JournalFile), full.AsSpan(0, (int)cut).ToArray());
                using (var d = DurableDataset.Open(copy))
                {
                    CollectionAssert.AreEqual(expected, Lines(d), $"cut at {cut}");
                    Assert.AreEqual(cut - lengthBefore, d.Report.DroppedTailBytes, $"cut at {cut}");
                    Assert.AreEqual((ulong)(records - 1), d.Sequence);
                    // The tail is cut away, so a new record lands where it will be read back.
                    d.Apply(Batch(100));
                }
                using (var d = DurableDataset.Open(copy))
                {
                    Assert.AreEqual(0, d.Report.DroppedTailBytes);
                    Assert.IsTrue(d.Contains(Item(100)), $"cut at {cut}: the record after the repair was lost");
                    Assert.IsFalse(d.Contains(Item(records - 1)), $"cut at {cut}: part of a torn record was applied");
                }
            }
            finally
            {
                Directory.Delete(copy, true);
            }
        }
    }

    [TestMethod]
    public void ALastRecordWithAFlippedBitIsDropped()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Apply(Batch(1));
            d.Apply(Batch(2));
        }
        var journal = Path.Combine(_dir, DurableDataset.JournalFile);
        var bytes = File.ReadAllBytes(journal);
        bytes[^3] ^= 0x10;
        File.WriteAllBytes(journal, bytes);
        using var again = DurableDataset.Open(_dir);
        Assert.IsTrue(again.Contains(Item(1)));
        Assert.IsFalse(again.Contains(Item(2)));
        Assert.IsGreaterThan(0L, again.Report.DroppedTailBytes);
    }

    [TestMethod]
    public void ASnapshotReplacesTheJournalAndKeepsEverything()
    {
        List<string> before;
        using (var d = DurableDataset.Open(_dir, snapshotThreshold: 600))
        {
            for (var i = 0; i < 20; i++) d.Apply(Batch(i));
            before = Lines(d);
        }
        Assert.IsTrue(File.Exists(Path.Combine(_dir, DurableDataset.SnapshotFile)), "the threshold should have been crossed");
        Assert.IsLessThan(600L, new FileInfo(Path.Combine(_dir, DurableDataset.JournalFile)).Length);
        using var again = DurableDataset.Open(_dir);
        Assert.IsGreaterThan(0L, again.Report.SnapshotQuads);
        CollectionAssert.AreEqual(before, Lines(again));
        Assert.AreEqual(20UL, again.Sequence);
    }

    [TestMethod]
    public void JournalRecordsAlreadyInTheSnapshotAreNotAppliedTwice()
    {
        // A crash between the snapshot's rename and the journal's reset leaves records the snapshot already holds.
        using (var d = DurableDataset.Open(_dir))
        {
            d.Apply(new ChangeSet().Add(Change.Add(Item(1))));          // seq 1
            d.Apply(new ChangeSet().Add(Change.Remove(Item(1))));       // seq 2
        }
        var journal = Path.Combine(_dir, DurableDataset.JournalFile);
        var old = File.ReadAllBytes(journal);
        using (var d = DurableDataset.Open(_dir))
        {
            d.Apply(new ChangeSet().Add(Change.Add(Item(2))));          // seq 3
            d.WriteSnapshot();                                          // snapshot at seq 3 holds {2}
        }
        // Put back record seq 1 (add item 1): replaying it over the snapshot would resurrect item 1.
        File.WriteAllBytes(journal, old.AsSpan(0, RecordEnd(old, 1)).ToArray());
        using var again = DurableDataset.Open(_dir);
        Assert.AreEqual(0, again.Report.ReplayedRecords);
        Assert.IsFalse(again.Contains(Item(1)));
        Assert.IsTrue(again.Contains(Item(2)));
    }

    /// <summary>The byte offset after the first <paramref name="n"/> records.</summary>
    private static int RecordEnd(byte[] journal, int n)
    {
        var pos = 0;
        for (var i = 0; i < n; i++) pos += Journal.HeaderSize + BitConverter.ToInt32(journal, pos);
        return pos;
    }

    [TestMethod]
    public void ADamagedSnapshotIsReportedNotSilentlyIgnored()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Apply(Batch(1));
            d.WriteSnapshot();
        }
        var snap = Path.Combine(_dir, DurableDataset.SnapshotFile);
        var bytes = File.ReadAllBytes(snap);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(snap, bytes);
        var e = Assert.ThrowsExactly<InvalidDataException>(() => DurableDataset.Open(_dir));
        StringAssert.Contains(e.Message, "damaged");
    }

    [TestMethod]
    public void AStoreCannotBeOpenedTwiceAtOnce()
    {
        using var d = DurableDataset.Open(_dir);
        var e = Assert.ThrowsExactly<IOException>(() => DurableDataset.Open(_dir));
        StringAssert.Contains(e.Message, "in use");
    }

    [TestMethod]
    public void ALeftoverSnapshotTemporaryFileIsIgnored()
    {
        using (var d = DurableDataset.Open(_dir)) d.Apply(Batch(1));
        File.WriteAllBytes(Path.Combine(_dir, DurableDataset.SnapshotFile + ".tmp"), [1, 2, 3]);
        using var again = DurableDataset.Open(_dir);
        Assert.IsTrue(again.Contains(Item(1)));
        Assert.IsFalse(File.Exists(Path.Combine(_dir, DurableDataset.SnapshotFile + ".tmp")));
    }
}
