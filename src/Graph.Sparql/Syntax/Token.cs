namespace Graph.Sparql.Syntax;

public enum TokenKind
{
    End,
    Iri,          // <...>, Text is the unescaped IRI (not yet resolved)
    PrefixedName, // Text is "prefix:local" with local unescaped; Prefix/Local split
    BlankNode,    // _:label, Text is the label
    Var,          // ?x or $x, Text is the name
    String,       // Text is the unescaped value
    LangTag,      // @en, Text without '@'
    Integer,
    Decimal,
    Double,
    Name,         // a bare word: keyword, function name, true/false, 'a'
    Punct,        // { } ( ) [ ] . , ; * / | ^ ^^ ? ! = != < > <= >= && || + -
}

/// <summary>A token with where it starts (1-based line and column) and its offsets in the text.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, int Start, int End, string? Prefix = null, string? Local = null)
{
    public bool Is(string punct) => Kind == TokenKind.Punct && Text == punct;

    public bool IsKeyword(string word) => Kind == TokenKind.Name && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Iri => "<" + Text + ">",
        TokenKind.Var => "?" + Text,
        TokenKind.String => "a string",
        TokenKind.BlankNode => "_:" + Text,
        TokenKind.LangTag => "@" + Text,
        _ => "'" + Text + "'",
    };
}
