using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>The "string literal" rules of SPARQL 1.1 §17.4.3: which arguments are strings, and which pairs are compatible.</summary>
internal static class StringArgs
{
    /// <summary>A simple literal, an xsd:string literal or a language-tagged string (§17.4.3 "string literal").</summary>
    public static bool IsStringLiteral(INode n) =>
        n is LiteralNode l && (l.Language is not null || l.Datatype.Value == Vocab.Xsd.String);

    /// <summary>A string literal argument, or an expression error naming the function.</summary>
    public static LiteralNode String(INode n, string function)
    {
        if (IsStringLiteral(n)) return (LiteralNode)n;
        throw new ExpressionError(function + ": expected a string literal, got " + Describe(n));
    }

    /// <summary>A simple literal or xsd:string (no language tag), as REGEX patterns, flags and hashes need.</summary>
    public static string Simple(INode n, string function)
    {
        if (n is LiteralNode { Language: null } l && l.Datatype.Value == Vocab.Xsd.String) return l.Value;
        throw new ExpressionError(function + ": expected a simple or xsd:string literal, got " + Describe(n));
    }

    /// <summary>
    /// Argument compatibility (§17.4.3.1.1): both without a tag, both with the same tag, or a tagged first argument
    /// with an untagged second.
    /// </summary>
    public static (LiteralNode A, LiteralNode B) Compatible(INode a, INode b, string function)
    {
        var x = String(a, function);
        var y = String(b, function);
        if (y.Language is null || x.Language is not null && string.Equals(x.Language, y.Language, StringComparison.OrdinalIgnoreCase) && x.Direction == y.Direction)
            return (x, y);
        throw new ExpressionError(function + ": incompatible arguments " + x + " and " + y);
    }

    /// <summary>A string literal with <paramref name="value"/> and the tag (or xsd:string) of <paramref name="like"/>.</summary>
    public static LiteralNode Like(LiteralNode like, string value) =>
        like.Language is null ? new LiteralNode(value) : LiteralNode.LangString(value, like.Language, like.Direction);

    public static string Describe(INode n) => n switch
    {
        BlankNode => "a blank node",
        _ => n.ToString() ?? "",
    };

    /// <summary>Length in Unicode code points (XPath counts characters, not UTF-16 units).</summary>
    public static int CodePointLength(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }
}
