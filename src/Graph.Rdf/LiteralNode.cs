namespace Graph.Rdf;

/// <summary>
/// A literal: a lexical form with a datatype IRI, or with a language tag (datatype rdf:langString),
/// optionally with an RDF 1.2 base direction (datatype rdf:dirLangString).
/// </summary>
/// <remarks>Language tags keep the case they were written in but compare case-insensitively, as RDF 1.1 Concepts requires.</remarks>
public sealed class LiteralNode : INode
{
    private LiteralNode(string value, IriNode datatype, string? language, string? direction)
    {
        Value = value;
        Datatype = datatype;
        Language = language;
        Direction = direction;
    }

    /// <summary>A simple literal (xsd:string).</summary>
    public LiteralNode(string value) : this(value ?? throw new ArgumentNullException(nameof(value)), Vocab.Xsd.StringNode, null, null) { }

    /// <summary>A typed literal. An rdf:langString datatype without a tag is rejected.</summary>
    public static LiteralNode Typed(string value, IriNode datatype)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(datatype);
        if (datatype.Value == Vocab.Rdf.LangString || datatype.Value == Vocab.Rdf.DirLangString)
            throw new ArgumentException("A literal with datatype " + datatype.Value + " needs a language tag.", nameof(datatype));
        return new LiteralNode(value, datatype.Value == Vocab.Xsd.String ? Vocab.Xsd.StringNode : datatype, null, null);
    }

    public static LiteralNode Typed(string value, string datatypeIri) => Typed(value, new IriNode(datatypeIri));

    /// <summary>A language-tagged string, with an optional base direction ("ltr" or "rtl").</summary>
    public static LiteralNode LangString(string value, string language, string? direction = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(language);
        if (direction is not null && direction != "ltr" && direction != "rtl")
            throw new ArgumentException("A base direction is 'ltr' or 'rtl'.", nameof(direction));
        return new LiteralNode(value, direction is null ? Vocab.Rdf.LangStringNode : Vocab.Rdf.DirLangStringNode, language, direction);
    }

    /// <summary>The lexical form.</summary>
    public string Value { get; }

    public IriNode Datatype { get; }

    /// <summary>The language tag as written, or null.</summary>
    public string? Language { get; }

    /// <summary>"ltr", "rtl" or null.</summary>
    public string? Direction { get; }

    public NodeKind Kind => NodeKind.Literal;

    /// <summary>True for xsd:string literals (RDF 1.1 "simple literals").</summary>
    public bool IsSimple => Language is null && Datatype.Value == Vocab.Xsd.String;

    public bool Equals(INode? other) =>
        other is LiteralNode l
        && string.Equals(Value, l.Value, StringComparison.Ordinal)
        && Datatype.Equals(l.Datatype)
        && string.Equals(Language, l.Language, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Direction, l.Direction, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is INode n && Equals(n);

    public override int GetHashCode() => HashCode.Combine(
        string.GetHashCode(Value, StringComparison.Ordinal),
        Datatype,
        Language is null ? 0 : string.GetHashCode(Language, StringComparison.OrdinalIgnoreCase),
        Direction);

    public override string ToString()
    {
        var lex = NTriplesText.Quoted(Value);
        if (Language is not null)
            return Direction is null ? lex + "@" + Language : lex + "@" + Language + "--" + Direction;
        return Datatype.Value == Vocab.Xsd.String ? lex : lex + "^^" + Datatype;
    }
}
