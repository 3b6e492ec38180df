using System.Runtime.ExceptionServices;

namespace Graph.Cli;

/// <summary>
/// Produces items 0..count-1 on worker threads and consumes them in index order on the calling thread while the
/// workers go on: output is written as it is made, so writing never stops the cores converting. At most
/// <c>window</c> items are made ahead of the consumer, which bounds memory.
/// </summary>
public static class OrderedParallel
{
    /// <param name="produce">Makes item i on worker w (0 ≤ w &lt; workers): per-worker state can be indexed by w.</param>
    /// <param name="consume">Takes item i, in order, on the calling thread.</param>
    public static void Run<T>(int count, int workers, int window, Func<int, int, T> produce, Action<int, T> consume) =>
        Run(Enumerable.Range(0, count), workers, window, (i, _, w) => produce(i, w), consume);

    /// <summary>
    /// The same over a source whose length is not known in advance (e.g. records still being read): the source is
    /// enumerated in order, by one worker at a time, only as far as the window allows. A source that throws is a
    /// failure of the item it was about to give.
    /// </summary>
    /// <param name="produce">Makes item i from the source's i-th element on worker w.</param>
    public static void Run<TIn, T>(IEnumerable<TIn> source, int workers, int window, Func<int, TIn, int, T> produce, Action<int, T> consume)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        using var inputs = source.GetEnumerator();
        if (workers <= 1)
        {
            for (var i = 0; inputs.MoveNext(); i++) consume(i, produce(i, inputs.Current, 0));
            return;
        }
        var slots = new T[window];
        var ready = new bool[window];
        var gate = new object();
        var sourceGate = new object();
        var claimed = 0;
        var consumed = 0;
        var total = int.MaxValue; // known once the source is exhausted (or has failed)
        var stop = false;
        ExceptionDispatchInfo? failure = null;
        var failedAt = int.MaxValue;

        void Fail(int i, Exception e)
        {
            lock (gate)
            {
                // The first failing item in input order is reported, whatever the timing.
                if (i < failedAt) { failedAt = i; failure = ExceptionDispatchInfo.Capture(e); }
                Monitor.PulseAll(gate);
            }
        }

        void Work(int w)
        {
            while (true)
            {
                int i;
                TIn input;
                // The source is read in order: one worker at a time takes the next element and its index.
                lock (sourceGate)
                {
                    lock (gate)
                    {
                        while (!stop && claimed < total && claimed >= consumed + window) Monitor.Wait(gate);
                        if (stop || claimed >= total) return;
                        i = claimed;
                    }
                    bool more;
                    try
                    {
                        more = inputs.MoveNext();
                    }
                    catch (Exception e)
                    {
                        lock (gate) total = i + 1;
                        Fail(i, e);
                        return;
                    }
                    lock (gate)
                    {
                        if (!more)
                        {
                            total = i;
                            Monitor.PulseAll(gate);
                            return;
                        }
                        claimed = i + 1;
                    }
                    input = inputs.Current;
                }
                T item;
                try
                {
                    item = produce(i, input, w);
                }
                catch (Exception e)
                {
                    Fail(i, e);
                    continue;
                }
                lock (gate)
                {
                    slots[i % window] = item;
                    ready[i % window] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            var index = w;
            threads[w] = new Thread(() => Work(index)) { IsBackground = true, Name = "kg worker " + index };
            threads[w].Start();
        }
        try
        {
            for (var i = 0; ; i++)
            {
                T item;
                lock (gate)
                {
                    while (!ready[i % window] && failedAt != i && i < total) Monitor.Wait(gate);
                    if (failedAt == i) failure!.Throw();
                    if (!ready[i % window]) break; // i == total: everything is consumed
                    item = slots[i % window];
                    slots[i % window] = default!;
                    ready[i % window] = false;
                    consumed = i + 1;
                    Monitor.PulseAll(gate);
                }
                consume(i, item);
            }
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            foreach (var t in threads) t.Join();
        }
    }
}
