using Graph.News;

namespace Graph.Cli.Tests;

[TestClass]
public sealed class ArticleFeedTests
{
    private static Article A(string id) => new() { Id = id, Text = "نص", Published = new DateOnly(2023, 6, 20) };

    [TestMethod]
    public void RepeatedIdsAreNumberedInInputOrderWhileTheGroupsAreTakenOnAnotherThread()
    {
        var feed = new ArticleFeed(capacity: 3);
        var reader = new Thread(() =>
        {
            foreach (var id in new[] { "x", "y", "x", "z", "x", "y", "w" }) feed.Add(A(id));
            feed.Complete();
        });
        reader.Start();
        var groups = feed.Groups(2).Select(g => g.Select(a => a.Id).ToArray()).ToList();
        reader.Join();
        CollectionAssert.AreEqual(new[] { "x", "y" }, groups[0]);
        CollectionAssert.AreEqual(new[] { "x-2", "z" }, groups[1]);
        CollectionAssert.AreEqual(new[] { "x-3", "y-2" }, groups[2]);
        CollectionAssert.AreEqual(new[] { "w" }, groups[3]);
        Assert.HasCount(4, groups);
        CollectionAssert.AreEqual(new[]
        {
            "article id 'x' repeats; this one is 'x-2'",
            "article id 'x' repeats; this one is 'x-3'",
            "article id 'y' repeats; this one is 'y-2'",
        }, feed.IdWarnings.ToArray());
        Assert.AreEqual(7, feed.Count);
    }

    [TestMethod]
    public void WhatEndedReadingIsThrownAfterTheArticlesReadBeforeIt()
    {
        var feed = new ArticleFeed();
        feed.Add(A("a"));
        feed.Complete(new IOException("disk gone"));
        using var groups = feed.Groups(4).GetEnumerator();
        Assert.IsTrue(groups.MoveNext());
        Assert.AreEqual("a", groups.Current.Single().Id);
        Assert.AreEqual("disk gone", Assert.ThrowsExactly<IOException>(() => groups.MoveNext()).Message);
    }

    [TestMethod]
    public void ACancelledFeedStopsAReaderWaitingForRoom()
    {
        var feed = new ArticleFeed(capacity: 1);
        feed.Add(A("a"));
        Exception? seen = null;
        var reader = new Thread(() =>
        {
            try { feed.Add(A("b")); }
            catch (OperationCanceledException e) { seen = e; }
        });
        reader.Start();
        feed.Cancel();
        reader.Join();
        Assert.IsInstanceOfType<OperationCanceledException>(seen);
    }
}
