using CsCheck;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Store.Tests.Properties;

/// <summary>
/// Random sequences of writes (single adds and removes, bulk loads, graph clears, compaction, transactions that
/// commit or throw) leave the store agreeing with a plain set of quads: every add/remove reports what the set says,
/// and counts and matches for random patterns are the set's. Snapshots taken along the way keep showing the set as
/// it was then, and a transaction sees its own writes.
/// </summary>
[TestClass]
public sealed class StoreModelProperties
{
    private const int Iterations = 150;

    private abstract record Op;
    private sealed record AddOp(Quad Quad) : Op;
    private sealed record RemoveOp(Quad Quad) : Op;
    private sealed record LoadOp(List<Quad> Quads) : Op;
    private sealed record ClearGraphOp(INode? Graph) : Op;
    private sealed record ClearOp : Op;
    private sealed record CompactOp : Op;
    private sealed record TxnOp(List<Op> Steps, bool Abort) : Op;

    private sealed record Pattern(INode? S, IriNode? P, INode? O, GraphFilter G)
    {
        public bool Matches(Quad q) =>
            (S is null || S.Equals(q.Subject)) && (P is null || P.Equals(q.Predicate)) && (O is null || O.Equals(q.Object))
            && (G.IsAny || Equals(G.Name, q.Graph));

        public override string ToString() => $"{S?.ToString() ?? "?s"} {P?.ToString() ?? "?p"} {O?.ToString() ?? "?o"} {(G.IsAny ? "any graph" : G.Name?.ToString() ?? "default graph")}";
    }

    private static readonly Gen<Quad> Quads = Gen.Int[0, int.MaxValue].Select(seed => RandomQuads.Next(new Random(seed)));

    private static readonly Gen<INode?> Graphs = Gen.OneOf(RandomQuads.Graphs);

    private static readonly Gen<Op> Simple = Gen.Frequency<Op>(
        (8, Quads.Select(q => (Op)new AddOp(q))),
        (5, Quads.Select(q => (Op)new RemoveOp(q))),
        (2, Quads.List[0, 30].Select(qs => (Op)new LoadOp(qs))),
        (1, Graphs.Select(g => (Op)new ClearGraphOp(g))),
        (1, Gen.Const((Op)new CompactOp())));

    private static readonly Gen<Op> Txn = Gen.Select(
        Gen.Frequency<Op>((8, Quads.Select(q => (Op)new AddOp(q))), (6, Quads.Select(q => (Op)new RemoveOp(q))),
            (1, Graphs.Select(g => (Op)new ClearGraphOp(g))), (1, Gen.Const((Op)new ClearOp()))).List[0, 12],
        Gen.Bool, (steps, abort) => (Op)new TxnOp(steps, abort));

    private static readonly Gen<Pattern> Patterns = Gen.Select(
        Gen.Frequency((1, Gen.Const((INode?)null)), (1, Gen.OneOf(RandomQuads.Subjects).Select(n => (INode?)n))),
        Gen.Frequency((1, Gen.Const((IriNode?)null)), (1, Gen.OneOf(RandomQuads.Predicates).Select(n => (IriNode?)n))),
        Gen.Frequency((2, Gen.Const((INode?)null)), (1, Gen.OneOf(RandomQuads.Objects).Select(n => (INode?)n))),
        Gen.Frequency((2, Gen.Const(GraphFilter.Any)), (1, Graphs.Select(GraphFilter.Of))),
        (s, p, o, g) => new Pattern(s, p, o, g));

    private static readonly Gen<List<(Op Op, Pattern[] Checks)>> Sequences =
        Gen.Select(Gen.Frequency((5, Simple), (2, Txn), (1, Gen.Const((Op)new ClearOp()))), Patterns.Array[3]).List[1, 40];

    [TestMethod]
    public void RandomWritesAgreeWithASetOfQuads()
    {
        PropertyRuns.Check(Sequences, steps =>
        {
            var store = new QuadStore();
            var model = new HashSet<Quad>();
            var snapshots = new List<(QuadSnapshot Snapshot, HashSet<Quad> Then)>();
            for (var i = 0; i < steps.Count; i++)
            {
                var (op, checks) = steps[i];
                Apply(store, model, op, i);
                AssertAgrees(store.Snapshot(), model, checks, $"after step {i} ({op})");
                snapshots.Add((store.Snapshot(), [.. model]));
            }
            foreach (var (snapshot, then) in snapshots)
                AssertAgrees(snapshot, then, [new Pattern(null, null, null, GraphFilter.Any)], "an earlier snapshot, read at the end");
        }, Iterations, Show);
    }

