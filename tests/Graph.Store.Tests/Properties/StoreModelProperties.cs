using CsCheck;
using Graph.Rdf;
using Graph.TestSupport;

namespace Graph.Store.Tests.Properties;

/// <summary>
/// Random sequences of writes (single adds and removes, bulk loads, graph clears, creates and drops, compaction,
/// transactions that commit or throw) leave the store agreeing with a plain set of quads and a set of existing named
/// graphs: every add/remove/create/drop reports what the sets say, counts and matches for random patterns are the
/// set's, and the named graphs are the model's (a graph exists once created or given a quad, until dropped).
/// Snapshots taken along the way keep showing the sets as they were then, and a transaction sees its own writes.
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
    private sealed record CreateGraphOp(INode Graph) : Op;
    private sealed record DropGraphOp(INode Graph) : Op;
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

    private static readonly Gen<INode> NamedGraphs = Gen.OneOf(RandomQuads.Graphs.OfType<INode>().ToArray());

    private static readonly Gen<Op> Simple = Gen.Frequency<Op>(
        (8, Quads.Select(q => (Op)new AddOp(q))),
        (5, Quads.Select(q => (Op)new RemoveOp(q))),
        (2, Quads.List[0, 30].Select(qs => (Op)new LoadOp(qs))),
        (1, Graphs.Select(g => (Op)new ClearGraphOp(g))),
        (1, NamedGraphs.Select(g => (Op)new CreateGraphOp(g))),
        (1, NamedGraphs.Select(g => (Op)new DropGraphOp(g))),
        (1, Gen.Const((Op)new CompactOp())));

    private static readonly Gen<Op> Txn = Gen.Select(
        Gen.Frequency<Op>((8, Quads.Select(q => (Op)new AddOp(q))), (6, Quads.Select(q => (Op)new RemoveOp(q))),
            (1, Graphs.Select(g => (Op)new ClearGraphOp(g))), (1, Gen.Const((Op)new ClearOp())),
            (1, NamedGraphs.Select(g => (Op)new CreateGraphOp(g))), (1, NamedGraphs.Select(g => (Op)new DropGraphOp(g)))).List[0, 12],
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
            var model = new Model();
            var snapshots = new List<(QuadSnapshot Snapshot, Model Then)>();
            for (var i = 0; i < steps.Count; i++)
            {
                var (op, checks) = steps[i];
                Apply(store, model, op, i);
                AssertAgrees(store.Snapshot(), model, checks, $"after step {i} ({op})");
                snapshots.Add((store.Snapshot(), model.Copy()));
            }
            foreach (var (snapshot, then) in snapshots)
                AssertAgrees(snapshot, then, [new Pattern(null, null, null, GraphFilter.Any)], "an earlier snapshot, read at the end");
        }, Iterations, Show);
    }

    /// <summary>The reference: a set of quads and the set of named graphs that exist.</summary>
    private sealed class Model
    {
        public HashSet<Quad> Quads { get; } = [];
        public HashSet<INode> Graphs { get; } = [];

        public bool Add(Quad q)
        {
            if (q.Graph is { } g) Graphs.Add(g);
            return Quads.Add(q);
        }

        public Model Copy()
        {
            var m = new Model();
            m.Quads.UnionWith(Quads);
            m.Graphs.UnionWith(Graphs);
            return m;
        }

        public void Set(Model other)
        {
            Quads.Clear();
            Quads.UnionWith(other.Quads);
            Graphs.Clear();
            Graphs.UnionWith(other.Graphs);
        }
    }

    private static void Apply(QuadStore store, Model model, Op op, int step)
    {
        switch (op)
        {
            case AddOp a:
                Assert.AreEqual(model.Add(a.Quad), store.Add(a.Quad), $"step {step}: Add({a.Quad}) reports whether the quad was new");
                break;
            case RemoveOp r:
                Assert.AreEqual(model.Quads.Remove(r.Quad), store.Remove(r.Quad), $"step {step}: Remove({r.Quad}) reports whether the quad was there");
                break;
            case LoadOp l:
                var fresh = l.Quads.Distinct().Count(q => !model.Quads.Contains(q));
                foreach (var q in l.Quads) model.Add(q);
                Assert.AreEqual(fresh, store.AddRange(l.Quads), $"step {step}: AddRange counts the new quads");
                break;
            case ClearGraphOp c:
                Assert.AreEqual(model.Quads.RemoveWhere(q => Equals(q.Graph, c.Graph)), store.ClearGraph(c.Graph), $"step {step}: ClearGraph counts the removed quads");
                break;
            case CreateGraphOp c:
                Assert.AreEqual(model.Graphs.Add(c.Graph), store.CreateGraph(c.Graph), $"step {step}: CreateGraph({c.Graph}) reports whether the graph was new");
                break;
            case DropGraphOp d:
                model.Quads.RemoveWhere(q => Equals(q.Graph, d.Graph));
                Assert.AreEqual(model.Graphs.Remove(d.Graph), store.DropGraph(d.Graph), $"step {step}: DropGraph({d.Graph}) reports whether the graph existed");
                break;
            case ClearOp:
                model.Quads.Clear();
                model.Graphs.Clear();
                store.Clear();
                break;
            case CompactOp:
                store.Compact();
                break;
            case TxnOp t:
                var inner = model.Copy();
                var before = store.Snapshot();
                try
                {
                    store.Update(txn =>
                    {
                        foreach (var s in t.Steps) ApplyInTransaction(txn, inner, s, step);
                        if (t.Abort) throw new AbortedForTest();
                    });
                    Assert.IsFalse(t.Abort, "an aborted transaction must throw out of Update");
                    model.Set(inner);
                }
                catch (AbortedForTest)
                {
                    Assert.AreSame(before, store.Snapshot(), $"step {step}: a transaction that threw published nothing");
                }
                break;
        }
    }

    private static void ApplyInTransaction(StoreTransaction txn, Model model, Op op, int step)
    {
        switch (op)
        {
            case AddOp a: Assert.AreEqual(model.Add(a.Quad), txn.Add(a.Quad), $"step {step}: txn.Add({a.Quad})"); break;
            case RemoveOp r: Assert.AreEqual(model.Quads.Remove(r.Quad), txn.Remove(r.Quad), $"step {step}: txn.Remove({r.Quad})"); break;
            case ClearGraphOp c: Assert.AreEqual(model.Quads.RemoveWhere(q => Equals(q.Graph, c.Graph)), txn.ClearGraph(c.Graph), $"step {step}: txn.ClearGraph"); break;
            case ClearOp: Assert.AreEqual(model.Quads.Count, txn.ClearAll(), $"step {step}: txn.ClearAll"); model.Quads.Clear(); break;
            case CreateGraphOp c: Assert.AreEqual(model.Graphs.Add(c.Graph), txn.CreateGraph(c.Graph), $"step {step}: txn.CreateGraph({c.Graph})"); break;
            case DropGraphOp d:
                model.Quads.RemoveWhere(q => Equals(q.Graph, d.Graph));
                Assert.AreEqual(model.Graphs.Remove(d.Graph), txn.DropGraph(d.Graph), $"step {step}: txn.DropGraph({d.Graph})");
                break;
        }
        Assert.AreEqual(model.Quads.Count, txn.View.QuadCount, $"step {step}: the transaction sees its own writes ({op})");
        Assert.IsTrue(model.Graphs.SetEquals(txn.View.NamedGraphTerms()), $"step {step}: the transaction sees its own graphs ({op})");
    }

    private static void AssertAgrees(QuadSnapshot snapshot, Model model, Pattern[] checks, string when)
    {
        Assert.AreEqual(model.Quads.Count, snapshot.QuadCount, $"{when}: QuadCount");
        var graphs = snapshot.NamedGraphTerms();
        Assert.IsTrue(model.Graphs.SetEquals(graphs) && graphs.Count == model.Graphs.Count,
            $"{when}: named graphs {string.Join(" ", graphs)}, expected {string.Join(" ", model.Graphs)}");
        foreach (var g in RandomQuads.Graphs.OfType<INode>())
            Assert.AreEqual(model.Graphs.Contains(g), snapshot.GraphExists(g), $"{when}: GraphExists({g})");
        foreach (var p in checks)
        {
            var expected = model.Quads.Where(p.Matches).ToHashSet();
            var matched = snapshot.Match(p.S, p.P, p.O, p.G).ToList();
            Assert.AreEqual(expected.Count, snapshot.Count(p.S, p.P, p.O, p.G), $"{when}: Count({p})");
            Assert.AreEqual(expected.Count, matched.Count, $"{when}: Match({p}) returned {matched.Count} quads (duplicates?)");
            Assert.IsTrue(expected.SetEquals(matched), $"{when}: Match({p}) differs from the model");
        }
    }

    private static string Show(List<(Op Op, Pattern[] Checks)> steps) => string.Join("\n", steps.Select((s, i) => $"{i}: {s.Op}"));

    private sealed class AbortedForTest : Exception;
}
