namespace Graph.News;

/// <summary>IRIs of the ontology and the vocabularies it reuses.</summary>
public static class Ns
{
    public const string Ast = "https://w3id.org/astana-kg/ontology#";
    public const string Id = "https://w3id.org/astana-kg/id/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Schema = "https://schema.org/";
    public const string Sem = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public const string Prov = "http://www.w3.org/ns/prov#";
    public const string Nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public const string Oa = "http://www.w3.org/ns/oa#";
    public const string Time = "http://www.w3.org/2006/time#";
    public const string Dcterms = "http://purl.org/dc/terms/";
    public const string Wd = "http://www.wikidata.org/entity/";
    public const string Topic = "https://w3id.org/astana-kg/topic/";

    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["ast"] = Ast, ["id"] = Id, ["rdf"] = Rdf, ["rdfs"] = Rdfs, ["owl"] = Owl, ["xsd"] = Xsd, ["skos"] = Skos,
        ["schema"] = Schema, ["sem"] = Sem, ["prov"] = Prov, ["nif"] = Nif, ["oa"] = Oa, ["time"] = Time,
        ["dcterms"] = Dcterms, ["wd"] = Wd, ["topic"] = Topic,
    };
}
