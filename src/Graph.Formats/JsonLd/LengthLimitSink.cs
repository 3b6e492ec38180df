using Graph.Rdf;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>
/// Enforces the literal and IRI length limits on what toRdf produces: a length read per term, so the check costs
/// nothing measurable. Expansion drops JSON positions, so only when a limit is exceeded is the document searched for
/// the JSON string the term came from, to report its line and column.
/// </summary>
internal sealed class LengthLimitSink(IRdfSink inner, JToken document, string? sourceName, int maxLiteral, int maxIri) : IRdfSink
{
    public void Quad(in Quad quad)
    {
        Check(quad.Subject);
        Check(quad.Predicate);
        Check(quad.Object);
        if (quad.Graph is not null) Check(quad.Graph);
        inner.Quad(quad);
    }

    private void Check(INode n)
    {
        switch (n)
        {
            case IriNode i when i.Value.Length > maxIri:
                throw Fail(i.Value, $"IRI longer than the limit of {maxIri} characters (RdfReadOptions.MaxIriLength)");
            case LiteralNode l:
                if (l.Value.Length > maxLiteral)
                    throw Fail(l.Value, $"literal longer than the limit of {maxLiteral} characters (RdfReadOptions.MaxLiteralLength)");
                Check(l.Datatype);
                break;
            case TripleNode t:
                Check(t.Triple.Subject);
                Check(t.Triple.Predicate);
                Check(t.Triple.Object);
                break;
        }
    }

    /// <summary>The error, placed at the longest JSON string (value or key) that is part of the term.</summary>
    private JsonLdException Fail(string term, string message)
    {
        IJsonLineInfo? best = null;
        var bestLength = 0;
        var stack = new Stack<JToken>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            string? text = t switch
            {
                JProperty p => p.Name,
                JValue { Type: JTokenType.String } v => (string?)v.Value,
                _ => null,
            };
            // A term over the limit is made of at most a few JSON strings (a prefix and a suffix, a base and a
            // reference): one holds at least half of it, so shorter strings need no search.
            if (text is not null && text.Length > bestLength && StripPrefix(text) is var part && part.Length * 2 >= term.Length
                && term.Contains(part, StringComparison.Ordinal))
            {
                best = t;
                bestLength = text.Length;
            }
            if (t is JContainer c)
                foreach (var child in c.Children()) stack.Push(child);
        }
        return best is { } at && at.HasLineInfo()
            ? new JsonLdException("limit exceeded", message, sourceName, at.LineNumber, at.LinePosition)
            : new JsonLdException("limit exceeded", message, sourceName, 1, 1);
    }

    // A compact IRI "ex:long" expands to the prefix's IRI and the part after the colon.
    private static string StripPrefix(string text)
    {
        var colon = text.IndexOf(':');
        return colon > 0 && !text.AsSpan(colon + 1).StartsWith("//") ? text[(colon + 1)..] : text;
    }
}
