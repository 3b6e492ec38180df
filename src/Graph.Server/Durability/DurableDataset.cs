using Graph.Rdf;
using Graph.Server.Engine;

namespace Graph.Server.Durability;

/// <summary>
/// A dataset kept in a folder: snapshot.kgs (the state at some sequence number) plus journal.kgj (every change
/// set acknowledged since). <see cref="Apply"/> and <see cref="Transact"/> fsync the journal record before readers
/// can see the change, so what a client was told is saved survives kill -9. Opening replays the journal over the
/// snapshot, dropping a torn tail. Journals and snapshots written before empty graphs were kept are still read.
/// </summary>
public sealed class DurableDataset : IServerDataset, IDisposable
{
    public const string SnapshotFile = "snapshot.kgs";
    public const string JournalFile = "journal.kgj";
    private const string LockFile = "lock";

    private readonly IServerDataset _inner;
    private readonly string _dir;
    private readonly Journal _journal;
    private readonly FileStream _lock;
    private ulong _sequence;

    private DurableDataset(string dir, IServerDataset inner, Journal journal, FileStream lockFile, ulong sequence, OpenReport report)
    {
        _dir = dir;
        _inner = inner;
        _journal = journal;
        _lock = lockFile;
        _sequence = sequence;
        Report = report;
    }

    /// <summary>What opening found: for the server's start-up line and for tests.</summary>
    public sealed record OpenReport(bool IsNew, long SnapshotQuads, int ReplayedRecords, long DroppedTailBytes);

    public OpenReport Report { get; }

    /// <summary>The journal grows to this before a snapshot replaces it.</summary>
    public long SnapshotThreshold { get; init; } = 64L << 20;

    public ulong Sequence => _sequence;

    public static DurableDataset Open(string dir, IServerDataset? inner = null, long snapshotThreshold = 64L << 20)
    {
        Directory.CreateDirectory(dir);
        inner ??= new StoreDataset();
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(dir, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"the store {dir} is in use by another process ({e.Message})", e);
        }
        try
        {
            var snapPath = Path.Combine(dir, SnapshotFile);
            var journalPath = Path.Combine(dir, JournalFile);
            File.Delete(snapPath + ".tmp"); // a snapshot interrupted before its rename; the journal still holds its changes
            ulong seq = 0;
            var isNew = !File.Exists(snapPath) && !File.Exists(journalPath);
            var loaded = new ChangeSet();
            var emptyGraphs = new ChangeSet();
            if (File.Exists(snapPath)) seq = Snapshot.Read(snapPath, q => loaded.Add(Change.Add(q)), g => emptyGraphs.Add(Change.CreateGraph(g)));
            inner.Apply(loaded);
            inner.Apply(emptyGraphs);
            var contents = Journal.Read(journalPath);
            var replayed = 0;
            foreach (var (s, changes) in contents.Records)
            {
                if (s <= seq) continue; // already in the snapshot: the crash came between its rename and the journal reset
                inner.Apply(changes);
                seq = s;
                replayed++;
            }
            var journal = Journal.OpenForAppend(journalPath, contents.ValidLength);
            return new DurableDataset(dir, inner, journal, lockFile, seq,
                new OpenReport(isNew, loaded.Count, replayed, contents.FileLength - contents.ValidLength))
            { SnapshotThreshold = snapshotThreshold };
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public void Apply(ChangeSet changes)
    {
        if (changes.Count == 0) return;
        _journal.Append(_sequence + 1, changes);
        _sequence++;
        _inner.Apply(changes);
        SnapshotIfDue();
    }

    /// <summary>The body runs once; its net change is journalled (fsynced) inside the transaction, before it is published.</summary>
    public ChangeSet Transact(Action<Graph.Store.StoreTransaction> body, Action<ChangeSet>? beforeVisible = null)
    {
        var changes = _inner.Transact(body, c =>
        {
            _journal.Append(_sequence + 1, c);
            _sequence++;
            beforeVisible?.Invoke(c);
        });
        SnapshotIfDue();
        return changes;
    }

    private void SnapshotIfDue()
    {
        if (_journal.Length >= SnapshotThreshold) WriteSnapshot();
    }

    /// <summary>Saves the whole dataset and empties the journal. Callers hold the write lock.</summary>
    public void WriteSnapshot()
    {
        var view = _inner.Freeze();
        var empty = view.GraphNames().Where(g => view.CountGraph(g) == 0).ToList();
        Snapshot.Write(Path.Combine(_dir, SnapshotFile), _sequence, view.Count, view.AllQuads(), empty);
        _journal.Reset();
    }

    public IEnumerable<Quad> GraphQuads(INode? graph) => _inner.GraphQuads(graph);
    public IEnumerable<Quad> AllQuads() => _inner.AllQuads();
    public IEnumerable<INode> GraphNames() => _inner.GraphNames();
    public bool GraphExists(INode? graph) => _inner.GraphExists(graph);
    public bool Contains(in Quad quad) => _inner.Contains(quad);
    public long CountGraph(INode? graph) => _inner.CountGraph(graph);
    public long Count => _inner.Count;
    public Graph.Store.QuadSnapshot Source => _inner.Source;
    public IServerDataset Freeze() => _inner.Freeze();

    public void Dispose()
    {
        _journal.Dispose();
        _lock.Dispose();
    }
}
