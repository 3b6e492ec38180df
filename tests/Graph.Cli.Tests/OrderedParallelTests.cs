namespace Graph.Cli.Tests;

[TestClass]
public sealed class OrderedParallelTests
{
    [TestMethod]
    public void ItemsMadeOnSeveralThreadsAreConsumedInInputOrder()
    {
        var consumed = new List<int>();
        var workersSeen = new HashSet<int>();
        OrderedParallel.Run(500, 4, 8, (i, w) =>
        {
            lock (workersSeen) workersSeen.Add(w);
            // Uneven work, so items finish out of order.
            Thread.SpinWait((i * 7919) % 5000);
            return i * 2;
        }, (i, item) =>
        {
            Assert.AreEqual(i * 2, item);
            consumed.Add(i);
        });
        CollectionAssert.AreEqual(Enumerable.Range(0, 500).ToList(), consumed);
        Assert.IsTrue(workersSeen.All(w => w is >= 0 and < 4), "worker indexes stay below the worker count");
    }

    [TestMethod]
    public void NoMoreThanTheWindowIsMadeAheadOfTheConsumer()
    {
        var made = 0;
        var consumedCount = 0;
        var worstLead = 0;
        OrderedParallel.Run(300, 3, 5, (i, _) =>
        {
            var lead = Interlocked.Increment(ref made) - Volatile.Read(ref consumedCount);
            lock (this) worstLead = Math.Max(worstLead, lead);
            return i;
        }, (_, _) => Interlocked.Increment(ref consumedCount));
        // The item being handed to the consumer has left the window before the consumer's callback counts it.
        Assert.IsLessThanOrEqualTo(5 + 1, worstLead);
    }

    [TestMethod]
    public void TheFirstFailureInInputOrderIsThrownAfterTheItemsBeforeIt()
    {
        var consumed = new List<int>();
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => OrderedParallel.Run(200, 2, 16, (i, _) =>
            i is 70 or 150 ? throw new InvalidOperationException("item " + i) : i, (i, _) => consumed.Add(i)));
        Assert.AreEqual("item 70", e.Message);
        CollectionAssert.AreEqual(Enumerable.Range(0, 70).ToList(), consumed);
    }

    [TestMethod]
    public void OneWorkerRunsEverythingOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        var consumed = new List<int>();
        OrderedParallel.Run(10, 1, 4, (i, _) => { threads.Add(Environment.CurrentManagedThreadId); return i; }, (i, _) => consumed.Add(i));
        CollectionAssert.AreEqual(new[] { caller }, threads.ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToList(), consumed);
    }

    [TestMethod]
    public void ASourceOfUnknownLengthIsConsumedInOrderToItsEnd()
    {
        static IEnumerable<int> Slow()
        {
            for (var i = 0; i < 300; i++)
            {
                if (i % 50 == 0) Thread.Sleep(1);
                yield return i * 3;
            }
        }
        var consumed = new List<int>();
        OrderedParallel.Run(Slow(), 3, 7, (i, x, _) => (i, x), (i, item) =>
        {
            Assert.AreEqual(i, item.i);
            consumed.Add(item.x);
        });
        CollectionAssert.AreEqual(Enumerable.Range(0, 300).Select(i => i * 3).ToList(), consumed);
    }

    [TestMethod]
    public void ASourceThatFailsIsThrownAfterTheItemsItGaveBeforeFailing()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 40; i++) yield return i;
            throw new IOException("read error");
        }
        var consumed = new List<int>();
        var e = Assert.ThrowsExactly<IOException>(() => OrderedParallel.Run(Failing(), 2, 8, (_, x, _) => x, (_, x) => consumed.Add(x)));
        Assert.AreEqual("read error", e.Message);
        CollectionAssert.AreEqual(Enumerable.Range(0, 40).ToList(), consumed);
    }

    [TestMethod]
    public void AnEmptySourceConsumesNothing()
    {
        var consumed = 0;
        OrderedParallel.Run(Enumerable.Empty<int>(), 2, 4, (_, x, _) => x, (_, _) => consumed++);
        Assert.AreEqual(0, consumed);
    }
}
