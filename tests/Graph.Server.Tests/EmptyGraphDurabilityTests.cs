using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Graph.Rdf;
using Graph.Server.Durability;
using Graph.Server.Engine;

namespace Graph.Server.Tests;

/// <summary>Empty named graphs survive the journal, snapshots and kill -9; journals and snapshots of the first format still read.</summary>
[TestClass]
public sealed class EmptyGraphDurabilityTests
{
    private string _dir = "";

    [TestInitialize]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("kg-empty-graphs-").FullName;

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static readonly IriNode G = Terms.Iri("g");
    private static readonly IriNode H = Terms.Iri("h");

    private static Quad Item(int i, INode? graph = null) => new(Terms.Iri("item/" + i), Terms.Iri("n"), new LiteralNode("v" + i), graph);

    [TestMethod]
    public void AGraphCreatedByATransactionIsThereAfterReopening()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            var changes = d.Transact(txn => txn.CreateGraph(G));
            Assert.AreEqual(ChangeKind.CreateGraph, changes.Changes.Single().Kind);
        }
        using var again = DurableDataset.Open(_dir);
        Assert.AreEqual(1, again.Report.ReplayedRecords);
        Assert.IsTrue(again.GraphExists(G));
        Assert.AreEqual(0, again.Count);
    }

    [TestMethod]
    public void DroppingAndEmptyingGraphsIsReplayedExactly()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Transact(txn => { txn.Add(Item(1, G)); txn.Add(Item(2, H)); });
            d.Transact(txn => { txn.Remove(Item(1, G)); txn.DropGraph(H); });
        }
        using var again = DurableDataset.Open(_dir);
        Assert.IsTrue(again.GraphExists(G), "emptied, not dropped");
        Assert.IsFalse(again.GraphExists(H));
        Assert.AreEqual(0, again.Count);
    }

    [TestMethod]
    public void ClearAllAndDropAllAreReplayedWithTheirGraphs()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Transact(txn => { txn.Add(Item(1, G)); txn.CreateGraph(H); });
            d.Transact(txn => txn.ClearAll());
        }
        using (var again = DurableDataset.Open(_dir))
        {
            CollectionAssert.AreEquivalent(new INode[] { G, H }, again.GraphNames().ToList());
            again.Transact(txn => { txn.DropAll(); txn.Add(Item(3)); });
        }
        using var last = DurableDataset.Open(_dir);
        Assert.AreEqual(0, last.GraphNames().Count());
        Assert.AreEqual(1, last.Count);
    }

    [TestMethod]
    public void ASnapshotKeepsEmptyGraphs()
    {
        using (var d = DurableDataset.Open(_dir))
        {
            d.Transact(txn => { txn.CreateGraph(G); txn.Add(Item(1, H)); });
            d.WriteSnapshot();
        }
        Assert.AreEqual(0, new FileInfo(Path.Combine(_dir, DurableDataset.JournalFile)).Length, "the snapshot holds everything");
        using var again = DurableDataset.Open(_dir);
        Assert.IsTrue(again.GraphExists(G));
        Assert.AreEqual(0, again.CountGraph(G));
        Assert.AreEqual(1, again.CountGraph(H));
    }

    [TestMethod]
    public void AJournalWriteFailureLeavesTheTransactionUnpublished()
    {
        using var d = DurableDataset.Open(_dir);
        Assert.ThrowsExactly<InvalidOperationException>(() =>
            d.Transact(txn => txn.CreateGraph(G), _ => throw new InvalidOperationException("the disk is full")));
        Assert.IsFalse(d.GraphExists(G));
    }

    // ---- the first format: written by hand, as a server of that version wrote it ----------------------------------

    private static byte[] LegacyRecord(ulong sequence, params (ChangeKind Kind, Quad Quad, INode? Graph)[] changes)
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(sequence);
            w.Write(changes.Length);
            foreach (var (kind, quad, graph) in changes)
            {
                w.Write((byte)kind);
                if (kind is ChangeKind.Add or ChangeKind.Remove) QuadCodec.WriteQuad(w, quad);
                else if (kind == ChangeKind.ClearGraph) QuadCodec.WriteTerm(w, graph);
            }
        }
        var payload = ms.ToArray();
        var record = new byte[Journal.HeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32C.Compute(payload));
        payload.CopyTo(record, Journal.HeaderSize);
        return record;
    }

    [TestMethod]
    public void AFirstFormatJournalReplaysWithItsMeaningGraphsLeftEmptyCeaseToExist()
    {
        var journal = new List<byte>();
        journal.AddRange(LegacyRecord(1, (ChangeKind.Add, Item(1, G), null), (ChangeKind.Add, Item(2, H), null), (ChangeKind.Add, Item(3), null)));
        journal.AddRange(LegacyRecord(2, (ChangeKind.Remove, Item(1, G), null)));
        journal.AddRange(LegacyRecord(3, (ChangeKind.ClearGraph, default, H)));
        File.WriteAllBytes(Path.Combine(_dir, DurableDataset.JournalFile), journal.ToArray());
        using (var d = DurableDataset.Open(_dir))
        {
            Assert.AreEqual(3, d.Report.ReplayedRecords);
            Assert.AreEqual(0, d.Report.DroppedTailBytes);
            Assert.IsFalse(d.GraphExists(G), "then, removing the last quad removed the graph");
            Assert.IsFalse(d.GraphExists(H));
            Assert.AreEqual(1, d.Count);
            d.Transact(txn => txn.CreateGraph(G)); // a new record after the old ones
        }
        using var again = DurableDataset.Open(_dir);
        Assert.AreEqual(4, again.Report.ReplayedRecords);
        Assert.IsTrue(again.GraphExists(G));
    }

    [TestMethod]
    public void AFirstFormatSnapshotIsStillRead()
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("KGSNAP01"u8);
            w.Write(7UL);
            w.Write(2L);
            QuadCodec.WriteQuad(w, Item(1));
            QuadCodec.WriteQuad(w, Item(2, G));
        }
        var body = ms.ToArray();
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Compute(body));
        File.WriteAllBytes(Path.Combine(_dir, DurableDataset.SnapshotFile), [.. body, .. crc]);
        using var d = DurableDataset.Open(_dir);
        Assert.AreEqual(7UL, d.Sequence);
        Assert.AreEqual(2, d.Count);
        Assert.IsTrue(d.GraphExists(G));
    }

    // ---- end to end: kill -9 ---------------------------------------------------------------------------------------

    [TestMethod]
    public async Task AnEmptyGraphCreatedOverHttpSurvivesSigkill()
    {
        const string token = "empty-graph-token-7";
        const string graph = "store?graph=http%3A%2F%2Fexample.org%2Fempty";
        using (var server = ServeProcess.Start("--store", _dir, "--port", "0", "--update-token", token))
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            var m = new HttpRequestMessage(HttpMethod.Post, "sparql")
            {
                Content = new StringContent("CREATE GRAPH <http://example.org/empty> ; CREATE GRAPH <http://example.org/gone> ; DROP GRAPH <http://example.org/gone>", Encoding.UTF8, "application/sparql-update"),
            };
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.AreEqual(HttpStatusCode.NoContent, (await http.SendAsync(m)).StatusCode);
            server.KillHard();
        }
        using var restarted = ServeProcess.Start("--store", _dir, "--port", "0");
        using var client = new HttpClient { BaseAddress = restarted.Address };
        var get = await client.GetAsync(graph);
        Assert.AreEqual(HttpStatusCode.OK, get.StatusCode);
        Assert.AreEqual("", (await get.Content.ReadAsStringAsync()).Trim());
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync("store?graph=http%3A%2F%2Fexample.org%2Fgone")).StatusCode);
        Assert.AreEqual(0, restarted.Terminate());
    }
}
