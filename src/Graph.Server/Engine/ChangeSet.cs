using Graph.Rdf;

namespace Graph.Server.Engine;

/// <summary>One change to the dataset. Graph null means the default graph.</summary>
public readonly record struct Change(ChangeKind Kind, Quad Quad, INode? Graph)
{
    public static Change Add(Quad q) => new(ChangeKind.Add, q, q.Graph);
    public static Change Remove(Quad q) => new(ChangeKind.Remove, q, q.Graph);

    /// <summary>Empties one graph (null: the default graph).</summary>
    public static Change Clear(INode? graph) => new(ChangeKind.ClearGraph, default, graph);

    /// <summary>Empties every graph.</summary>
    public static Change ClearEverything() => new(ChangeKind.ClearAll, default, null);
}

public enum ChangeKind : byte
{
    Add = 1,
    Remove = 2,
    ClearGraph = 3,
    ClearAll = 4,
}

/// <summary>The changes of one request, applied in order, all or nothing: the unit the journal records.</summary>
public sealed class ChangeSet
{
    public List<Change> Changes { get; } = [];

    public int Count => Changes.Count;

    public ChangeSet Add(Change c)
    {
        Changes.Add(c);
        return this;
    }
}
