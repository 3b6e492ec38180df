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
    // Terms every article uses, made once: the emitter runs for every article on every core.
    private static readonly IriNode Type = new(Ns.Rdf + "type");
    private static readonly IriNode NewsArticle = new(Ns.Schema + "NewsArticle"), Entity = new(Ns.Prov + "Entity"),
        Identifier = new(Ns.Dcterms + "identifier"), DatePublished = new(Ns.Schema + "datePublished"),
        DatePublishedIsGuess = new(Ns.Ast + "datePublishedIsGuess"), Url = new(Ns.Schema + "url"), InLanguage = new(Ns.Schema + "inLanguage"),
        Context = new(Ns.Nif + "Context"), IsString = new(Ns.Nif + "isString"), BeginIndex = new(Ns.Nif + "beginIndex"),
        EndIndex = new(Ns.Nif + "endIndex"), SourceUrl = new(Ns.Nif + "sourceUrl"), Activity = new(Ns.Prov + "Activity"),
        Used = new(Ns.Prov + "used"), WasAssociatedWith = new(Ns.Prov + "wasAssociatedWith"), Software = new(Ns.Id + "software/kg-convert"),
        Evidence = new(Ns.Ast + "Evidence"), Subject = new(Ns.Rdf + "subject"), Predicate = new(Ns.Rdf + "predicate"), Object = new(Ns.Rdf + "object"),
        WasDerivedFrom = new(Ns.Prov + "wasDerivedFrom"), WasGeneratedBy = new(Ns.Prov + "wasGeneratedBy"), Span = new(Ns.Ast + "span"),
        Phrase = new(Ns.Nif + "Phrase"), AnchorOf = new(Ns.Nif + "anchorOf"), ReferenceContext = new(Ns.Nif + "referenceContext"),
        SentenceProperty = new(Ns.Nif + "sentence"), SentenceClass = new(Ns.Nif + "Sentence"), Label = new(Ns.Rdfs + "label"), SameAs = new(Ns.Owl + "sameAs"),
        NonNegativeInteger = new(Ns.Xsd + "nonNegativeInteger");
    private static readonly LiteralNode Arabic = new("ar"), True = LiteralNode.Typed("true", Ns.Xsd + "boolean");

    // IRIs the emitter spells as constants, so that one article never holds two nodes for the same IRI.
    private static readonly Dictionary<string, IriNode> Constants = new[]
    {
        Type, NewsArticle, Entity, Identifier, DatePublished, DatePublishedIsGuess, Url, InLanguage, Context, IsString,
        BeginIndex, EndIndex, SourceUrl, Activity, Used, WasAssociatedWith, Software, Evidence, Subject, Predicate, Object,
        WasDerivedFrom, WasGeneratedBy, Span, Phrase, AnchorOf, ReferenceContext, SentenceProperty, SentenceClass, Label,
        SameAs, NonNegativeInteger,
    }.ToDictionary(n => n.Value, StringComparer.Ordinal);

    // IRIs that recur across articles (vocabulary, gazetteer entities, rounds) get one node for the whole run, shared by
    // all threads (nodes are immutable): less to allocate, and the Turtle writer recognises them by reference. Bounded,
    // in case some input makes every article name IRIs of its own.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IriNode> Shared = new(Constants, StringComparer.Ordinal);
    private const int SharedLimit = 1 << 16;

    private static int s_sharedCount;

    private static IriNode SharedNode(string iri)
    {
        if (Shared.TryGetValue(iri, out var node)) return node;
        if (Volatile.Read(ref s_sharedCount) >= SharedLimit) return new IriNode(iri);
        Interlocked.Increment(ref s_sharedCount);
        return Shared.GetOrAdd(iri, static i => new IriNode(i));
    }

    // Offsets repeat across articles: their literals are made once (immutable, so shared by all threads).
    private static readonly LiteralNode?[] Offsets = new LiteralNode?[1 << 14];

    /// <summary>Tables reused from article to article on one thread: emitting allocates little beyond its output.</summary>
    private sealed class Scratch
    {
        public readonly HashSet<Quad> Seen = new(1024, SameQuad.Instance);
        public readonly Dictionary<string, IriNode> Nodes = new(1024, StringComparer.Ordinal);
        // Spans and sentences by their code-point range: the IRI text is made once per range, not once per mention.
        public readonly Dictionary<long, IriNode> SpanNodes = [];
        public readonly Dictionary<long, IriNode> SentenceNodes = [];
        public readonly List<string> Entities = [];
        public readonly HashSet<IriNode> EntitySeen = new(ReferenceEqualityComparer.Instance);
        // Distinct facts in order of appearance, each with its spans (lists reused from article to article).
        public readonly Dictionary<FactKey, int> FactIndex = new(256, FactKeyComparer.Instance);
        public readonly List<(IriNode S, IriNode P, Obj O)> Order = new(256);
        public readonly List<List<NormSpan>> Spans = [];

        public void Clear()
        {
            Seen.Clear();
            Nodes.Clear();
            SpanNodes.Clear();
            SentenceNodes.Clear();
            Entities.Clear();
            EntitySeen.Clear();
            FactIndex.Clear();
            Order.Clear();
        }
    }

    [ThreadStatic] private static Scratch? t_scratch;

    public List<Quad> Emit(ArticleFacts facts)
    {
        var q = new List<Quad>(512);
        Emit(facts, q);
        return q;
    }

    /// <summary>
    /// Appends the article's quads to <paramref name="q"/> (duplicates within the article dropped); returns the
    /// number of distinct facts (subject, predicate, object) extracted.
    /// </summary>
    public int Emit(ArticleFacts facts, List<Quad> q)
    {
        var a = facts.Article;
        var scratch = t_scratch ??= new Scratch();
        scratch.Clear();
        var seen = scratch.Seen;
        void T(IriNode s, IriNode p, INode o)
        {
            var quad = new Quad(s, p, o);
            if (seen.Add(quad)) q.Add(quad);
        }
        var articleIri = Ns.Id + "article/" + Uri.EscapeDataString(a.Id);
        // One node per distinct IRI in an article (constants included): quads compare their IRIs by reference.
        var nodes = scratch.Nodes;
        IriNode N(string iri)
        {
            ref var n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(nodes, iri, out var exists);
            if (!exists) n = iri.StartsWith(articleIri, StringComparison.Ordinal) || iri == a.Url ? new IriNode(iri) : SharedNode(iri);
            return n!;
        }
        INode ToNode(Obj o) => o.IsIri ? N(o.Value)
            : o.Language is not null ? LiteralNode.LangString(o.Value, o.Language)
            : o.Datatype is not null ? LiteralNode.Typed(o.Value, N(o.Datatype)) : new LiteralNode(o.Value);

        var article = N(articleIri);
        var text = a.Text;
        var norm = facts.Norm;
        // Offsets count code points; without surrogate pairs they are the UTF-16 indexes themselves.
        var plain = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;
        int CodePoint(int utf16) => plain ? utf16 : norm.CodePointIndex(utf16);
        var length = CodePoint(text.Length);
        var context = N(string.Create(CultureInfo.InvariantCulture, $"{articleIri}#char=0,{length}"));
        var activity = N(articleIri + "/extraction");
        T(article, Type, NewsArticle);
        T(article, Type, Entity);
        T(article, Identifier, new LiteralNode(a.Id));
        T(article, DatePublished, LiteralNode.Typed(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(Ns.Xsd + "date")));
        if (a.PublishedIsFallback) T(article, DatePublishedIsGuess, True);
        if (a.Url is not null) T(article, Url, N(a.Url));
        T(article, InLanguage, Arabic);
        T(context, Type, Context);
        T(context, IsString, new LiteralNode(text));
        T(context, BeginIndex, Offset(0));
        T(context, EndIndex, Offset(length));
        T(context, SourceUrl, article);
        T(activity, Type, Activity);
        T(activity, Used, article);
        T(activity, WasAssociatedWith, Software);

        // One evidence node per distinct fact, gathering its spans in order of appearance.
        var index = scratch.FactIndex;
        var order = scratch.Order;
        var spans = scratch.Spans;
        foreach (var f in facts.Facts)
        {
            var subject = N(f.Subject);
            var predicate = N(f.Predicate);
            var key = new FactKey(subject, predicate, f.Object.IsIri ? N(f.Object.Value) : null, f.Object);
            ref var at = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                at = order.Count;
                order.Add((subject, predicate, f.Object));
                if (spans.Count < order.Count) spans.Add([]);
                spans[at].Clear();
            }
            var list = spans[at];
            foreach (var sp in f.Evidence) if (!list.Contains(sp)) list.Add(sp);
        }
        // Many facts share spans and every span names its sentence: describe each span and sentence once.
        var spanNodes = scratch.SpanNodes;
        var sentenceNodes = scratch.SentenceNodes;
        var entities = scratch.Entities;
        var entitySeen = scratch.EntitySeen;
        var n = 0;
        for (var k = 0; k < order.Count; k++)
        {
            var (subject, predicate, o) = order[k];
            var obj = ToNode(o);
            T(subject, predicate, obj);
            if (o.IsIri && o.Value.StartsWith(Ns.Id, StringComparison.Ordinal) && entitySeen.Add((IriNode)obj)) entities.Add(o.Value);
            var list = spans[k];
            if (list.Count == 0) continue;
            var ev = N(string.Create(CultureInfo.InvariantCulture, $"{articleIri}/evidence/{++n}"));
            T(ev, Type, Evidence);
            T(ev, Subject, subject);
            T(ev, Predicate, predicate);
            T(ev, Object, obj);
            T(ev, WasDerivedFrom, article);
            T(ev, WasGeneratedBy, activity);
            foreach (var sp in list)
            {
                var (os, oe) = norm.OriginalRange(sp.Start, sp.End);
                int b = CodePoint(os), e = CodePoint(oe);
                ref var span = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(spanNodes, Range(b, e), out var described);
                if (described)
                {
                    T(ev, Span, span!);
                    continue;
                }
                span = N(string.Create(CultureInfo.InvariantCulture, $"{articleIri}#char={b},{e}"));
                T(ev, Span, span);
                T(span, Type, Phrase);
                T(span, BeginIndex, Offset(b));
                T(span, EndIndex, Offset(e));
                T(span, AnchorOf, new LiteralNode(text[os..oe]));
                T(span, ReferenceContext, context);
                var sentence = SentenceAt(facts.Sentences, sp.Start);
                if (sentence.End > sentence.Start)
                {
                    var (ss, se) = norm.OriginalRange(sentence.Start, sentence.End);
                    int sb = CodePoint(ss), sE = CodePoint(se);
                    ref var siri = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sentenceNodes, Range(sb, sE), out var sentenceDescribed);
                    if (sentenceDescribed)
                    {
                        T(span, SentenceProperty, siri!);
                        continue;
                    }
                    siri = N(string.Create(CultureInfo.InvariantCulture, $"{articleIri}#char={sb},{sE}"));
                    T(span, SentenceProperty, siri);
                    T(siri, Type, SentenceClass);
                    T(siri, BeginIndex, Offset(sb));
                    T(siri, EndIndex, Offset(sE));
                    T(siri, AnchorOf, new LiteralNode(text[ss..se]));
                    T(siri, ReferenceContext, context);
                }
            }
        }
        // In the order of their keys (the IRIs share the id namespace, so the IRIs' order is the keys').
        entities.Sort(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var e = gazetteer.Get(entity[Ns.Id.Length..]);
            if (e is null) continue;
            var iri = N(e.Iri);
            T(iri, Type, N(Ns.Ast + e.Type));
            if (e.LabelEn is not null) T(iri, Label, LiteralNode.LangString(e.LabelEn, "en"));
            if (e.LabelAr is not null) T(iri, Label, LiteralNode.LangString(e.LabelAr, "ar"));
            foreach (var same in e.SameAs) T(iri, SameAs, N(same));
        }
        return order.Count;
    }

    private static long Range(int begin, int end) => ((long)begin << 32) | (uint)end;

    /// <summary>A fact's identity within one article, where every IRI is a single node.</summary>
    private readonly record struct FactKey(IriNode S, IriNode P, IriNode? OIri, Obj O);

    /// <summary>IRIs by reference, literal objects by value; no string is hashed in full.</summary>
    private sealed class FactKeyComparer : IEqualityComparer<FactKey>
    {
        public static readonly FactKeyComparer Instance = new();

        public bool Equals(FactKey x, FactKey y) =>
            ReferenceEquals(x.S, y.S) && ReferenceEquals(x.P, y.P)
            && ReferenceEquals(x.OIri, y.OIri) && x.O.Equals(y.O);

        public int GetHashCode(FactKey k) => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.S),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.P),
            k.OIri is not null ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.OIri) : SameQuad.LiteralHash(k.O.Value));
    }

    /// <summary>The sentence holding a position of the normalised text (sentences are in text order), or default.</summary>
    private static Sentence SentenceAt(IReadOnlyList<Sentence> sentences, int position)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var x = sentences[mid];
            if (position < x.Start) hi = mid - 1;
            else if (position >= x.End) lo = mid + 1;
            else return x;
        }
        return default;
    }

    private static LiteralNode Offset(int n)
    {
        if ((uint)n >= (uint)Offsets.Length) return LiteralNode.Typed(n.ToString(CultureInfo.InvariantCulture), NonNegativeInteger);
        return Offsets[n] ??= LiteralNode.Typed(n.ToString(CultureInfo.InvariantCulture), NonNegativeInteger);
    }

    /// <summary>
    /// Quad equality for one article's quads, where every IRI is a single node: IRIs compare by reference, literals
    /// by value, and hashing reads at most a literal's first characters instead of whole sentences and texts.
    /// </summary>
    private sealed class SameQuad : IEqualityComparer<Quad>
    {
        public static readonly SameQuad Instance = new();

        public bool Equals(Quad x, Quad y) =>
            ReferenceEquals(x.Subject, y.Subject) && ReferenceEquals(x.Predicate, y.Predicate) && ReferenceEquals(x.Graph, y.Graph)
            && (ReferenceEquals(x.Object, y.Object) || (x.Object is LiteralNode && x.Object.Equals(y.Object)));

        // Identity hashes are already well spread: a multiply-add mixes them for less than HashCode.Combine costs.
        public int GetHashCode(Quad q)
        {
            var h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(q.Subject) * -1640531535
                + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(q.Predicate);
            h = h * -1640531535 + (q.Object is LiteralNode l ? LiteralHash(l.Value) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(q.Object));
            return h ^ (h >>> 15);
        }

        public static int LiteralHash(string v)
        {
            var h = v.Length;
            var n = Math.Min(v.Length, 24);
            for (var i = 0; i < n; i++) h = h * 31 + v[i];
            if (v.Length > n) h = h * 31 + v[^1];
            return h;
        }
    }
}
