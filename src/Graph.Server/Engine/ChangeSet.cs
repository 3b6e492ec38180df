using Graph.Rdf;
using Graph.Store;

namespace Graph.Server.Engine;

/// <summary>One change to the dataset. Graph null means the default graph.</summary>
public readonly record struct Change(ChangeKind Kind, Quad Quad, INode? Graph)
{
    public static Change Add(Quad q) => new(ChangeKind.Add, q, q.Graph);
    public static Change Remove(Quad q) => new(ChangeKind.Remove, q, q.Graph);

    /// <summary>Empties one graph (null: the default graph); a named graph stays, empty.</summary>
    public static Change Clear(INode? graph) => new(ChangeKind.ClearGraph, default, graph);

    /// <summary>Empties every graph; named graphs stay, empty.</summary>
    public static Change ClearEverything() => new(ChangeKind.ClearAll, default, null);

    /// <summary>Makes an empty named graph exist (nothing if it exists already).</summary>
    public static Change CreateGraph(INode graph) => new(ChangeKind.CreateGraph, default, graph ?? throw new ArgumentNullException(nameof(graph)));

    /// <summary>Removes a named graph with its quads (nothing if it does not exist).</summary>
    public static Change DropGraph(INode graph) => new(ChangeKind.DropGraph, default, graph ?? throw new ArgumentNullException(nameof(graph)));
}

public enum ChangeKind : byte
{
    Add = 1,
    Remove = 2,
    ClearGraph = 3,
    ClearAll = 4,
    CreateGraph = 5,
    DropGraph = 6,
}

/// <summary>The changes of one request, applied in order, all or nothing: the unit the journal records.</summary>
public sealed class ChangeSet
{
    public List<Change> Changes { get; } = [];

    public int Count => Changes.Count;

    /// <summary>
    /// Recorded before the store kept empty graphs (a version 1 journal record): then a named graph left without
    /// quads ceased to exist, so replaying it drops the graphs it leaves empty.
    /// </summary>
    public bool LeavesNoEmptyGraphs { get; init; }

    public ChangeSet Add(Change c)
    {
        Changes.Add(c);
        return this;
    }

    /// <summary>The steps that redo a transaction's net change (see <see cref="NetChange"/>), in its order.</summary>
    public static ChangeSet From(NetChange net)
    {
        var set = new ChangeSet();
        if (net.ClearsAll) set.Add(Change.ClearEverything());
        foreach (var q in net.Removed) set.Add(Change.Remove(q));
        foreach (var q in net.Added) set.Add(Change.Add(q));
        foreach (var g in net.CreatedGraphs) set.Add(Change.CreateGraph(g));
        foreach (var g in net.DroppedGraphs) set.Add(Change.DropGraph(g));
        return set;
    }

    /// <summary>Applies the changes inside a store transaction.</summary>
    public void ApplyTo(StoreTransaction txn)
    {
        foreach (var c in Changes)
        {
            switch (c.Kind)
            {
                case ChangeKind.Add: txn.Add(c.Quad); break;
                case ChangeKind.Remove: txn.Remove(c.Quad); break;
                case ChangeKind.ClearGraph: txn.ClearGraph(c.Graph); break;
                case ChangeKind.ClearAll: txn.ClearAll(); break;
                case ChangeKind.CreateGraph: txn.CreateGraph(c.Graph!); break;
                case ChangeKind.DropGraph: txn.DropGraph(c.Graph!); break;
                default: throw new InvalidOperationException("unknown change kind " + c.Kind);
            }
        }
        if (!LeavesNoEmptyGraphs) return;
        foreach (var g in txn.View.EmptyGraphTerms()) txn.DropGraph(g);
    }
}
