using Graph.Rdf;

namespace Graph.Store;

/// <summary>
/// Bulk loading: a sink readers push quads into. Quads are interned and buffered, then <see cref="Commit"/> sorts
/// them once per order and merges them into the store in one atomic step. Nothing is visible before the commit;
/// a loader dropped without committing changes nothing (its terms stay in the dictionary, unused).
/// One loader is fed by one thread; several loaders may run at once and commit one after the other.
/// </summary>
public sealed class StoreLoader : IRdfSink
{
    private const int ChunkSize = 1 << 16;

    private readonly QuadStore _store;
    private readonly TermDictionary _terms;
    private readonly List<QuadKey[]> _chunks = [];
    private QuadKey[] _current = new QuadKey[1024];
    private int _used;
    private bool _committed;

    internal StoreLoader(QuadStore store)
    {
        _store = store;
        _terms = store.Terms;
    }

    /// <summary>Quads received so far (duplicates included).</summary>
    public long Received => (long)_chunks.Count * ChunkSize + _used;

    public void Quad(in Quad quad)
    {
        var g = quad.Graph is null ? IQuadSource.DefaultGraph : _terms.GetOrAdd(quad.Graph);
        Add(new EncodedQuad(_terms.GetOrAdd(quad.Subject), _terms.GetOrAdd(quad.Predicate), _terms.GetOrAdd(quad.Object), g));
    }

    public void Add(EncodedQuad q)
    {
        if (_committed) throw new InvalidOperationException("the loader has already committed");
        if (_used == _current.Length)
        {
            if (_current.Length < ChunkSize) Array.Resize(ref _current, _current.Length * 4);
            else
            {
                _chunks.Add(_current);
                _current = new QuadKey[ChunkSize];
                _used = 0;
            }
        }
        _current[_used++] = QuadOrders.ToKey(QuadOrder.SPOG, q);
    }

    /// <summary>Makes the loaded quads visible, all at once. Returns how many were new to the store.</summary>
    public long Commit()
    {
        if (_committed) throw new InvalidOperationException("the loader has already committed");
        _committed = true;
        var total = checked((int)Received);
        var keys = GC.AllocateUninitializedArray<QuadKey>(total);
        var at = 0;
        foreach (var chunk in _chunks)
        {
            chunk.CopyTo(keys, at);
            at += chunk.Length;
        }
        Array.Copy(_current, 0, keys, at, _used);
        _chunks.Clear();
        _current = [];
        _used = 0;
        return _store.CommitLoad(keys);
    }
}
