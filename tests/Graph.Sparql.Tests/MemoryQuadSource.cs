using Graph.Rdf;
using Graph.Store;

namespace Graph.Sparql.Tests;

/// <summary>A small, unindexed IQuadSource for evaluator tests, independent of the real store.</summary>
internal sealed class MemoryQuadSource : IQuadSource
{
    private readonly Dictionary<INode, int> _ids = [];
    private readonly List<INode> _terms = [null!, null!];
    private readonly HashSet<EncodedQuad> _set = [];
    private readonly List<EncodedQuad> _quads = [];

    public void Add(Quad q)
    {
        var e = new EncodedQuad(Id(q.Subject), Id(q.Predicate), Id(q.Object), q.Graph is null ? IQuadSource.DefaultGraph : Id(q.Graph));
        if (_set.Add(e)) _quads.Add(e);
    }

    private int Id(INode n)
    {
        if (_ids.TryGetValue(n, out var id)) return id;
        _terms.Add(n);
        return _ids[n] = _terms.Count - 1;
    }

    public bool TryGetId(INode node, out int id) => _ids.TryGetValue(node, out id);

    public INode GetTerm(int id) => _terms[id];

    public IEnumerable<EncodedQuad> Match(int s, int p, int o, int g) =>
        _quads.Where(q => (s == 0 || q.S == s) && (p == 0 || q.P == p) && (o == 0 || q.O == o) && (g == 0 || q.G == g));

    public long Count(int s, int p, int o, int g) => Match(s, p, o, g).LongCount();

    public IEnumerable<int> NamedGraphs() => _quads.Select(q => q.G).Where(g => g != IQuadSource.DefaultGraph).Distinct();

    /// <summary>Reads a tiny N-Quads-like text: one statement a line, terms separated by spaces (no spaces inside literals).</summary>
    public static MemoryQuadSource FromLines(string text)
    {
        var src = new MemoryQuadSource();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.TrimEnd('.').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var terms = parts.Select(Parse).ToArray();
            src.Add(new Quad(terms[0], (IriNode)terms[1], terms[2], terms.Length > 3 ? terms[3] : null));
        }
        return src;
    }

    private static INode Parse(string t)
    {
        if (t.StartsWith('<')) return new IriNode(t[1..^1]);
        if (t.StartsWith("_:", StringComparison.Ordinal)) return new BlankNode(t[2..]);
        if (t.StartsWith('"'))
        {
            var end = t.LastIndexOf('"');
            var value = t[1..end].Replace('_', ' ');
            var rest = t[(end + 1)..];
            if (rest.StartsWith('@')) return LiteralNode.LangString(value, rest[1..]);
            if (rest.StartsWith("^^<", StringComparison.Ordinal)) return LiteralNode.Typed(value, rest[3..^1]);
            return new LiteralNode(value);
        }
        return LiteralNode.Typed(t, Vocab.Xsd.Integer);
    }
}
