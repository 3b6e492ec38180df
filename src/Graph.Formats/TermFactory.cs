using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Makes terms for one parse: interns IRIs so a repeated IRI costs a lookup rather than an allocation, and gives
/// blank node labels a per-document prefix so two documents never share a blank node.
/// </summary>
internal sealed class TermFactory
{
    // Bounded so a reader of an endless N-Triples stream keeps constant memory: the cache is dropped when full.
    private const int MaxCached = 1 << 18;

    private static long s_documents;

    private readonly Dictionary<string, IriNode> _iris = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IriNode>.AlternateLookup<ReadOnlySpan<char>> _irisBySpan;
    private readonly Dictionary<string, BlankNode> _blanks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlankNode>.AlternateLookup<ReadOnlySpan<char>> _blanksBySpan;
    private readonly string _labelPrefix;
    private readonly string _freshPrefix;
    private readonly bool _preserve;
    private long _fresh;

    public TermFactory(bool preserveLabels)
    {
        _preserve = preserveLabels;
        _irisBySpan = _iris.GetAlternateLookup<ReadOnlySpan<char>>();
        _blanksBySpan = _blanks.GetAlternateLookup<ReadOnlySpan<char>>();
        var doc = Interlocked.Increment(ref s_documents).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Labels written in the document become "b<doc>_<label>", generated ones "b<doc>.<n>": the digits of <doc>
        // end at the first '_' or '.', so labels of different documents and generated labels never collide.
        _labelPrefix = "b" + doc + "_";
        _freshPrefix = "b" + doc + ".";
        Preload(Vocab.Rdf.TypeNode);
        Preload(Vocab.Rdf.FirstNode);
        Preload(Vocab.Rdf.RestNode);
        Preload(Vocab.Rdf.NilNode);
        Preload(Vocab.Rdf.ReifiesNode);
        Preload(Vocab.Xsd.StringNode);
        Preload(Vocab.Xsd.IntegerNode);
        Preload(Vocab.Xsd.DecimalNode);
        Preload(Vocab.Xsd.DoubleNode);
        Preload(Vocab.Xsd.BooleanNode);
    }

    private void Preload(IriNode n) => _iris[n.Value] = n;

    public IriNode Iri(ReadOnlySpan<char> iri)
    {
        if (_irisBySpan.TryGetValue(iri, out var node)) return node;
        if (_iris.Count >= MaxCached) _iris.Clear();
        node = new IriNode(iri.ToString());
        _iris[node.Value] = node;
        return node;
    }

    public IriNode Iri(string iri)
    {
        if (_iris.TryGetValue(iri, out var node)) return node;
        if (_iris.Count >= MaxCached) _iris.Clear();
        node = new IriNode(iri);
        _iris[iri] = node;
        return node;
    }

    /// <summary>The blank node written as _:<paramref name="label"/> in this document.</summary>
    public BlankNode Blank(ReadOnlySpan<char> label)
    {
        if (_blanksBySpan.TryGetValue(label, out var node)) return node;
        if (_blanks.Count >= MaxCached) _blanks.Clear();
        node = new BlankNode(_preserve ? PreservedLabel(label) : string.Concat(_labelPrefix, label));
        _blanks[label.ToString()] = node;
        return node;
    }

    // Kept labels never start with "genid" followed by a digit (those get "genid_" in front), which is the
    // shape of generated ones: the two can never collide.
    private static string PreservedLabel(ReadOnlySpan<char> label) =>
        label.StartsWith("genid", StringComparison.Ordinal) ? string.Concat("genid_", label) : label.ToString();

    /// <summary>A blank node no label of this document (or, by default, of any document) can name.</summary>
    public BlankNode FreshBlank() => new((_preserve ? "genid" : _freshPrefix) + (++_fresh).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
