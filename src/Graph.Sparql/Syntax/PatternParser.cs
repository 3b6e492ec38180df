using Graph.Rdf;
using Graph.Sparql.Algebra;

namespace Graph.Sparql.Syntax;

/// <summary>
/// Graph patterns (§19.8 GroupGraphPattern .. GraphNodePath), translated to algebra as they are read (§18.2.2).
/// SPARQL Update reuses <see cref="TriplesTemplate"/> and <see cref="GroupGraphPattern"/>.
/// </summary>
public sealed class PatternParser
{
    private readonly ParseContext _ctx;
    private readonly ExpressionParser _exprs;

    public PatternParser(ParseContext ctx, ExpressionParser exprs)
    {
        _ctx = ctx;
        _exprs = exprs;
        exprs.Patterns = this;
    }

    /// <summary>Reads a sub-select when a group starts with SELECT (set by the query parser).</summary>
    public Func<Op>? SubSelect { get; set; }

    /// <summary>An item of a triples block: a triple pattern or a path pattern.</summary>
    private abstract record Item;
    private sealed record TripleItem(TriplePattern Pattern) : Item;
    private sealed record PathItem(Term S, PropertyPath Path, Term O) : Item;

    private bool _lastGroupHadFilters;

    public Op GroupGraphPattern()
    {
        _ctx.Enter();
        try
        {
            _ctx.Expect("{");
            if (_ctx.Peek().IsKeyword("SELECT"))
            {
                if (SubSelect is null) throw _ctx.Error(_ctx.Peek(), "a sub-query is not allowed here");
                var sub = SubSelect();
                _ctx.Expect("}");
                _lastGroupHadFilters = false;
                return sub;
            }
            _ctx.NewBgpScope();
            Op? g = null;
            var filters = new List<Expr>();
            var block = new List<Item>();
            // Every item of a group after the first wraps its algebra once more (Join, LeftJoin, Minus, Extend, and
            // the && of its filters): each is a link of the group's chain.
            void Flush()
            {
                if (block.Count == 0) return;
                if (g is not null) _ctx.Link(_ctx.Peek());
                g = Join(g, Translate(block));
                block = [];
            }
            while (true)
            {
                var t = _ctx.Peek();
                if (t.Is("}")) { _ctx.Take(); break; }
                if (StartsTriples(t))
                {
                    TriplesSameSubject(block, allowPaths: true);
                    if (_ctx.Accept(".")) continue;
                    var n = _ctx.Peek();
                    if (!n.Is("}") && !StartsNonTriples(n)) throw _ctx.Expected("'.', '}' or a graph pattern");
                    continue;
                }
                if (t.IsKeyword("FILTER"))
                {
                    var filter = _ctx.Take();
                    if (filters.Count > 0) _ctx.Link(filter);
                    filters.Add(Constraint());
                    _ctx.Accept(".");
                    continue;
                }
                Flush();
                if (g is not null) _ctx.Link(t);
                if (t.Is("{"))
                {
                    var a = GroupGraphPattern();
                    while (_ctx.Peek().IsKeyword("UNION"))
                    {
                        _ctx.Link(_ctx.Take());
                        a = new UnionOp(a, GroupGraphPattern());
                    }
                    g = Join(g, a);
                }
                else if (t.IsKeyword("OPTIONAL"))
                {
                    _ctx.Take();
                    var a = GroupGraphPattern();
                    // Only the OPTIONAL group's own filters become the LeftJoin condition (§18.2.2.6), not those of a nested group.
                    g = a is FilterOp f && _lastGroupHadFilters
                        ? new LeftJoinOp(g ?? TableOp.Unit(), f.Inner, Conjunction(f.Exprs))
                        : new LeftJoinOp(g ?? TableOp.Unit(), a, null);
                }
                else if (t.IsKeyword("MINUS"))
                {
                    _ctx.Take();
                    g = new MinusOp(g ?? TableOp.Unit(), GroupGraphPattern());
                }
                else if (t.IsKeyword("GRAPH"))
                {
                    _ctx.Take();
                    var name = VarOrIri();
                    g = Join(g, new GraphOp(name, GroupGraphPattern()));
                }
                else if (t.IsKeyword("SERVICE"))
                {
                    _ctx.Take();
                    var silent = _ctx.AcceptKeyword("SILENT");
                    var ep = VarOrIri();
                    var open = _ctx.Peek().Start;
                    var inner = GroupGraphPattern();
                    var close = _ctx.Tokens.Peek(-1).End;
                    g = Join(g, new ServiceOp(ep, inner, silent) { PatternText = _ctx.Tokens.Text[open..close], Prologue = Prologue() });
                }
                else if (t.IsKeyword("BIND"))
                {
                    _ctx.Take();
                    _ctx.Expect("(");
                    var e = _exprs.Expression();
                    _ctx.ExpectKeyword("AS");
                    var v = ExpectVar();
                    _ctx.Expect(")");
                    if (g is not null && g.MaybeVars().Contains(v.Text))
                        throw _ctx.Error(v, $"BIND assigns ?{v.Text}, which is already in scope");
                    g = new ExtendOp(g ?? TableOp.Unit(), v.Text, e);
                }
                else if (t.IsKeyword("VALUES"))
                {
                    _ctx.Take();
                    g = Join(g, DataBlock());
                }
                else throw _ctx.Expected("a triple pattern, FILTER, OPTIONAL, UNION, MINUS, GRAPH, BIND, VALUES or '}'");
                _ctx.Accept(".");
                _ctx.NewBgpScope();
            }
            Flush();
            var result = g ?? TableOp.Unit();
            _lastGroupHadFilters = filters.Count > 0;
            return filters.Count > 0 ? new FilterOp(filters, result) : result;
        }
        finally { _ctx.Leave(); }
    }

