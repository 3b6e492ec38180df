using System.Text;
using Graph.Rdf;
using Newtonsoft.Json;

namespace Graph.Sparql.Results;

/// <summary>SPARQL 1.1 Query Results JSON (application/sparql-results+json), with RDF 1.2 triple terms and "its:dir".</summary>
public sealed class JsonResultsWriter : ISparqlResultsWriter
{
    public string MediaType => "application/sparql-results+json";

    public void WriteBoolean(Stream s, bool value)
    {
        using var jw = Open(s);
        jw.WriteStartObject();
        jw.WritePropertyName("head");
        jw.WriteStartObject();
        jw.WriteEndObject();
        jw.WritePropertyName("boolean");
        jw.WriteValue(value);
        jw.WriteEndObject();
        jw.WriteWhitespace("\n");
    }

    public void WriteSolutions(Stream s, IReadOnlyList<string> variables, IEnumerable<INode?[]> rows)
    {
        using var jw = Open(s);
        jw.WriteStartObject();
        jw.WritePropertyName("head");
        jw.WriteStartObject();
        jw.WritePropertyName("vars");
        jw.WriteStartArray();
        foreach (var v in variables) jw.WriteValue(v);
        jw.WriteEndArray();
        jw.WriteEndObject();
        jw.WritePropertyName("results");
        jw.WriteStartObject();
        jw.WritePropertyName("bindings");
        jw.WriteStartArray();
        foreach (var row in rows)
        {
            // One solution per line keeps large outputs readable and diffable without indenting every term.
            jw.WriteWhitespace("\n");
            jw.WriteStartObject();
            for (var i = 0; i < variables.Count; i++)
            {
                if (row[i] is not { } term) continue;
                jw.WritePropertyName(variables[i]);
                WriteTerm(jw, term);
            }
            jw.WriteEndObject();
        }
        jw.WriteWhitespace("\n");
        jw.WriteEndArray();
        jw.WriteEndObject();
        jw.WriteEndObject();
        jw.WriteWhitespace("\n");
    }

    private static JsonTextWriter Open(Stream s) =>
        new(new StreamWriter(s, new UTF8Encoding(false), 65536, leaveOpen: true)) { Formatting = Formatting.None, CloseOutput = true };

    private static void Property(JsonTextWriter jw, string name, string value)
    {
        jw.WritePropertyName(name);
        jw.WriteValue(value);
    }

    private static void WriteTerm(JsonTextWriter jw, INode term)
    {
        jw.WriteStartObject();
        switch (term)
        {
            case IriNode iri:
                Property(jw, "type", "uri");
                Property(jw, "value", iri.Value);
                break;
            case BlankNode b:
                Property(jw, "type", "bnode");
                Property(jw, "value", b.Label);
                break;
            case LiteralNode l:
                Property(jw, "type", "literal");
                Property(jw, "value", l.Value);
                if (l.Language is not null)
                {
                    Property(jw, "xml:lang", l.Language);
                    if (l.Direction is not null)
                    {
                        Property(jw, "its:dir", l.Direction);
                    }
                }
                else if (l.Datatype.Value != Vocab.Xsd.String)
                {
                    Property(jw, "datatype", l.Datatype.Value);
                }
                break;
            case TripleNode t:
                Property(jw, "type", "triple");
                jw.WritePropertyName("value");
                jw.WriteStartObject();
                jw.WritePropertyName("subject");
                WriteTerm(jw, t.Triple.Subject);
                jw.WritePropertyName("predicate");
                WriteTerm(jw, t.Triple.Predicate);
                jw.WritePropertyName("object");
                WriteTerm(jw, t.Triple.Object);
                jw.WriteEndObject();
                break;
            default:
                throw new ArgumentException("Unknown kind of term: " + term.GetType().Name);
        }
        jw.WriteEndObject();
    }
}
