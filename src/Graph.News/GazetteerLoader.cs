namespace Graph.News;

/// <summary>Builds a <see cref="Gazetteer"/> from ontology/entities.ttl (read at run time).</summary>
public static class GazetteerLoader
{
    private readonly record struct Term(string Value, bool IsIri, string? Language);

    public static Gazetteer Load(string path)
    {
        var text = File.ReadAllText(path);
        return FromTurtle(text, path);
    }

    public static Gazetteer FromTurtle(string text, string source)
    {
        var g = new Gazetteer();
        var sink = new Graph.Rdf.ListSink();
        Graph.Formats.RdfReader.ParseString(text, Graph.Formats.RdfFormat.Turtle, null, sink, source);
        foreach (var q in sink.Quads)
        {
            if (q.Subject is not Graph.Rdf.IriNode si) continue;
            var s = si.Value;
            var p = q.Predicate.Value;
            var o = q.Object switch
            {
                Graph.Rdf.IriNode i => new Term(i.Value, true, null),
                Graph.Rdf.LiteralNode l => new Term(l.Value, false, l.Language),
                _ => new Term("", false, null),
            };
            if (!s.StartsWith(Ns.Id, StringComparison.Ordinal)) continue;
            var key = s[Ns.Id.Length..];
            if (key.Contains('/')) continue;
            var e = g.GetOrAdd(key);
            var ar = o.Language is not null && o.Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase);
            switch (p)
            {
                case Ns.Rdf + "type" when o.Value.StartsWith(Ns.Ast, StringComparison.Ordinal):
                    e.Type = o.Value[Ns.Ast.Length..];
                    break;
                case Ns.Rdfs + "label" when o.Language == "en":
                    e.LabelEn = o.Value;
                    break;
                case Ns.Skos + "prefLabel" when ar:
                    e.LabelAr = o.Value;
                    e.Names.Add(o.Value);
                    break;
                case Ns.Rdfs + "label" when ar:
                case Ns.Skos + "altLabel" when ar:
                case Ns.Skos + "hiddenLabel" when ar:
                    e.Names.Add(o.Value);
                    break;
                case Ns.Ast + "contextLabel" when ar:
                    e.ContextNames.Add(o.Value);
                    break;
                case Ns.Ast + "adjectiveLabel" when ar:
                    e.Adjectives.Add(o.Value);
                    break;
                case Ns.Schema + "containedInPlace" when o.IsIri && o.Value.StartsWith(Ns.Id, StringComparison.Ordinal):
                    e.Country = o.Value[Ns.Id.Length..];
                    break;
                case Ns.Owl + "sameAs" when o.IsIri:
                    e.SameAs.Add(o.Value);
                    break;
                case Ns.Ast + "represents" when o.IsIri && o.Value.StartsWith(Ns.Id, StringComparison.Ordinal):
                    e.Represents = o.Value[Ns.Id.Length..];
                    break;
            }
        }
        g.Index();
        return g;
    }
}