    public static Expr Conjunction(IReadOnlyList<Expr> exprs)
    {
        var e = exprs[0];
        for (var i = 1; i < exprs.Count; i++) e = new CallExpr("&&", [e, exprs[i]]);
        return e;
    }

    /// <summary>Join with the §18.2.2.8 simplification: the unit table disappears.</summary>
    public static Op Join(Op? left, Op right)
    {
        if (left is null || left is TableOp { IsUnit: true }) return right;
        if (right is TableOp { IsUnit: true }) return left;
        if (left is BgpOp lb && right is BgpOp rb) return new BgpOp([.. lb.Patterns, .. rb.Patterns]);
        return new JoinOp(left, right);
    }

    private static bool StartsNonTriples(Token t) => t.Is("{") || t.IsKeyword("FILTER") || t.IsKeyword("OPTIONAL") || t.IsKeyword("MINUS")
        || t.IsKeyword("GRAPH") || t.IsKeyword("SERVICE") || t.IsKeyword("BIND") || t.IsKeyword("VALUES");

    private static bool StartsTriples(Token t) => t.Kind switch
    {
        TokenKind.Var or TokenKind.Iri or TokenKind.PrefixedName or TokenKind.BlankNode or TokenKind.String
            or TokenKind.Integer or TokenKind.Decimal or TokenKind.Double => true,
        TokenKind.Punct => t.Text is "(" or "[" or "+" or "-",
        TokenKind.Name => t.IsKeyword("true") || t.IsKeyword("false"),
        _ => false,
    };

    public Expr Constraint()
    {
        var t = _ctx.Peek();
        if (t.Is("("))
        {
            _ctx.Take();
            var e = _exprs.Expression();
            _ctx.Expect(")");
            return e;
        }
        if (t.Kind is TokenKind.Name or TokenKind.Iri or TokenKind.PrefixedName)
        {
            var e = _exprs.Expression();
            return e;
        }
        throw _ctx.Expected("'(' or a function call after FILTER");
    }

    private Op Translate(List<Item> items)
    {
        var triples = new List<TriplePattern>();
        Op? result = null;
        foreach (var item in items)
        {
            switch (item)
            {
                case TripleItem t: triples.Add(t.Pattern); break;
                case PathItem p: AddPath(p.S, p.Path, p.O, triples, ref result); break;
            }
        }
        if (triples.Count > 0) result = Join(result, new BgpOp(triples));
        return result ?? TableOp.Unit();
    }

