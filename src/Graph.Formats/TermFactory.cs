using System.Runtime.CompilerServices;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Makes terms for one parse: repeated IRIs (predicates, types, datatypes, hub resources) come from a small
/// direct-mapped cache instead of being allocated again, and blank node labels get a per-document prefix so two
/// documents never share a blank node.
/// </summary>
/// <remarks>
/// The caches are fixed-size arrays, not growing dictionaries: memory stays constant on endless input, and the
/// garbage collector is not made to trace an ever-growing table of old objects while the parse streams.
/// </remarks>
internal sealed class TermFactory
{
    private const int CacheSize = 1 << 13;

    private static long s_documents;

    private readonly IriNode?[] _iris = new IriNode?[CacheSize];
    private readonly BlankNode?[] _blanks = new BlankNode?[CacheSize];
    private readonly string?[] _blankKeys = new string?[CacheSize];
    private readonly string _labelPrefix;
    private readonly string _freshPrefix;
    private readonly bool _preserve;
    private long _fresh;

    public TermFactory(bool preserveLabels)
    {
        _preserve = preserveLabels;
        var doc = Interlocked.Increment(ref s_documents).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Labels written in the document become "b<doc>_<label>", generated ones "b<doc>.<n>": the digits of <doc>
        // end at the first '_' or '.', so labels of different documents and generated labels never collide.
        _labelPrefix = "b" + doc + "_";
        _freshPrefix = "b" + doc + ".";
        foreach (var n in new[]
        {
            Vocab.Rdf.TypeNode, Vocab.Rdf.FirstNode, Vocab.Rdf.RestNode, Vocab.Rdf.NilNode, Vocab.Rdf.ReifiesNode,
            Vocab.Xsd.StringNode, Vocab.Xsd.IntegerNode, Vocab.Xsd.DecimalNode, Vocab.Xsd.DoubleNode, Vocab.Xsd.BooleanNode,
        })
            _iris[Slot(n.Value)] = n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Slot(ReadOnlySpan<char> s)
    {
        // Cheap and good enough for a cache: length and the last characters, where IRIs differ most.
        uint h = (uint)s.Length * 0x9E3779B1u;
        var from = Math.Max(0, s.Length - 12);
        for (var i = from; i < s.Length; i++) h = (h ^ s[i]) * 0x01000193u;
        if (s.Length > 12) h = (h ^ s[s.Length / 2]) * 0x01000193u;
        return (int)(h >> 19) & (CacheSize - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IriNode Iri(ReadOnlySpan<char> iri)
    {
        var slot = Slot(iri);
        var node = _iris[slot];
        if (node is not null && iri.SequenceEqual(node.Value)) return node;
        node = new IriNode(iri.ToString());
        _iris[slot] = node;
        return node;
    }

    public IriNode Iri(string iri) => Iri(iri.AsSpan());

    /// <summary>The blank node written as _:<paramref name="label"/> in this document.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BlankNode Blank(ReadOnlySpan<char> label)
    {
        var slot = Slot(label);
        var key = _blankKeys[slot];
        if (key is not null && label.SequenceEqual(key)) return _blanks[slot]!;
        var node = new BlankNode(_preserve ? PreservedLabel(label) : string.Concat(_labelPrefix, label));
        _blankKeys[slot] = label.ToString();
        _blanks[slot] = node;
        return node;
    }

    // Kept labels never start with "genid" followed by a digit (those get "genid_" in front), which is the
    // shape of generated ones: the two can never collide.
    private static string PreservedLabel(ReadOnlySpan<char> label) =>
        label.StartsWith("genid", StringComparison.Ordinal) ? string.Concat("genid_", label) : label.ToString();

    /// <summary>A blank node no label of this document (or, by default, of any document) can name.</summary>
    public BlankNode FreshBlank() => new((_preserve ? "genid" : _freshPrefix) + (++_fresh).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
