using Graph.Rdf;

namespace Graph.Server.Formats;

/// <summary>Term spellings shared by the fallback writers.</summary>
internal static class TermText
{
    /// <summary>N-Triples spelling; valid in Turtle, TriG and SPARQL TSV too.</summary>
    public static string NTriples(INode node) => node.ToString()!;

    /// <summary>SPARQL 1.1 CSV spelling: IRIs bare, literals by lexical form, blank nodes as _:label.</summary>
    public static string Csv(INode node) => node switch
    {
        IriNode i => i.Value,
        LiteralNode l => l.Value,
        BlankNode b => "_:" + b.Label,
        _ => node.ToString()!,
    };
}
