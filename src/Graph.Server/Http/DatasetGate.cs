using Graph.Server.Engine;

namespace Graph.Server.Http;

/// <summary>
/// Many readers or one writer. Queries run under the read lock; an update computes, journals and applies its
/// change set under the write lock, so readers never see half a request.
/// </summary>
public sealed class DatasetGate(IServerDataset dataset) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    public IServerDataset Dataset { get; } = dataset;

    /// <summary>Give up waiting for the lock after this long (a long update is running); the client gets 503.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public T Read<T>(Func<IServerDataset, T> work)
    {
        if (!_lock.TryEnterReadLock(LockTimeout)) throw Busy();
        try { return work(Dataset); }
        finally { _lock.ExitReadLock(); }
    }

    public T Write<T>(Func<IServerDataset, T> work)
    {
        if (!_lock.TryEnterWriteLock(LockTimeout)) throw Busy();
        try { return work(Dataset); }
        finally { _lock.ExitWriteLock(); }
    }

    private static SparqlRequestException Busy() => new(SparqlErrorKind.TooCostly, "the server is busy with a long update; try again");

    public void Dispose() => _lock.Dispose();
}
