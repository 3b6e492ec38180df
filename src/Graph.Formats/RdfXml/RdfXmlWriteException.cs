namespace Graph.Formats.RdfXml;

/// <summary>Data RDF/XML cannot express: a named graph, a predicate that is no QName, a base direction, a non-XML character.</summary>
public sealed class RdfXmlWriteException(string message) : Exception(message);
