using System.Globalization;
using Graph.Rdf;

namespace Graph.News;

/// <summary>
/// Turns extracted facts into quads of the default graph: the facts themselves, one evidence node per fact
/// (an rdf:Statement-style reification with prov:wasDerivedFrom the article and NIF spans whose offsets count
/// code points of the original text), the article (schema:NewsArticle, prov:Entity, nif:Context) and the
/// gazetteer description of every entity the facts use.
/// </summary>
public sealed class RdfEmitter(Gazetteer gazetteer)
{
    private static readonly IriNode Type = new(Ns.Rdf + "type");

    public List<Quad> Emit(ArticleFacts facts)
    {
        var a = facts.Article;
        var q = new List<Quad>();
        var seen = new HashSet<Quad>();
        void T(string s, string p, INode o)
        {
            var quad = new Quad(new IriNode(s), new IriNode(p), o);
            if (seen.Add(quad)) q.Add(quad);
        }
        INode ToNode(Obj o) => o.IsIri ? new IriNode(o.Value)
            : o.Language is not null ? LiteralNode.LangString(o.Value, o.Language)
            : o.Datatype is not null ? LiteralNode.Typed(o.Value, o.Datatype) : new LiteralNode(o.Value);

        var article = Ns.Id + "article/" + Uri.EscapeDataString(a.Id);
        var text = a.Text;
        var norm = facts.Norm;
        var length = norm.CodePointIndex(text.Length);
        var context = article + "#char=0," + length.ToString(CultureInfo.InvariantCulture);
        var activity = article + "/extraction";
        T(article, Ns.Rdf + "type", new IriNode(Ns.Schema + "NewsArticle"));
        T(article, Ns.Rdf + "type", new IriNode(Ns.Prov + "Entity"));
        T(article, Ns.Dcterms + "identifier", new LiteralNode(a.Id));
        T(article, Ns.Schema + "datePublished", LiteralNode.Typed(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Ns.Xsd + "date"));
        if (a.PublishedIsFallback) T(article, Ns.Ast + "datePublishedIsGuess", LiteralNode.Typed("true", Ns.Xsd + "boolean"));
        if (a.Url is not null) T(article, Ns.Schema + "url", new IriNode(a.Url));
        T(article, Ns.Schema + "inLanguage", new LiteralNode("ar"));
        T(context, Ns.Rdf + "type", new IriNode(Ns.Nif + "Context"));
        T(context, Ns.Nif + "isString", new LiteralNode(text));
        T(context, Ns.Nif + "beginIndex", Offset(0));
        T(context, Ns.Nif + "endIndex", Offset(length));
        T(context, Ns.Nif + "sourceUrl", new IriNode(article));
        T(activity, Ns.Rdf + "type", new IriNode(Ns.Prov + "Activity"));
        T(activity, Ns.Prov + "used", new IriNode(article));
        T(activity, Ns.Prov + "wasAssociatedWith", new IriNode(Ns.Id + "software/kg-convert"));

        // One evidence node per distinct fact, gathering its spans in order of appearance.
        var order = new List<(string S, string P, Obj O)>();
        var spans = new Dictionary<(string, string, Obj), List<NormSpan>>();
        foreach (var f in facts.Facts)
        {
            var key = (f.Subject, f.Predicate, f.Object);
            if (!spans.TryGetValue(key, out var list)) { spans[key] = list = []; order.Add(key); }
            foreach (var sp in f.Evidence) if (!list.Contains(sp)) list.Add(sp);
        }
        // Many facts share spans and every span names its sentence: describe each span and sentence once.
        var describedSpans = new HashSet<string>(StringComparer.Ordinal);
        var describedSentences = new HashSet<string>(StringComparer.Ordinal);
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var (s, p, o) in order)
        {
            T(s, p, ToNode(o));
            if (o.IsIri && o.Value.StartsWith(Ns.Id, StringComparison.Ordinal)) entities.Add(o.Value[Ns.Id.Length..]);
            var list = spans[(s, p, o)];
            if (list.Count == 0) continue;
            var ev = article + "/evidence/" + (++n).ToString(CultureInfo.InvariantCulture);
            T(ev, Ns.Rdf + "type", new IriNode(Ns.Ast + "Evidence"));
            T(ev, Ns.Rdf + "subject", new IriNode(s));
            T(ev, Ns.Rdf + "predicate", new IriNode(p));
            T(ev, Ns.Rdf + "object", ToNode(o));
            T(ev, Ns.Prov + "wasDerivedFrom", new IriNode(article));
            T(ev, Ns.Prov + "wasGeneratedBy", new IriNode(activity));
            foreach (var sp in list)
            {
                var (os, oe) = norm.OriginalRange(sp.Start, sp.End);
                int b = norm.CodePointIndex(os), e = norm.CodePointIndex(oe);
                var span = article + "#char=" + b.ToString(CultureInfo.InvariantCulture) + "," + e.ToString(CultureInfo.InvariantCulture);
                T(ev, Ns.Ast + "span", new IriNode(span));
                if (!describedSpans.Add(span)) continue;
                T(span, Ns.Rdf + "type", new IriNode(Ns.Nif + "Phrase"));
                T(span, Ns.Nif + "beginIndex", Offset(b));
                T(span, Ns.Nif + "endIndex", Offset(e));
                T(span, Ns.Nif + "anchorOf", new LiteralNode(text[os..oe]));
                T(span, Ns.Nif + "referenceContext", new IriNode(context));
                var sentence = facts.Sentences.FirstOrDefault(x => x.Start <= sp.Start && sp.Start < x.End);
                if (sentence.End > sentence.Start)
                {
                    var (ss, se) = norm.OriginalRange(sentence.Start, sentence.End);
                    int sb = norm.CodePointIndex(ss), sE = norm.CodePointIndex(se);
                    var siri = article + "#char=" + sb.ToString(CultureInfo.InvariantCulture) + "," + sE.ToString(CultureInfo.InvariantCulture);
                    T(span, Ns.Nif + "sentence", new IriNode(siri));
                    if (!describedSentences.Add(siri)) continue;
                    T(siri, Ns.Rdf + "type", new IriNode(Ns.Nif + "Sentence"));
                    T(siri, Ns.Nif + "beginIndex", Offset(sb));
                    T(siri, Ns.Nif + "endIndex", Offset(sE));
                    T(siri, Ns.Nif + "anchorOf", new LiteralNode(text[ss..se]));
                    T(siri, Ns.Nif + "referenceContext", new IriNode(context));
                }
            }
        }
        foreach (var key in entities)
        {
            var e = gazetteer.Get(key);
            if (e is null) continue;
            T(e.Iri, Ns.Rdf + "type", new IriNode(Ns.Ast + e.Type));
            if (e.LabelEn is not null) T(e.Iri, Ns.Rdfs + "label", LiteralNode.LangString(e.LabelEn, "en"));
            if (e.LabelAr is not null) T(e.Iri, Ns.Rdfs + "label", LiteralNode.LangString(e.LabelAr, "ar"));
            foreach (var same in e.SameAs) T(e.Iri, Ns.Owl + "sameAs", new IriNode(same));
        }
        return q;
    }

    private static LiteralNode Offset(int n) => LiteralNode.Typed(n.ToString(CultureInfo.InvariantCulture), Ns.Xsd + "nonNegativeInteger");
}
