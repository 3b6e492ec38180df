using System.Runtime.CompilerServices;
using Graph.Rdf;

namespace Graph.Sparql.Syntax;

/// <summary>
/// What the query and update parsers share while reading one request: the tokens, prefixes, base IRI,
/// blank node label scopes, fresh variable names and the nesting depth bound.
/// </summary>
public sealed class ParseContext
{
    /// <summary>Nesting deeper than this (groups, brackets) is rejected with a clear error instead of risking the stack.</summary>
    public const int MaxDepth = 300;

    /// <summary>
    /// A chain (a UNION b UNION c, OPTIONAL after OPTIONAL, p1/p2/p3, x || y || z) becomes a left-deep tree as deep
    /// as the chain is long, and the passes over the algebra recurse along it. A request's chains may hold this many
    /// links in all, which bounds the depth of any tree read from it (with <see cref="MaxDepth"/>), so no later
    /// pass can overflow the stack, which kills .NET uncatchably.
    /// </summary>
    public const int MaxChainLinks = 2000;

    /// <summary>Longest string literal in a request (UTF-16 code units after unescaping), as the RDF readers' default.</summary>
    public const int MaxLiteralLength = 16 * 1024 * 1024;

    /// <summary>Longest IRI in a request, after prefix expansion and resolution, as the RDF readers' default.</summary>
    public const int MaxIriLength = 1024 * 1024;

    private readonly Dictionary<string, int> _labelScope = new(StringComparer.Ordinal);
    private int _depth;
    private int _links;
    private int _fresh;

    public ParseContext(string text, string? source, string? baseIri)
    {
        Tokens = new SparqlTokenizer(text, source);
        BaseIri = baseIri;
    }

    public SparqlTokenizer Tokens { get; }
    public string? BaseIri { get; set; }
    public NamespaceMap Prefixes { get; } = new();

    /// <summary>The current basic-graph-pattern scope: a blank node label may not be used in two of them.</summary>
    public int BgpScope { get; set; }

    private int _nextScope = 1;

    public void NewBgpScope() => BgpScope = _nextScope++;

    /// <summary>When false (templates, update data), blank node labels are not checked against BGP scopes.</summary>
    public bool CheckLabelScopes { get; set; } = true;

    /// <summary>Prefix for variables that stand for blank nodes: ".b:" in patterns, ".t:" in templates.</summary>
    public string BlankPrefix { get; set; } = ".b:";

    public Token Peek(int ahead = 0) => Tokens.Peek(ahead);
    public Token Take() => Tokens.Take();

    public RdfParseException Error(Token at, string message) => Tokens.Error(at, message);

    public RdfParseException Expected(string what) => Error(Peek(), $"expected {what}, found {Peek().Describe()}");

    public Token Expect(string punct)
    {
        if (!Peek().Is(punct)) throw Expected("'" + punct + "'");
        return Take();
    }

    public void ExpectKeyword(string word)
    {
        if (!Peek().IsKeyword(word)) throw Expected(word.ToUpperInvariant());
        Take();
    }

    public bool Accept(string punct)
    {
        if (!Peek().Is(punct)) return false;
        Take();
        return true;
    }

    public bool AcceptKeyword(string word)
    {
        if (!Peek().IsKeyword(word)) return false;
        Take();
        return true;
    }

    public void Enter()
    {
        if (++_depth > MaxDepth) throw Error(Peek(), $"query nested too deeply (more than {MaxDepth} levels)");
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    public void Leave() => _depth--;

    /// <summary>Counts one link of a chain, read at <paramref name="at"/>.</summary>
    public void Link(Token at)
    {
        if (++_links > MaxChainLinks)
            throw Error(at, $"query too large: more than {MaxChainLinks} chained operators (UNION, OPTIONAL, MINUS, FILTER, '/', '|', '||', '&&', '+', '*', ...)");
    }

    public string FreshVar(string kind) => "." + kind + (_fresh++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string BlankVar(Token label)
    {
        if (CheckLabelScopes)
        {
            if (_labelScope.TryGetValue(label.Text, out var scope) && scope != BgpScope)
                throw Error(label, $"blank node label _:{label.Text} is used in two different basic graph patterns");
            _labelScope[label.Text] = BgpScope;
        }
        return BlankPrefix + label.Text;
    }

    public string AnonVar() => BlankPrefix + "#" + (_fresh++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IriNode ResolveIri(Token t)
    {
        var text = t.Text;
        if (Iri.IsAbsolute(text)) return new IriNode(text);
        if (BaseIri is null)
        {
            if (text.Length == 0) throw Error(t, "relative IRI <> with no base IRI");
            throw Error(t, $"relative IRI <{text}> with no base IRI");
        }
        return Checked(t, Iri.Resolve(BaseIri, text));
    }

    public IriNode ExpandPrefixed(Token t)
    {
        if (!Prefixes.TryGetNamespace(t.Prefix!, out var ns))
            throw Error(t, $"undefined prefix '{t.Prefix}:'");
        return Checked(t, ns + t.Local);
    }

    private IriNode Checked(Token t, string iri) =>
        iri.Length > MaxIriLength ? throw Tokens.IriTooLong(t.Line, t.Column) : new IriNode(iri);

    /// <summary>An IRI from an IRIREF or prefixed name token, or null when the next token is neither.</summary>
    public IriNode? TryIri()
    {
        var t = Peek();
        if (t.Kind == TokenKind.Iri) { Take(); return ResolveIri(t); }
        if (t.Kind == TokenKind.PrefixedName) { Take(); return ExpandPrefixed(t); }
        return null;
    }

    public IriNode ExpectIri() => TryIri() ?? throw Expected("an IRI");
}
