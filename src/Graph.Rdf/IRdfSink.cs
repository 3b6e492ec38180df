namespace Graph.Rdf;

/// <summary>
/// Where readers push what they parse, so that counting, loading and converting need no intermediate graph.
/// Triples of a triple-only syntax arrive as quads in the default graph.
/// </summary>
public interface IRdfSink
{
    /// <summary>A statement. Called once per triple or quad, in document order.</summary>
    void Quad(in Quad quad);

    /// <summary>A prefix declaration seen in the document (writers may reuse it). Default: ignored.</summary>
    void Prefix(string prefix, string namespaceIri) { }

    /// <summary>A base IRI declaration seen in the document. Default: ignored.</summary>
    void Base(string baseIri) { }
}

/// <summary>A sink that calls a delegate for each quad.</summary>
public sealed class DelegateSink(Action<Quad> onQuad) : IRdfSink
{
    public void Quad(in Quad quad) => onQuad(quad);
}

/// <summary>A sink that collects quads in a list, in arrival order.</summary>
public sealed class ListSink : IRdfSink
{
    public List<Quad> Quads { get; } = [];
    public Dictionary<string, string> Prefixes { get; } = new(StringComparer.Ordinal);

    public void Quad(in Quad quad) => Quads.Add(quad);

    public void Prefix(string prefix, string namespaceIri) => Prefixes[prefix] = namespaceIri;
}

/// <summary>A sink that only counts.</summary>
public sealed class CountingSink : IRdfSink
{
    public long Count { get; private set; }

    public void Quad(in Quad quad) => Count++;
}
