using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>Functions on RDF terms (§17.4.1, §17.4.2) and RDF 1.2 triple terms and base directions.</summary>
internal static class TermFunctions
{
    public static void Register(Builtins.Registrar add)
    {
        add("ISIRI", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is IriNode));
        add("ISURI", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is IriNode));
        add("ISBLANK", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is BlankNode));
        add("ISLITERAL", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is LiteralNode));
        add("ISNUMERIC", 1, 1, (a, _) => XsdLexical.Boolean(Numeric.TryFrom(a[0], out Numeric _)));
        add("ISTRIPLE", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is TripleNode));
        add("SAMETERM", 2, 2, (a, _) => XsdLexical.Boolean(a[0].Equals(a[1])));
        add("STR", 1, 1, (a, _) => Str(a[0]));
        add("LANG", 1, 1, (a, _) => a[0] is LiteralNode l ? new LiteralNode(l.Language ?? "") : throw new ExpressionError("LANG: expected a literal, got " + StringArgs.Describe(a[0])));
        add("LANGDIR", 1, 1, (a, _) => a[0] is LiteralNode l ? new LiteralNode(l.Direction ?? "") : throw new ExpressionError("LANGDIR: expected a literal, got " + StringArgs.Describe(a[0])));
        // SPARQL 1.2: hasLANG and hasLANGDIR are false, not errors, for IRIs and blank nodes.
        add("HASLANG", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is LiteralNode { Language: not null }));
        add("HASLANGDIR", 1, 1, (a, _) => XsdLexical.Boolean(a[0] is LiteralNode { Direction: not null }));
        add("DATATYPE", 1, 1, (a, _) => a[0] is LiteralNode l ? l.Datatype : throw new ExpressionError("DATATYPE: expected a literal, got " + StringArgs.Describe(a[0])));
        add("IRI", 1, 1, (a, c) => MakeIri(a[0], c, "IRI"));
        add("URI", 1, 1, (a, c) => MakeIri(a[0], c, "URI"));
        add("BNODE", 0, 1, (a, c) => a.Count == 0 ? c.FreshBNode() : c.BNodeFor(StringArgs.Simple(a[0], "BNODE"), c.SolutionId));
        add("STRDT", 2, 2, (a, _) => StrDt(a[0], a[1]));
        add("STRLANG", 2, 2, (a, _) => StrLang(a[0], a[1], null));
        add("STRLANGDIR", 3, 3, (a, _) => StrLang(a[0], a[1], a[2]));
        add("UUID", 0, 0, (_, c) => new IriNode("urn:uuid:" + NewUuid(c)));
        add("STRUUID", 0, 0, (_, c) => new LiteralNode(NewUuid(c)));
        add("TRIPLE", 3, 3, (a, _) => MakeTriple(a[0], a[1], a[2]));
        add("SUBJECT", 1, 1, (a, _) => a[0] is TripleNode t ? t.Triple.Subject : throw new ExpressionError("SUBJECT: expected a triple term."));
        add("PREDICATE", 1, 1, (a, _) => a[0] is TripleNode t ? t.Triple.Predicate : throw new ExpressionError("PREDICATE: expected a triple term."));
        add("OBJECT", 1, 1, (a, _) => a[0] is TripleNode t ? t.Triple.Object : throw new ExpressionError("OBJECT: expected a triple term."));
    }

    private static LiteralNode Str(INode n) => n switch
    {
        IriNode i => new LiteralNode(i.Value),
        LiteralNode l => new LiteralNode(l.Value),
        _ => throw new ExpressionError("STR: no string form for " + StringArgs.Describe(n)),
    };

    private static IriNode MakeIri(INode n, FunctionContext ctx, string fn)
    {
        if (n is IriNode i) return i;
        var s = StringArgs.Simple(n, fn);
        if (Rdf.Iri.IsAbsolute(s)) return CheckIri(new IriNode(Rdf.Iri.Resolve(s, s)), fn);
        if (ctx.BaseIri is null)
            throw new ExpressionError(fn + ": \"" + s + "\" is a relative IRI and the query has no base IRI.");
        return CheckIri(new IriNode(Rdf.Iri.Resolve(ctx.BaseIri, s)), fn);
    }

    private static IriNode CheckIri(IriNode iri, string fn)
    {
        foreach (var c in iri.Value)
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                throw new ExpressionError(fn + ": \"" + iri.Value + "\" is not a valid IRI.");
        return iri;
    }

    private static LiteralNode StrDt(INode lex, INode dt)
    {
        var s = StringArgs.Simple(lex, "STRDT");
        if (dt is not IriNode iri) throw new ExpressionError("STRDT: the datatype must be an IRI.");
        if (iri.Value == Vocab.Rdf.LangString || iri.Value == Vocab.Rdf.DirLangString)
            throw new ExpressionError("STRDT: rdf:langString needs a language tag; use STRLANG.");
        return LiteralNode.Typed(s, iri);
    }

    private static LiteralNode StrLang(INode lex, INode lang, INode? dir)
    {
        var s = StringArgs.Simple(lex, "STRLANG");
        var tag = StringArgs.Simple(lang, "STRLANG");
        if (!IsLanguageTag(tag)) throw new ExpressionError("STRLANG: \"" + tag + "\" is not a language tag.");
        string? d = null;
        if (dir is not null)
        {
            d = StringArgs.Simple(dir, "STRLANGDIR");
            if (d is not ("ltr" or "rtl")) throw new ExpressionError("STRLANGDIR: the direction must be \"ltr\" or \"rtl\", got \"" + d + "\".");
        }
        return LiteralNode.LangString(s, tag, d);
    }

    /// <summary>BCP 47 shape as Turtle's LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.</summary>
    internal static bool IsLanguageTag(string tag)
    {
        if (tag.Length == 0) return false;
        var i = 0;
        while (i < tag.Length && char.IsAsciiLetter(tag[i])) i++;
        if (i == 0) return false;
        while (i < tag.Length)
        {
            if (tag[i] != '-') return false;
            var start = ++i;
            while (i < tag.Length && char.IsAsciiLetterOrDigit(tag[i])) i++;
            if (i == start) return false;
        }
        return true;
    }

    private static string NewUuid(FunctionContext ctx)
    {
        // Version 4 UUIDs from the query's random source are unique enough and keep seeded runs repeatable.
        Span<byte> b = stackalloc byte[16];
        ctx.Random.NextBytes(b);
        b[6] = (byte)(b[6] & 0x0F | 0x40);
        b[8] = (byte)(b[8] & 0x3F | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return hex[..8] + "-" + hex[8..12] + "-" + hex[12..16] + "-" + hex[16..20] + "-" + hex[20..];
    }

    private static TripleNode MakeTriple(INode s, INode p, INode o)
    {
        if (s is not (IriNode or BlankNode)) throw new ExpressionError("TRIPLE: the subject must be an IRI or a blank node.");
        if (p is not IriNode pi) throw new ExpressionError("TRIPLE: the predicate must be an IRI.");
        return new TripleNode(new Triple(s, pi, o));
    }
}
