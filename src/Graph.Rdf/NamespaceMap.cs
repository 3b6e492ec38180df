namespace Graph.Rdf;

/// <summary>Prefix ↔ namespace IRI, in the order they were added (writers emit them sorted by prefix).</summary>
public sealed class NamespaceMap
{
    private readonly Dictionary<string, string> _byPrefix = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Prefixes => _byPrefix;

    public void Add(string prefix, string namespaceIri) => _byPrefix[prefix] = namespaceIri;

    public bool TryGetNamespace(string prefix, out string namespaceIri) => _byPrefix.TryGetValue(prefix, out namespaceIri!);

    /// <summary>The longest namespace that is a prefix of <paramref name="iri"/>, with its prefix; null when none.</summary>
    public (string Prefix, string Namespace)? FindLongest(string iri)
    {
        (string, string)? best = null;
        foreach (var (p, ns) in _byPrefix)
            if (iri.StartsWith(ns, StringComparison.Ordinal) && (best is null || ns.Length > best.Value.Item2.Length || ns.Length == best.Value.Item2.Length && string.CompareOrdinal(p, best.Value.Item1) < 0))
                best = (p, ns);
        return best;
    }
}