    private static void Apply(QuadStore store, HashSet<Quad> model, Op op, int step)
    {
        switch (op)
        {
            case AddOp a:
                Assert.AreEqual(model.Add(a.Quad), store.Add(a.Quad), $"step {step}: Add({a.Quad}) reports whether the quad was new");
                break;
            case RemoveOp r:
                Assert.AreEqual(model.Remove(r.Quad), store.Remove(r.Quad), $"step {step}: Remove({r.Quad}) reports whether the quad was there");
                break;
            case LoadOp l:
                var fresh = l.Quads.Distinct().Count(q => !model.Contains(q));
                model.UnionWith(l.Quads);
                Assert.AreEqual(fresh, store.AddRange(l.Quads), $"step {step}: AddRange counts the new quads");
                break;
            case ClearGraphOp c:
                Assert.AreEqual(model.RemoveWhere(q => Equals(q.Graph, c.Graph)), store.ClearGraph(c.Graph), $"step {step}: ClearGraph counts the removed quads");
                break;
            case ClearOp:
                model.Clear();
                store.Clear();
                break;
            case CompactOp:
                store.Compact();
                break;
            case TxnOp t:
                var inner = new HashSet<Quad>(model);
                var before = store.Snapshot();
                try
                {
                    store.Update(txn =>
                    {
                        foreach (var s in t.Steps) ApplyInTransaction(txn, inner, s, step);
                        if (t.Abort) throw new AbortedForTest();
                    });
                    Assert.IsFalse(t.Abort, "an aborted transaction must throw out of Update");
                    model.Clear();
                    model.UnionWith(inner);
                }
                catch (AbortedForTest)
                {
                    Assert.AreSame(before, store.Snapshot(), $"step {step}: a transaction that threw published nothing");
                }
                break;
        }
    }

    private static void ApplyInTransaction(StoreTransaction txn, HashSet<Quad> model, Op op, int step)
    {
        switch (op)
        {
            case AddOp a: Assert.AreEqual(model.Add(a.Quad), txn.Add(a.Quad), $"step {step}: txn.Add({a.Quad})"); break;
            case RemoveOp r: Assert.AreEqual(model.Remove(r.Quad), txn.Remove(r.Quad), $"step {step}: txn.Remove({r.Quad})"); break;
            case ClearGraphOp c: Assert.AreEqual(model.RemoveWhere(q => Equals(q.Graph, c.Graph)), txn.ClearGraph(c.Graph), $"step {step}: txn.ClearGraph"); break;
            case ClearOp: Assert.AreEqual(model.Count, txn.ClearAll(), $"step {step}: txn.ClearAll"); model.Clear(); break;
        }
        Assert.AreEqual(model.Count, txn.View.QuadCount, $"step {step}: the transaction sees its own writes ({op})");
    }

    private static void AssertAgrees(QuadSnapshot snapshot, HashSet<Quad> model, Pattern[] checks, string when)
    {
        Assert.AreEqual(model.Count, snapshot.QuadCount, $"{when}: QuadCount");
        foreach (var p in checks)
        {
            var expected = model.Where(p.Matches).ToHashSet();
            var matched = snapshot.Match(p.S, p.P, p.O, p.G).ToList();
            Assert.AreEqual(expected.Count, snapshot.Count(p.S, p.P, p.O, p.G), $"{when}: Count({p})");
            Assert.AreEqual(expected.Count, matched.Count, $"{when}: Match({p}) returned {matched.Count} quads (duplicates?)");
            Assert.IsTrue(expected.SetEquals(matched), $"{when}: Match({p}) differs from the model");
        }
    }

    private static string Show(List<(Op Op, Pattern[] Checks)> steps) => string.Join("\n", steps.Select((s, i) => $"{i}: {s.Op}"));

    private sealed class AbortedForTest : Exception;
}