    // §18.2.2.4: links become triples, inverses swap ends, sequences get a fresh middle variable.
    private void AddPath(Term s, PropertyPath path, Term o, List<TriplePattern> triples, ref Op? result)
    {
        switch (path)
        {
            case LinkPath l: triples.Add(new TriplePattern(s, Term.Constant(l.Iri), o)); break;
            case InversePath i: AddPath(o, i.Inner, s, triples, ref result); break;
            case SequencePath q:
                var mid = Term.Variable(_ctx.FreshVar("p"));
                AddPath(s, q.Left, mid, triples, ref result);
                AddPath(mid, q.Right, o, triples, ref result);
                break;
            default:
                if (triples.Count > 0)
                {
                    result = Join(result, new BgpOp([.. triples]));
                    triples.Clear();
                }
                result = Join(result, new PathOp(s, path, o));
                break;
        }
    }

    /// <summary>Triples for CONSTRUCT templates and update data: no paths, no variables-as-paths.</summary>
    public List<TriplePattern> TriplesTemplate(string closing) => TriplesTemplate(t => t.Is(closing), "'" + closing + "'");

    /// <summary>Template triples up to a token <paramref name="stop"/> accepts (update quads stop at '}' or GRAPH).</summary>
    public List<TriplePattern> TriplesTemplate(Func<Token, bool> stop, string stopText)
    {
        var items = new List<Item>();
        while (!stop(_ctx.Peek()))
        {
            if (!StartsTriples(_ctx.Peek())) throw _ctx.Expected("a triple or " + stopText);
            TriplesSameSubject(items, allowPaths: false);
            if (!_ctx.Accept(".")) break;
        }
        return items.Select(i => ((TripleItem)i).Pattern).ToList();
    }

    private void TriplesSameSubject(List<Item> items, bool allowPaths)
    {
        var t = _ctx.Peek();
        Term subject;
        if (t.Is("[") && !_ctx.Peek(1).Is("]"))
        {
            subject = BlankNodePropertyList(items, allowPaths);
            if (StartsVerb(_ctx.Peek())) PropertyList(subject, items, allowPaths);
            return;
        }
        if (t.Is("(") && !_ctx.Peek(1).Is(")"))
        {
            subject = Collection(items, allowPaths);
            if (StartsVerb(_ctx.Peek())) PropertyList(subject, items, allowPaths);
            return;
        }
        subject = VarOrTerm();
        PropertyList(subject, items, allowPaths, required: true);
    }

    private static bool StartsVerb(Token t) => t.Kind is TokenKind.Var or TokenKind.Iri or TokenKind.PrefixedName
        || (t.Kind == TokenKind.Name && t.Text == "a") || (t.Kind == TokenKind.Punct && t.Text is "^" or "!" or "(");

    private void PropertyList(Term subject, List<Item> items, bool allowPaths, bool required = false)
    {
        if (!StartsVerb(_ctx.Peek()))
        {
            if (required) throw _ctx.Expected("a predicate");
            return;
        }
        while (true)
        {
            var t = _ctx.Peek();
            Term? verb = null;
            PropertyPath? path = null;
            if (t.Kind == TokenKind.Var) { _ctx.Take(); verb = Term.Variable(t.Text); }
            else if (allowPaths)
            {
                path = Path();
                if (path is LinkPath l) { verb = Term.Constant(l.Iri); path = null; }
            }
            else if (t.Kind == TokenKind.Name && t.Text == "a") { _ctx.Take(); verb = Term.Constant(Vocab.Rdf.TypeNode); }
            else verb = Term.Constant(_ctx.ExpectIri());
            do
            {
                var o = GraphNode(items, allowPaths);
                if (path is not null) items.Add(new PathItem(subject, path, o));
                else items.Add(new TripleItem(new TriplePattern(subject, verb!.Value, o)));
            }
            while (_ctx.Accept(","));
            if (!_ctx.Accept(";")) return;
            while (_ctx.Accept(";")) { }
            if (!StartsVerb(_ctx.Peek())) return;
        }
    }

    private Term GraphNode(List<Item> items, bool allowPaths)
    {
        var t = _ctx.Peek();
        if (t.Is("[") && !_ctx.Peek(1).Is("]")) return BlankNodePropertyList(items, allowPaths);
        if (t.Is("(") && !_ctx.Peek(1).Is(")")) return Collection(items, allowPaths);
        return VarOrTerm();
    }

