using Graph.Rdf;

namespace Graph.Store.Tests;

/// <summary>Every one of the 16 bound/unbound patterns, against a naive list of quads, in each state the store can be in.</summary>
[TestClass]
public sealed class PatternMatchingTests
{
    private static void AssertAllPatternsAgree(QuadSnapshot snapshot, HashSet<Quad> model, int seed)
    {
        var random = new Random(seed);
        var modelList = model.ToList();
        var encoded = modelList.Select(q => snapshot.TryEncode(q, out var e) ? e : throw new AssertFailedException("model quad missing from dictionary: " + q)).ToList();
        Assert.AreEqual(model.Count, snapshot.QuadCount);
        for (var mask = 0; mask < 16; mask++)
        {
            for (var trial = 0; trial < 25; trial++)
            {
                // Bound values come from an existing quad most of the time, from anywhere in the pools otherwise.
                EncodedQuad probe;
                if (trial % 5 != 4 && encoded.Count > 0) probe = encoded[random.Next(encoded.Count)];
                else
                {
                    var q = RandomQuads.Next(random);
                    snapshot.Terms.TryGetId(q.Subject, out var s);
                    snapshot.Terms.TryGetId(q.Predicate, out var p);
                    snapshot.Terms.TryGetId(q.Object, out var o);
                    var g = IQuadSource.DefaultGraph;
                    if (q.Graph is not null && !snapshot.Terms.TryGetId(q.Graph, out g)) g = 0;
                    if (s == 0 || p == 0 || o == 0 || g == 0) continue;
                    probe = new EncodedQuad(s, p, o, g);
                }
                var ps = (mask & 1) != 0 ? probe.S : 0;
                var pp = (mask & 2) != 0 ? probe.P : 0;
                var po = (mask & 4) != 0 ? probe.O : 0;
                var pg = (mask & 8) != 0 ? probe.G : 0;
                var expected = encoded.Where(e => (ps == 0 || e.S == ps) && (pp == 0 || e.P == pp) && (po == 0 || e.O == po) && (pg == 0 || e.G == pg)).ToList();
                var actual = snapshot.Match(ps, pp, po, pg).ToList();
                var label = $"pattern ({ps},{pp},{po},{pg})";
                Assert.AreEqual(expected.Count, snapshot.Count(ps, pp, po, pg), "count of " + label);
                Assert.AreEqual(expected.Count, actual.Count, "matches of " + label);
                CollectionAssert.AreEquivalent(expected, actual, label);
                var order = snapshot.SortOrderOf(ps, pp, po, pg)!.Value;
                var keys = actual.Select(q => QuadOrders.ToKey(order, q)).ToList();
                for (var i = 1; i < keys.Count; i++)
                    Assert.IsTrue(keys[i - 1] < keys[i], $"{label} is sorted in {order} order without duplicates");
            }
        }
    }

    [TestMethod]
    public void BulkLoadedStoreAnswersEveryPatternLikeANaiveList()
    {
        var quads = RandomQuads.Make(3000, seed: 7);
        var store = new QuadStore();
        store.AddRange(quads);
        AssertAllPatternsAgree(store.Snapshot(), [.. quads], seed: 1);
    }

    [TestMethod]
    public void StoreWithAddsAndRemovesInItsDeltaAnswersEveryPatternLikeANaiveList()
    {
        var quads = RandomQuads.Make(3000, seed: 11);
        var store = new QuadStore();
        store.AddRange(quads.Take(2000));
        var model = new HashSet<Quad>(quads.Take(2000));
        var random = new Random(5);
        for (var batch = 0; batch < 20; batch++)
        {
            store.Update(txn =>
            {
                for (var i = 0; i < 30; i++)
                {
                    if (random.Next(3) == 0)
                    {
                        var victim = model.ElementAt(random.Next(model.Count));
                        Assert.IsTrue(txn.Remove(victim));
                        model.Remove(victim);
                    }
                    else
                    {
                        var q = quads[2000 + random.Next(1000)];
                        Assert.AreEqual(model.Add(q), txn.Add(q));
                    }
                }
            });
        }
        Assert.IsTrue(store.Snapshot().HasDelta, "the test exercises the delta, not only the base");
        AssertAllPatternsAgree(store.Snapshot(), model, seed: 2);
        store.Compact();
        Assert.IsFalse(store.Snapshot().HasDelta);
        AssertAllPatternsAgree(store.Snapshot(), model, seed: 3);
    }

    [TestMethod]
    public void ManySmallCommitsThatOutgrowTheDeltaAreCompactedWithoutLosingQuads()
    {
        var quads = RandomQuads.Make(30000, seed: 13).Distinct().ToList();
        var store = new QuadStore();
        store.AddRange(quads.Take(100));
        var model = new HashSet<Quad>(quads.Take(100));
        foreach (var chunk in quads.Skip(100).Chunk(1500))
        {
            store.Update(txn =>
            {
                foreach (var q in chunk) txn.Add(q);
            });
            model.UnionWith(chunk);
        }
        Assert.AreEqual(model.Count, store.QuadCount);
        AssertAllPatternsAgree(store.Snapshot(), model, seed: 4);
    }

    [TestMethod]
    public void TriplesInOneGraphOnlyAreStillFoundByGraphPatterns()
    {
        // A single-graph store keeps no graph-first orders; bound graph patterns must still be answered.
        var g = new IriNode("http://example.org/only");
        var quads = RandomQuads.Make(1000, seed: 17).Select(q => new Quad(q.Triple, g)).ToList();
        var store = new QuadStore();
        store.AddRange(quads);
        AssertAllPatternsAgree(store.Snapshot(), [.. quads], seed: 5);
        Assert.AreEqual(0, store.Count(null, null, null, GraphFilter.Default));
        Assert.AreEqual(quads.Distinct().Count(), store.Count(null, null, null, GraphFilter.Named(g)));
    }

    [TestMethod]
    public void EmptyStoreMatchesNothing()
    {
        var snapshot = new QuadStore().Snapshot();
        Assert.AreEqual(0, snapshot.Count(0, 0, 0, 0));
        Assert.AreEqual(0, snapshot.Match(0, 0, 0, 0).Count());
        Assert.AreEqual(0, snapshot.Match(2, 0, 0, 1).Count());
        Assert.AreEqual(0, snapshot.NamedGraphs().Count());
    }

    [TestMethod]
    public void AMatchCanBeEnumeratedTwiceAndTheCursorGivesTheSameQuads()
    {
        var store = new QuadStore();
        store.AddRange(RandomQuads.Make(500, seed: 23));
        store.Add(new Quad(RandomQuads.Subjects[0], RandomQuads.Predicates[0], new LiteralNode("delta")));
        var snapshot = store.Snapshot();
        Assert.IsTrue(snapshot.HasDelta);
        snapshot.TryGetId(RandomQuads.Subjects[0], out var s);
        var match = snapshot.Match(s, 0, 0, 0);
        var first = match.ToList();
        CollectionAssert.AreEqual(first, match.ToList());
        var cursor = snapshot.Cursor(s, 0, 0, 0);
        var viaCursor = new List<EncodedQuad>();
        while (cursor.MoveNext()) viaCursor.Add(cursor.Current);
        CollectionAssert.AreEqual(first, viaCursor);
        Assert.AreEqual(first.Count, snapshot.Count(s, 0, 0, 0));
    }
}
