using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>
/// A SPARQL results serialisation. Writers stream: rows are written as they are enumerated (the table writer
/// is the exception, as it must measure every row first). The stream is flushed and left open.
/// </summary>
public interface ISparqlResultsWriter
{
    string MediaType { get; }

    void WriteBoolean(Stream s, bool value);

    void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows);
}
