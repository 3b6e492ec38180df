using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>Terms written as SPARQL query text, for the VALUES blocks of bind joins.</summary>
public static class SparqlTermText
{
    /// <summary>The term as a SPARQL DataBlockValue, or null when SPARQL 1.1 cannot say it (blank nodes, triple terms).</summary>
    public static string? Write(INode node) => node switch
    {
        // N-Triples spelling is valid SPARQL: the same IRIREF and STRING_LITERAL_QUOTE rules, and \u escapes.
        IriNode or LiteralNode => node.ToString(),
        _ => null,
    };
}
