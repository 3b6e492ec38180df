using CsCheck;
using Graph.Rdf;

namespace Graph.TestSupport;

/// <summary>
/// Generators of awkward RDF: IRIs with non-ASCII text, percent-escapes and characters Turtle must escape in local
/// names; literals full of quotes, newlines, C0 controls, U+FFFE, surrogate pairs and Arabic; language tags with
/// base directions; blank nodes shared between quads; RDF 1.2 triple terms; named graphs.
/// </summary>
public static class RandomRdf
{
    public const string Ex = "http://example.org/";

    /// <summary>Prefixes handed to the writers, so Turtle and TriG write prefixed names where they can.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["ex"] = Ex,
        ["ns"] = "https://ex.com/ns#",
        ["xsd"] = Vocab.Xsd.Ns,
    };

    private static readonly string[] IriBases =
        [Ex, "https://ex.com/ns#", "urn:x-kg:", "http://example.org/ذ/", "http://example.org/a%C3%A9/", "http://[::1]:8080/p?q="];

    // Each piece is legal in an IRI; together they give local names Turtle must escape or cannot use (a trailing
    // dot, a leading digit or hyphen, '~', '%XX', an empty local name).
    private static readonly string[] IriPieces =
        ["a", "Z9", "é", "ذهب", "العربية", "😀", "%20", "-", "_", ".", "~", "1", "/", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@"];

    // Predicates end in an XML name so RDF/XML can split them into namespace and local name.
    private static readonly string[] PredicateNames = ["p", "knows", "اسم", "q1", "r_s", "label", "é"];

    private static readonly string[] TextPieces =
    [
        "a", "Z", " ", "\"", "'", "\\", "\n", "\r", "\t", "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F",
        "\u007F", "\u0085", "\u2028", "\uFFFE", "\uFEFF", "😀", "𝔸", "مرحبا", "أستانا", "é", "<", ">", "&", "]]>", "{", "}",
        "@", "^^", "\"\"\"", "'''", "#", ".", ";", ",", "_:b", "<<", ">>", "%20", "\\u0041",
    ];

    private static readonly string[] Languages = ["en", "ar", "en-US", "zh-Hant-TW", "x-private", "AR-sy"];

    public static readonly Gen<IriNode> Iri =
        Gen.Select(Gen.OneOf(IriBases), Gen.OneOf(IriPieces).List[0, 4], (b, ps) => new IriNode(b + string.Concat(ps)));

    public static readonly Gen<IriNode> Predicate = Gen.Frequency(
        (1, Gen.Const(new IriNode(Vocab.Rdf.Type))),
        (6, Gen.Select(Gen.OneOf(Ex, "https://ex.com/ns#", "http://example.org/ذ/"), Gen.OneOf(PredicateNames), (b, n) => new IriNode(b + n))));

    public static readonly Gen<BlankNode> Blank = Gen.Int[0, 5].Select(i => new BlankNode("b" + i));

    public static readonly Gen<string> Text = Gen.OneOf(TextPieces).List[0, 6].Select(string.Concat);

    public static readonly Gen<LiteralNode> Literal = Gen.Frequency<LiteralNode>(
        (4, Text.Select(t => new LiteralNode(t))),
        (2, Gen.Select(Text, Gen.OneOf(Languages), (t, l) => LiteralNode.LangString(t, l))),
        (2, Gen.Select(Text, Gen.OneOf(Languages), Gen.OneOf("ltr", "rtl"), LiteralNode.LangString)),
        (1, Gen.Int.Select(i => LiteralNode.Typed(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer))),
        (1, Gen.OneOf("true", "false", "1", "0").Select(b => LiteralNode.Typed(b, Vocab.Xsd.Boolean))),
        (1, Gen.OneOf("1.50", "-0.0", "12", ".5").Select(d => LiteralNode.Typed(d, Vocab.Xsd.Decimal))),
        (1, Gen.OneOf("2019-03-01", "2019-03-01Z", "not a date").Select(d => LiteralNode.Typed(d, Vocab.Xsd.Ns + "date"))),
        (1, Gen.Select(Text, Iri, (t, dt) => LiteralNode.Typed(t, dt))));

    private static readonly Gen<INode> Subject = Gen.Frequency<INode>((3, Iri.Select(i => (INode)i)), (2, Blank.Select(b => (INode)b)));

    private static readonly Gen<INode> PlainObject = Gen.Frequency<INode>(
        (2, Iri.Select(i => (INode)i)), (2, Blank.Select(b => (INode)b)), (4, Literal.Select(l => (INode)l)));

    private static readonly Gen<TripleNode> TripleTerm =
        Gen.Select(Subject, Predicate, PlainObject, (s, p, o) => new TripleNode(new Triple(s, p, o)));

    /// <summary>Triple terms (RDF 1.2) appear only as objects, nested at most twice.</summary>
    private static readonly Gen<INode> Object = Gen.Frequency<INode>(
        (12, PlainObject),
        (2, TripleTerm.Select(t => (INode)t)),
        (1, Gen.Select(Subject, Predicate, TripleTerm, (s, p, t) => (INode)new TripleNode(new Triple(s, p, t)))));

    /// <summary>Any RDF term: IRI, blank node, literal or triple term.</summary>
    public static readonly Gen<INode> Term = Gen.Frequency<INode>((1, Subject), (3, Object));

    private static readonly Gen<INode?> GraphName = Gen.Frequency<INode?>(
        (3, Gen.Const((INode?)null)), (2, Iri.Select(i => (INode?)i)), (1, Blank.Select(b => (INode?)b)));

    public static readonly Gen<Quad> Quad = Gen.Select(Subject, Predicate, Object, GraphName, (s, p, o, g) => new Quad(s, p, o, g));

    /// <summary>A dataset as a set of quads (writers may legitimately drop duplicates).</summary>
    public static readonly Gen<List<Quad>> Dataset = Quad.List[0, 12].Select(qs => qs.Distinct().ToList());

    public static string Show(IEnumerable<Quad> quads) => string.Join("\n", quads.Select(q => q.ToString()));
}