    private Term BlankNodePropertyList(List<Item> items, bool allowPaths)
    {
        _ctx.Enter();
        try
        {
            _ctx.Expect("[");
            var node = Term.Variable(_ctx.AnonVar());
            PropertyList(node, items, allowPaths, required: true);
            _ctx.Expect("]");
            return node;
        }
        finally { _ctx.Leave(); }
    }

    private Term Collection(List<Item> items, bool allowPaths)
    {
        _ctx.Enter();
        try
        {
            _ctx.Expect("(");
            var members = new List<Term>();
            while (!_ctx.Accept(")"))
            {
                if (_ctx.Peek().Kind == TokenKind.End) throw _ctx.Expected("')'");
                members.Add(GraphNode(items, allowPaths));
            }
            var head = Term.Constant(Vocab.Rdf.NilNode);
            for (var i = members.Count - 1; i >= 0; i--)
            {
                var cell = Term.Variable(_ctx.AnonVar());
                items.Add(new TripleItem(new TriplePattern(cell, Term.Constant(Vocab.Rdf.FirstNode), members[i])));
                items.Add(new TripleItem(new TriplePattern(cell, Term.Constant(Vocab.Rdf.RestNode), head)));
                head = cell;
            }
            // Cells are listed first-to-last for readability of plans.
            return head;
        }
        finally { _ctx.Leave(); }
    }

