namespace Graph.Rdf;

/// <summary>A blank node. Its label is only meaningful inside one document or store; readers make labels unique per document.</summary>
public sealed class BlankNode : INode
{
    private static long s_counter;

    public BlankNode(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        Label = label;
    }

    /// <summary>A fresh blank node whose label no other fresh node of this process shares.</summary>
    public static BlankNode Fresh() => new("b" + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Label { get; }

    public NodeKind Kind => NodeKind.BlankNode;

    public bool Equals(INode? other) => other is BlankNode b && string.Equals(Label, b.Label, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is INode n && Equals(n);

    public override int GetHashCode() => string.GetHashCode(Label, StringComparison.Ordinal) ^ 0x5bd1e995;

    public override string ToString() => "_:" + Label;
}
