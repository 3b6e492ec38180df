using System.Globalization;
using Graph.Rdf;

namespace Graph.Formats.RdfXml;

/// <summary>
/// Blank node labels for one document. Kept labels (rdf:nodeID as written) are used when asked; otherwise every
/// label gets a per-document prefix so that documents loaded together never share a blank node.
/// </summary>
internal sealed class BlankNodeLabels(bool preserve)
{
    private static long s_documents;
    private readonly Dictionary<string, BlankNode> _named = new(StringComparer.Ordinal);
    private readonly string _prefix = "x" + Interlocked.Increment(ref s_documents).ToString(CultureInfo.InvariantCulture);
    private long _fresh;

    public BlankNode Fresh() =>
        new((preserve ? "genid" : _prefix + ".") + (_fresh++).ToString(CultureInfo.InvariantCulture));

    public BlankNode Named(string label)
    {
        if (_named.TryGetValue(label, out var node)) return node;
        // "genid<digits>" is the shape of generated labels; a written label of that shape is moved aside.
        var kept = label.StartsWith("genid", StringComparison.Ordinal) ? "genid_" + label : label;
        node = new BlankNode(preserve ? kept : _prefix + "_" + label);
        _named[label] = node;
        return node;
    }
}
