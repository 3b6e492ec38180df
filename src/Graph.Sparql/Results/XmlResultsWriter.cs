using System.Text;
using System.Xml;
using Graph.Rdf;

namespace Graph.Sparql.Results;

/// <summary>SPARQL Query Results XML Format (application/sparql-results+xml), with RDF 1.2 triple terms and its:dir.</summary>
public sealed class XmlResultsWriter : ISparqlResultsWriter
{
    public const string Ns = "http://www.w3.org/2005/sparql-results#";
    public const string ItsNs = "http://www.w3.org/2005/11/its";

    public string MediaType => "application/sparql-results+xml";

    public void WriteBoolean(Stream s, bool value)
    {
        using var w = Open(s);
        w.WriteStartDocument();
        w.WriteStartElement("sparql", Ns);
        w.WriteStartElement("head", Ns);
        w.WriteEndElement();
        w.WriteElementString("boolean", Ns, value ? "true" : "false");
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    public void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows)
    {
        using var w = Open(s);
        w.WriteStartDocument();
        w.WriteStartElement("sparql", Ns);
        w.WriteStartElement("head", Ns);
        foreach (var v in variables)
        {
            w.WriteStartElement("variable", Ns);
            w.WriteAttributeString("name", v);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("results", Ns);
        foreach (var row in rows)
        {
            w.WriteStartElement("result", Ns);
            for (var i = 0; i < variables.Count; i++)
            {
                if (row[i] is not { } term) continue;
                w.WriteStartElement("binding", Ns);
                w.WriteAttributeString("name", variables[i]);
                WriteTerm(w, term);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static XmlWriter Open(Stream s) => XmlWriter.Create(s, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        // The default (Replace) turns a carriage return inside a literal into "\n"; a character reference keeps it.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    });

    private static void WriteTerm(XmlWriter w, INode term)
    {
        switch (term)
        {
            case IriNode iri:
                w.WriteElementString("uri", Ns, iri.Value);
                break;
            case BlankNode b:
                w.WriteElementString("bnode", Ns, b.Label);
                break;
            case LiteralNode l:
                w.WriteStartElement("literal", Ns);
                if (l.Language is not null)
                {
                    w.WriteAttributeString("xml", "lang", null, l.Language);
                    if (l.Direction is not null) w.WriteAttributeString("its", "dir", ItsNs, l.Direction);
                }
                else if (l.Datatype.Value != Vocab.Xsd.String) w.WriteAttributeString("datatype", l.Datatype.Value);
                try
                {
                    w.WriteString(l.Value);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidOperationException("The literal " + l + " holds a character XML 1.0 cannot carry; use the JSON or TSV format.", e);
                }
                w.WriteEndElement();
                break;
            case TripleNode t:
                w.WriteStartElement("triple", Ns);
                w.WriteStartElement("subject", Ns);
                WriteTerm(w, t.Triple.Subject);
                w.WriteEndElement();
                w.WriteStartElement("predicate", Ns);
                WriteTerm(w, t.Triple.Predicate);
                w.WriteEndElement();
                w.WriteStartElement("object", Ns);
                WriteTerm(w, t.Triple.Object);
                w.WriteEndElement();
                w.WriteEndElement();
                break;
            default:
                throw new ArgumentException("Unknown kind of term: " + term.GetType().Name);
        }
    }
}
