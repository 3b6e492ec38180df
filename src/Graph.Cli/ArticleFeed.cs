using System.Globalization;
using System.Runtime.ExceptionServices;
using Graph.News;

namespace Graph.Cli;

/// <summary>
/// Articles handed over, in input order, from the thread that reads them to the threads that convert them, so that
/// converting starts with the first articles read instead of after the last. Ids are made unique here, in input
/// order: a repeated id becomes "id-2", "id-3"..., with a warning, exactly as if the whole input had been read first.
/// At most <c>capacity</c> articles wait, which bounds memory on large corpora.
/// </summary>
public sealed class ArticleFeed(int capacity = 4096)
{
    private readonly Queue<Article> _queue = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _idWarnings = [];
    private int _count;
    private bool _completed, _cancelled;
    private ExceptionDispatchInfo? _error;
    private TimeSpan _waited;

    /// <summary>How long the reader waited for room (for bench figures: reading time is the rest).</summary>
    public TimeSpan Waited
    {
        get { lock (_queue) return _waited; }
    }

    /// <summary>Warnings of reading (bad lines, skipped files): written by the reading thread only.</summary>
    public List<string> ReadWarnings { get; } = [];

    /// <summary>Warnings about repeated ids, in input order (complete once reading is).</summary>
    public IReadOnlyList<string> IdWarnings
    {
        get { lock (_queue) return _idWarnings.ToList(); }
    }

    /// <summary>Articles added so far (all of them once <see cref="Completed"/>).</summary>
    public int Count
    {
        get { lock (_queue) return _count; }
    }

    public bool Completed
    {
        get { lock (_queue) return _completed; }
    }

    /// <summary>Adds the next article, waiting while the converters are <c>capacity</c> articles behind.</summary>
    public void Add(Article article)
    {
        lock (_queue)
        {
            if (_queue.Count >= capacity && !_cancelled)
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                while (_queue.Count >= capacity && !_cancelled) Monitor.Wait(_queue);
                _waited += System.Diagnostics.Stopwatch.GetElapsedTime(t0);
            }
            if (_cancelled) throw new OperationCanceledException();
            var id = article.Id;
            if (_ids.TryGetValue(id, out var count))
            {
                _ids[id] = count + 1;
                var fresh = id + "-" + (count + 1).ToString(CultureInfo.InvariantCulture);
                _idWarnings.Add($"article id '{id}' repeats; this one is '{fresh}'");
                article = new Article { Id = fresh, Text = article.Text, Published = article.Published, Url = article.Url, PublishedIsFallback = article.PublishedIsFallback };
            }
            else _ids[id] = 1;
            _queue.Enqueue(article);
            _count++;
            Monitor.PulseAll(_queue);
        }
    }

    /// <summary>Reading ended (with the exception that ended it, if any: it is thrown to whoever takes past the end).</summary>
    public void Complete(Exception? error = null)
    {
        lock (_queue)
        {
            _completed = true;
            if (error is not null) _error = ExceptionDispatchInfo.Capture(error);
            Monitor.PulseAll(_queue);
        }
    }

    /// <summary>Stops the reader (its next <see cref="Add"/> throws) when nobody will take what it reads.</summary>
    public void Cancel()
    {
        lock (_queue)
        {
            _cancelled = true;
            Monitor.PulseAll(_queue);
        }
    }

    /// <summary>Waits until <paramref name="n"/> articles were added or reading ended.</summary>
    public void WaitFor(int n)
    {
        lock (_queue)
            while (_count < n && !_completed) Monitor.Wait(_queue);
    }

    /// <summary>Throws what ended reading, if reading failed.</summary>
    public void ThrowIfFailed()
    {
        lock (_queue) _error?.Throw();
    }

    /// <summary>The articles in consecutive groups of <paramref name="size"/> (the last may be shorter), waiting for them to be read.</summary>
    public IEnumerable<Article[]> Groups(int size)
    {
        while (true)
        {
            Article[] group;
            lock (_queue)
            {
                while (_queue.Count < size && !_completed) Monitor.Wait(_queue);
                if (_queue.Count == 0)
                {
                    _error?.Throw();
                    yield break;
                }
                group = new Article[Math.Min(size, _queue.Count)];
                for (var k = 0; k < group.Length; k++) group[k] = _queue.Dequeue();
                Monitor.PulseAll(_queue);
            }
            yield return group;
        }
    }
}
