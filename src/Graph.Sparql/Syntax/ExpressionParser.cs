using Graph.Rdf;
using Graph.Sparql.Algebra;

namespace Graph.Sparql.Syntax;

/// <summary>SPARQL expressions (§19.8 rules Expression .. PrimaryExpression), built-in calls and aggregates.</summary>
public sealed class ExpressionParser(ParseContext ctx)
{
    /// <summary>Set by the pattern parser so that EXISTS { ... } can read a group.</summary>
    public PatternParser? Patterns { get; set; }

    /// <summary>Whether aggregates are allowed where the expression being read appears (SELECT, HAVING, ORDER BY).</summary>
    public bool AllowAggregates { get; set; }

    // name → (min args, max args); -1 = unbounded.
    private static readonly Dictionary<string, (int Min, int Max)> s_builtins = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STR"] = (1, 1), ["LANG"] = (1, 1), ["LANGMATCHES"] = (2, 2), ["DATATYPE"] = (1, 1), ["BOUND"] = (1, 1),
        ["IRI"] = (1, 1), ["URI"] = (1, 1), ["BNODE"] = (0, 1), ["RAND"] = (0, 0), ["ABS"] = (1, 1), ["CEIL"] = (1, 1),
        ["FLOOR"] = (1, 1), ["ROUND"] = (1, 1), ["CONCAT"] = (0, -1), ["STRLEN"] = (1, 1), ["UCASE"] = (1, 1),
        ["LCASE"] = (1, 1), ["ENCODE_FOR_URI"] = (1, 1), ["CONTAINS"] = (2, 2), ["STRSTARTS"] = (2, 2),
        ["STRENDS"] = (2, 2), ["STRBEFORE"] = (2, 2), ["STRAFTER"] = (2, 2), ["YEAR"] = (1, 1), ["MONTH"] = (1, 1),
        ["DAY"] = (1, 1), ["HOURS"] = (1, 1), ["MINUTES"] = (1, 1), ["SECONDS"] = (1, 1), ["TIMEZONE"] = (1, 1),
        ["TZ"] = (1, 1), ["NOW"] = (0, 0), ["UUID"] = (0, 0), ["STRUUID"] = (0, 0), ["MD5"] = (1, 1), ["SHA1"] = (1, 1),
        ["SHA256"] = (1, 1), ["SHA384"] = (1, 1), ["SHA512"] = (1, 1), ["COALESCE"] = (0, -1), ["IF"] = (3, 3),
        ["STRLANG"] = (2, 2), ["STRDT"] = (2, 2), ["SAMETERM"] = (2, 2), ["ISIRI"] = (1, 1), ["ISURI"] = (1, 1),
        ["ISBLANK"] = (1, 1), ["ISLITERAL"] = (1, 1), ["ISNUMERIC"] = (1, 1), ["REGEX"] = (2, 3), ["SUBSTR"] = (2, 3),
        ["REPLACE"] = (3, 4),
        // SPARQL 1.2 additions that the function library understands.
        ["LANGDIR"] = (1, 1), ["HASLANG"] = (1, 1), ["HASLANGDIR"] = (1, 1), ["STRLANGDIR"] = (3, 3), ["ISTRIPLE"] = (1, 1),
        ["TRIPLE"] = (3, 3), ["SUBJECT"] = (1, 1), ["PREDICATE"] = (1, 1), ["OBJECT"] = (1, 1),
    };

    private static readonly HashSet<string> s_aggregates = new(StringComparer.OrdinalIgnoreCase)
        { "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT" };

    public static bool IsBuiltinName(string name) => s_builtins.ContainsKey(name) || s_aggregates.Contains(name)
        || name.Equals("EXISTS", StringComparison.OrdinalIgnoreCase) || name.Equals("NOT", StringComparison.OrdinalIgnoreCase);

    public Expr Expression()
    {
        ctx.Enter();
        try
        {
            var left = And();
            while (ctx.Peek().Is("||"))
            {
                ctx.Link(ctx.Take());
                left = new CallExpr("||", [left, And()]);
            }
            return left;
        }
        finally { ctx.Leave(); }
    }

    private Expr And()
    {
        var left = Relational();
        while (ctx.Peek().Is("&&"))
        {
            ctx.Link(ctx.Take());
            left = new CallExpr("&&", [left, Relational()]);
        }
        return left;
    }

    private Expr Relational()
    {
        var left = Additive();
        var t = ctx.Peek();
        if (t.Kind == TokenKind.Punct && t.Text is "=" or "!=" or "<" or ">" or "<=" or ">=")
        {
            ctx.Take();
            return new CallExpr(t.Text, [left, Additive()]);
        }
        if (t.IsKeyword("IN"))
        {
            ctx.Take();
            return new InExpr(left, ExpressionList(), false);
        }
        if (t.IsKeyword("NOT") && ctx.Peek(1).IsKeyword("IN"))
        {
            ctx.Take();
            ctx.Take();
            return new InExpr(left, ExpressionList(), true);
        }
        return left;
    }

    private List<Expr> ExpressionList()
    {
        ctx.Expect("(");
        var list = new List<Expr>();
        if (ctx.Accept(")")) return list;
        do list.Add(Expression()); while (ctx.Accept(","));
        ctx.Expect(")");
        return list;
    }

    private Expr Additive()
    {
        var left = Multiplicative();
        while (true)
        {
            var t = ctx.Peek();
            if (t.Is("+") || t.Is("-"))
            {
                ctx.Link(ctx.Take());
                left = new CallExpr(t.Text, [left, Multiplicative()]);
            }
            else return left;
        }
    }

    private Expr Multiplicative()
    {
        var left = Unary();
        while (true)
        {
            var t = ctx.Peek();
            if (t.Is("*") || t.Is("/"))
            {
                ctx.Link(ctx.Take());
                left = new CallExpr(t.Text, [left, Unary()]);
            }
            else return left;
        }
    }

    private Expr Unary()
    {
        var t = ctx.Peek();
        if (t.Is("!") || t.Is("-") || t.Is("+"))
        {
            ctx.Take();
            ctx.Enter();
            try
            {
                // UnaryExpression is '!' / '+' / '-' then a PrimaryExpression: "!!x" and "- -x" are not SPARQL.
                var inner = Primary();
                // A sign touching a number is part of the literal, as in the grammar's NumericLiteralNegative.
                if (t.Text != "!" && inner is ConstExpr { Value: LiteralNode l } && IsNumericToken(t, l))
                    return new ConstExpr(LiteralNode.Typed(t.Text + l.Value, l.Datatype));
                return new CallExpr(t.Text switch { "!" => "!", "-" => "u-", _ => "u+" }, [inner]);
            }
            finally { ctx.Leave(); }
        }
        return Primary();
    }

    private bool IsNumericToken(Token sign, LiteralNode l)
    {
        var prevIndex = ctx.Tokens.Position - 1;
        var numberToken = ctx.Tokens.Peek(-1);
        _ = prevIndex;
        return numberToken.Kind is TokenKind.Integer or TokenKind.Decimal or TokenKind.Double
            && SparqlTokenizer.Adjacent(sign, numberToken) && numberToken.Text == l.Value
            && !l.Value.StartsWith('+') && !l.Value.StartsWith('-');
    }

    private Expr Primary()
    {
        var t = ctx.Peek();
        switch (t.Kind)
        {
            case TokenKind.Punct when t.Text == "(":
                ctx.Take();
                var e = Expression();
                ctx.Expect(")");
                return e;
            case TokenKind.Var:
                ctx.Take();
                return new VarExpr(t.Text);
            case TokenKind.Iri:
            case TokenKind.PrefixedName:
            {
                var iri = ctx.ExpectIri();
                if (ctx.Peek().Is("(")) return FunctionCall(iri.Value);
                return new ConstExpr(iri);
            }
            case TokenKind.String:
            case TokenKind.Integer:
            case TokenKind.Decimal:
            case TokenKind.Double:
                return new ConstExpr(Literal());
            case TokenKind.Name:
                if (t.IsKeyword("true") || t.IsKeyword("false"))
                {
                    ctx.Take();
                    return new ConstExpr(LiteralNode.Typed(t.Text.ToLowerInvariant(), Vocab.Xsd.BooleanNode));
                }
                return BuiltinCall();
        }
        throw ctx.Expected("an expression");
    }

    /// <summary>RDFLiteral or NumericLiteral (unsigned) at the current token.</summary>
    public LiteralNode Literal()
    {
        var t = ctx.Take();
        switch (t.Kind)
        {
            case TokenKind.Integer: return LiteralNode.Typed(t.Text, Vocab.Xsd.IntegerNode);
            case TokenKind.Decimal: return LiteralNode.Typed(t.Text, Vocab.Xsd.DecimalNode);
            case TokenKind.Double: return LiteralNode.Typed(t.Text, Vocab.Xsd.DoubleNode);
            case TokenKind.String:
                if (ctx.Peek().Kind == TokenKind.LangTag)
                {
                    var tag = ctx.Take().Text;
                    var dir = tag.IndexOf("--", StringComparison.Ordinal);
                    return dir > 0 ? LiteralNode.LangString(t.Text, tag[..dir], tag[(dir + 2)..]) : LiteralNode.LangString(t.Text, tag);
                }
                if (ctx.Accept("^^"))
                {
                    var dt = ctx.ExpectIri();
                    if (dt.Value is Vocab.Rdf.LangString or Vocab.Rdf.DirLangString)
                        return LiteralNode.LangString(t.Text, "und");
                    return LiteralNode.Typed(t.Text, dt);
                }
                return new LiteralNode(t.Text);
        }
        throw ctx.Error(t, $"expected a literal, found {t.Describe()}");
    }

    private Expr FunctionCall(string iri)
    {
        ctx.Expect("(");
        var args = new List<Expr>();
        if (!ctx.Accept(")"))
        {
            var distinct = ctx.AcceptKeyword("DISTINCT");
            do args.Add(Expression()); while (ctx.Accept(","));
            ctx.Expect(")");
            if (distinct && !AllowAggregates) throw ctx.Error(ctx.Peek(), "DISTINCT in a function call is only allowed for an aggregate");
        }
        return new CallExpr(iri, args, isIri: true);
    }

    private Expr BuiltinCall()
    {
        var t = ctx.Take();
        var name = t.Text.ToUpperInvariant();
        if (name == "NOT")
        {
            if (!ctx.Peek().IsKeyword("EXISTS")) throw ctx.Expected("EXISTS after NOT");
            ctx.Take();
            return new ExistsExpr(ExistsGroup(), negated: true);
        }
        if (name == "EXISTS") return new ExistsExpr(ExistsGroup(), negated: false);
        if (s_aggregates.Contains(name)) return Aggregate(t, name);
        if (!s_builtins.TryGetValue(name, out var arity))
            throw ctx.Error(t, $"unknown function or keyword '{t.Text}'");
        var args = new List<Expr>();
        ctx.Expect("(");
        if (name == "BOUND")
        {
            var v = ctx.Peek();
            if (v.Kind != TokenKind.Var) throw ctx.Expected("a variable in BOUND()");
            ctx.Take();
            args.Add(new VarExpr(v.Text));
        }
        else if (!ctx.Peek().Is(")"))
        {
            do args.Add(Expression()); while (ctx.Accept(","));
        }
        ctx.Expect(")");
        if (args.Count < arity.Min || (arity.Max >= 0 && args.Count > arity.Max))
            throw ctx.Error(t, $"{name} takes {(arity.Min == arity.Max ? arity.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) : arity.Min + " to " + (arity.Max < 0 ? "any" : arity.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)))} arguments, not {args.Count}");
        if (name == "URI") name = "IRI";
        return new CallExpr(name, args);
    }

    private Op ExistsGroup()
    {
        if (Patterns is null) throw ctx.Error(ctx.Peek(), "EXISTS is not allowed here");
        var saved = ctx.BgpScope;
        var op = Patterns.GroupGraphPattern();
        ctx.BgpScope = saved;
        return op;
    }

    private Expr Aggregate(Token t, string name)
    {
        if (!AllowAggregates) throw ctx.Error(t, $"aggregate {name} is not allowed here");
        ctx.Expect("(");
        var distinct = ctx.AcceptKeyword("DISTINCT");
        Expr? arg = null;
        string? separator = null;
        // Aggregates may not nest.
        AllowAggregates = false;
        try
        {
            if (name == "COUNT" && ctx.Accept("*")) { }
            else arg = Expression();
            if (name == "GROUP_CONCAT" && ctx.Accept(";"))
            {
                ctx.ExpectKeyword("SEPARATOR");
                ctx.Expect("=");
                var s = ctx.Take();
                if (s.Kind != TokenKind.String) throw ctx.Error(s, "expected a string after SEPARATOR =");
                separator = s.Text;
            }
        }
        finally { AllowAggregates = true; }
        ctx.Expect(")");
        return new AggregateExpr(name, distinct, arg, name == "GROUP_CONCAT" ? separator ?? " " : null);
    }
}
