using System.Text;
using Graph.Formats;
using Graph.News;
using Graph.Rdf;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Sparql.Update;

namespace Graph.Fuzz;

/// <summary>
/// One entry point per input language. Each reads the fuzzer's bytes the way kg's users feed them in and lets only
/// the documented bad-input error (<see cref="RdfParseException"/>, which JSON-LD's error also is) pass: any other
/// exception escapes and AFL++ records the input as a crash.
/// </summary>
internal static class Targets
{
    // Relative IRIs resolve against this, so resolution code is fuzzed too instead of stopping at "no base IRI".
    private const string BaseIri = "http://example.org/fuzz/";

    /// <summary>Target name → what it runs. The names are the ones fuzz/run.sh and docs/fuzzing.md use.</summary>
    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["ntriples"] = s => Rdf(s, RdfFormat.NTriples),
        ["nquads"] = s => Rdf(s, RdfFormat.NQuads),
        ["turtle"] = s => Rdf(s, RdfFormat.Turtle),
        ["trig"] = s => Rdf(s, RdfFormat.TriG),
        ["jsonld"] = s => Rdf(s, RdfFormat.JsonLd),
        ["rdfxml"] = s => Rdf(s, RdfFormat.RdfXml),
        ["sparql-query"] = s => Expected(() => QueryParser.Parse(Text(s), "fuzz", BaseIri)),
        ["sparql-update"] = s => Expected(() => UpdateParser.Parse(Text(s), "fuzz", BaseIri)),
        ["results-json"] = s => Expected(() => JsonResultsReader.Read(new StringReader(Text(s)), "fuzz")),
        ["results-xml"] = s => Expected(() => XmlResultsReader.Read(s, "fuzz")),
        ["news"] = News,
    };

    private static void Rdf(Stream input, RdfFormat format) =>
        Expected(() => RdfReader.Parse(input, format, new RdfReadOptions("fuzz", BaseIri), new CountingSink()));

    private static void Expected(Action parse)
    {
        try
        {
            parse();
        }
        catch (RdfParseException e)
        {
            // A parse error must still say where it is: Describe() is what users see.
            _ = e.Describe();
        }
    }

    private static string Text(Stream s)
    {
        using var r = new StreamReader(s, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 12, leaveOpen: true);
        return r.ReadToEnd();
    }

    private static Gazetteer? s_gazetteer;

    // The converter accepts any text: no exception at all is expected from extraction or from emitting RDF.
    // Invalid UTF-8 is decoded with replacement characters so every input reaches the extractor.
    private static void News(Stream input)
    {
        var gazetteer = s_gazetteer ??= GazetteerLoader.Load(FindGazetteer());
        var article = new Article { Id = "fuzz", Text = Text(input), Published = new DateOnly(2020, 1, 23), Url = "http://example.org/fuzz" };
        var facts = new Extractor(gazetteer).Extract(article);
        _ = new RdfEmitter(gazetteer).Emit(facts);
    }

    private static string FindGazetteer()
    {
        if (Environment.GetEnvironmentVariable("KG_GAZETTEER") is { Length: > 0 } given) return given;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "ontology", "entities.ttl");
                if (File.Exists(p)) return p;
            }
        throw new InvalidOperationException("ontology/entities.ttl not found: set KG_GAZETTEER");
    }

    /// <summary>Loads what a target needs before the fuzzing loop, so the first input is not timed with it.</summary>
    public static void Warm(string target)
    {
        if (target == "news") s_gazetteer = GazetteerLoader.Load(FindGazetteer());
    }
}
