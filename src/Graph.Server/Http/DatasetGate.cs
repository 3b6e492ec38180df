using Graph.Server.Engine;

namespace Graph.Server.Http;

/// <summary>
/// Readers work on a frozen snapshot and never wait; writers (an update computing, journalling and applying its
/// change set) take turns, so the journal order is the order changes were applied.
/// </summary>
public sealed class DatasetGate(IServerDataset dataset) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public IServerDataset Dataset { get; } = dataset;

    /// <summary>Give up waiting for the writer's turn after this long; the client gets 503.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public T Read<T>(Func<IServerDataset, T> work) => work(Dataset.Freeze());

    public T Write<T>(Func<IServerDataset, T> work)
    {
        if (!_writer.Wait(LockTimeout)) throw new SparqlRequestException(SparqlErrorKind.TooCostly, "the server is busy with a long update; try again");
        try { return work(Dataset); }
        finally { _writer.Release(); }
    }

    public void Dispose() => _writer.Dispose();
}
