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
    public static void Run<T>(int count, int workers, int window, Func<int, int, T> produce, Action<int, T> consume)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (workers <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++) consume(i, produce(i, 0));
            return;
        }
        var slots = new T[window];
        var ready = new bool[window];
        var gate = new object();
        var claimed = 0;
        var consumed = 0;
        var stop = false;
        ExceptionDispatchInfo? failure = null;
        var failedAt = int.MaxValue;

        void Work(int w)
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stop && claimed < count && claimed >= consumed + window) Monitor.Wait(gate);
                    if (stop || claimed >= count) return;
                    i = claimed++;
                }
                T item;
                try
                {
                    item = produce(i, w);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        // The first failing item in input order is reported, whatever the timing.
                        if (i < failedAt) { failedAt = i; failure = ExceptionDispatchInfo.Capture(e); }
                        Monitor.PulseAll(gate);
                    }
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
            for (var i = 0; i < count; i++)
            {
                T item;
                lock (gate)
                {
                    while (!ready[i % window] && failedAt != i) Monitor.Wait(gate);
                    if (failedAt == i) failure!.Throw();
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