    public Term VarOrIri()
    {
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.Var) { _ctx.Take(); return Term.Variable(t.Text); }
        return Term.Constant(_ctx.ExpectIri());
    }

    public Token ExpectVar()
    {
        var t = _ctx.Peek();
        if (t.Kind != TokenKind.Var) throw _ctx.Expected("a variable");
        return _ctx.Take();
    }

    public Term VarOrTerm()
    {
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.Var) { _ctx.Take(); return Term.Variable(t.Text); }
        if (t.Kind == TokenKind.BlankNode) { _ctx.Take(); return Term.Variable(_ctx.BlankVar(t)); }
        if (t.Is("[") && _ctx.Peek(1).Is("]")) { _ctx.Take(); _ctx.Take(); return Term.Variable(_ctx.AnonVar()); }
        return Term.Constant(GraphTerm());
    }

    /// <summary>iri | RDFLiteral | NumericLiteral (signed) | BooleanLiteral | NIL.</summary>
    public INode GraphTerm()
    {
        var t = _ctx.Peek();
        switch (t.Kind)
        {
            case TokenKind.Iri:
            case TokenKind.PrefixedName:
                return _ctx.ExpectIri();
            case TokenKind.String:
            case TokenKind.Integer:
            case TokenKind.Decimal:
            case TokenKind.Double:
                return _exprs.Literal();
            case TokenKind.Name when t.IsKeyword("true") || t.IsKeyword("false"):
                _ctx.Take();
                return LiteralNode.Typed(t.Text.ToLowerInvariant(), Vocab.Xsd.BooleanNode);
            case TokenKind.Punct when t.Text is "+" or "-":
            {
                var n = _ctx.Peek(1);
                if (n.Kind is TokenKind.Integer or TokenKind.Decimal or TokenKind.Double && SparqlTokenizer.Adjacent(t, n))
                {
                    _ctx.Take();
                    var lit = _exprs.Literal();
                    return LiteralNode.Typed(t.Text + lit.Value, lit.Datatype);
                }
                break;
            }
            case TokenKind.Punct when t.Text == "(" && _ctx.Peek(1).Is(")"):
                _ctx.Take();
                _ctx.Take();
                return Vocab.Rdf.NilNode;
        }
        throw _ctx.Expected("a variable, IRI, literal or blank node");
    }

    private PropertyPath Path()
    {
        _ctx.Enter();
        try
        {
            var left = PathSequence();
            while (_ctx.Peek().Is("|"))
            {
                _ctx.Link(_ctx.Take());
                left = new AlternativePath(left, PathSequence());
            }
            return left;
        }
        finally { _ctx.Leave(); }
    }

    private PropertyPath PathSequence()
    {
        var left = PathEltOrInverse();
        while (_ctx.Peek().Is("/"))
        {
            _ctx.Link(_ctx.Take());
            left = new SequencePath(left, PathEltOrInverse());
        }
        return left;
    }

    private PropertyPath PathEltOrInverse()
    {
        if (_ctx.Accept("^")) return new InversePath(PathElt());
        return PathElt();
    }

    private PropertyPath PathElt()
    {
        var p = PathPrimary();
        var t = _ctx.Peek();
        if (t.Is("?")) { _ctx.Take(); return new ZeroOrOnePath(p); }
        if (t.Is("*")) { _ctx.Take(); return new ZeroOrMorePath(p); }
        if (t.Is("+")) { _ctx.Take(); return new OneOrMorePath(p); }
        return p;
    }

    private PropertyPath PathPrimary()
    {
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.Name && t.Text == "a") { _ctx.Take(); return new LinkPath(Vocab.Rdf.TypeNode); }
        if (t.Is("("))
        {
            _ctx.Take();
            var p = Path();
            _ctx.Expect(")");
            return p;
        }
        if (t.Is("!"))
        {
            _ctx.Take();
            var fwd = new List<IriNode>();
            var inv = new List<IriNode>();
            if (_ctx.Accept("("))
            {
                if (!_ctx.Peek().Is(")"))
                {
                    do OneInPropertySet(fwd, inv); while (_ctx.Accept("|"));
                }
                _ctx.Expect(")");
            }
            else OneInPropertySet(fwd, inv);
            return new NegatedPath(fwd, inv);
        }
        if (t.Kind is TokenKind.Iri or TokenKind.PrefixedName) return new LinkPath(_ctx.ExpectIri());
        throw _ctx.Expected("a predicate or path");
    }

    private void OneInPropertySet(List<IriNode> fwd, List<IriNode> inv)
    {
        var inverse = _ctx.Accept("^");
        var t = _ctx.Peek();
        IriNode iri;
        if (t.Kind == TokenKind.Name && t.Text == "a") { _ctx.Take(); iri = Vocab.Rdf.TypeNode; }
        else iri = _ctx.ExpectIri();
        (inverse ? inv : fwd).Add(iri);
    }

    /// <summary>VALUES data: one variable with a list of values, or a row-per-parenthesis table.</summary>
    public TableOp DataBlock()
    {
        var vars = new List<string>();
        var rows = new List<INode?[]>();
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.Var)
        {
            _ctx.Take();
            vars.Add(t.Text);
            _ctx.Expect("{");
            while (!_ctx.Accept("}")) rows.Add([DataValue()]);
            return new TableOp(vars, rows);
        }
        _ctx.Expect("(");
        while (!_ctx.Accept(")"))
        {
            var v = ExpectVar();
            if (vars.Contains(v.Text)) throw _ctx.Error(v, $"?{v.Text} appears twice in VALUES");
            vars.Add(v.Text);
        }
        _ctx.Expect("{");
        while (!_ctx.Accept("}"))
        {
            var open = _ctx.Expect("(");
            var row = new List<INode?>();
            while (!_ctx.Accept(")")) row.Add(DataValue());
            if (row.Count != vars.Count) throw _ctx.Error(open, $"a VALUES row has {row.Count} values for {vars.Count} variables");
            rows.Add([.. row]);
        }
        return new TableOp(vars, rows);
    }

    private INode? DataValue()
    {
        if (_ctx.AcceptKeyword("UNDEF")) return null;
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.BlankNode || t.Is("[") || t.Kind == TokenKind.Var)
            throw _ctx.Error(t, "VALUES data must be IRIs, literals or UNDEF");
        if (t.Is("(")) throw _ctx.Expected("an IRI, literal or UNDEF");
        return GraphTerm();
    }

    /// <summary>The BASE and PREFIX declarations in force now, as query text.</summary>
    private string Prologue()
    {
        var sb = new System.Text.StringBuilder();
        if (_ctx.BaseIri is not null) sb.Append("BASE ").Append(NTriplesText.Iri(_ctx.BaseIri)).Append('\n');
        foreach (var (p, ns) in _ctx.Prefixes.Prefixes.OrderBy(x => x.Key, StringComparer.Ordinal))
            sb.Append("PREFIX ").Append(p).Append(": ").Append(NTriplesText.Iri(ns)).Append('\n');
        return sb.ToString();
    }
}
