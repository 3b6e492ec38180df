using System.Globalization;
using Graph.Rdf;
using Graph.Sparql.Algebra;

namespace Graph.Sparql.Syntax;

/// <summary>
/// Reads a SPARQL 1.1 query (prologue, SELECT/ASK/CONSTRUCT/DESCRIBE, dataset clauses, solution modifiers)
/// and translates it to algebra (§18.2.4-18.2.5). Errors are <see cref="RdfParseException"/>s with line and column.
/// </summary>
public sealed class QueryParser
{
    private readonly ParseContext _ctx;
    private readonly ExpressionParser _exprs;
    private readonly PatternParser _patterns;

    private QueryParser(string text, string? source, string? baseIri)
        : this(new ParseContext(text, source, baseIri))
    {
    }

    private QueryParser(ParseContext ctx)
    {
        _ctx = ctx;
        _exprs = new ExpressionParser(_ctx);
        _patterns = new PatternParser(_ctx, _exprs) { SubSelect = SubSelect };
    }

    /// <summary>A pattern parser over <paramref name="ctx"/> that reads sub-selects too (the update parser's WHERE clauses).</summary>
    public static PatternParser PatternsFor(ParseContext ctx) => new QueryParser(ctx)._patterns;

    /// <summary>Parses and translates a query. <paramref name="source"/> names the input in errors.</summary>
    public static Query Parse(string text, string? source = null, string? baseIri = null)
    {
        var p = new QueryParser(text, source, baseIri);
        return p.QueryUnit();
    }

    /// <summary>BASE and PREFIX declarations (also the start of an update request).</summary>
    public static void Prologue(ParseContext ctx)
    {
        while (true)
        {
            if (ctx.AcceptKeyword("BASE"))
            {
                var t = ctx.Take();
                if (t.Kind != TokenKind.Iri) throw ctx.Error(t, $"expected an IRI after BASE, found {t.Describe()}");
                ctx.BaseIri = ctx.BaseIri is null && !Iri.IsAbsolute(t.Text) ? throw ctx.Error(t, "relative BASE with no base IRI") : ctx.ResolveIri(t).Value;
            }
            else if (ctx.AcceptKeyword("PREFIX"))
            {
                var p = ctx.Take();
                if (p.Kind != TokenKind.PrefixedName || p.Local!.Length != 0) throw ctx.Error(p, $"expected a prefix name like 'ex:' after PREFIX, found {p.Describe()}");
                var iri = ctx.Take();
                if (iri.Kind != TokenKind.Iri) throw ctx.Error(iri, $"expected an IRI after PREFIX {p.Text}, found {iri.Describe()}");
                ctx.Prefixes.Add(p.Prefix!, ctx.ResolveIri(iri).Value);
            }
            else return;
        }
    }

    private Query QueryUnit()
    {
        Prologue(_ctx);
        var t = _ctx.Peek();
        Query q;
        if (t.IsKeyword("SELECT")) q = Select();
        else if (t.IsKeyword("CONSTRUCT")) q = Construct();
        else if (t.IsKeyword("ASK")) q = Ask();
        else if (t.IsKeyword("DESCRIBE")) q = Describe();
        else throw _ctx.Expected("SELECT, CONSTRUCT, ASK, DESCRIBE, PREFIX or BASE");
        if (_ctx.Peek().Kind != TokenKind.End) throw _ctx.Expected("end of query");
        return q;
    }

    private sealed class SelectClause
    {
        public bool Distinct, Reduced, Star;
        public List<(string Var, Expr? Expr, Token At)> Items = [];

        // The names of Items, so a long projection is checked for repeats in linear time.
        public HashSet<string> Names = new(StringComparer.Ordinal);
    }

    private SelectClause ReadSelectClause()
    {
        _ctx.ExpectKeyword("SELECT");
        var sc = new SelectClause();
        if (_ctx.AcceptKeyword("DISTINCT")) sc.Distinct = true;
        else if (_ctx.AcceptKeyword("REDUCED")) sc.Reduced = true;
        if (_ctx.Accept("*"))
        {
            sc.Star = true;
            return sc;
        }
        while (true)
        {
            var t = _ctx.Peek();
            if (t.Kind == TokenKind.Var)
            {
                _ctx.Take();
                if (!sc.Names.Add(t.Text)) throw _ctx.Error(t, $"?{t.Text} is selected twice");
                sc.Items.Add((t.Text, null, t));
            }
            else if (t.Is("("))
            {
                _ctx.Take();
                _exprs.AllowAggregates = true;
                var e = _exprs.Expression();
                _exprs.AllowAggregates = false;
                _ctx.ExpectKeyword("AS");
                var v = _patterns.ExpectVar();
                _ctx.Expect(")");
                if (!sc.Names.Add(v.Text)) throw _ctx.Error(v, $"?{v.Text} is selected twice");
                sc.Items.Add((v.Text, e, v));
            }
            else break;
        }
        if (sc.Items.Count == 0) throw _ctx.Expected("'*', a variable or '(' expression AS ?var ')' after SELECT");
        return sc;
    }

    private Query Select()
    {
        var sc = ReadSelectClause();
        var (from, named) = DatasetClauses();
        var (op, vars) = SelectBody(sc, subQuery: false);
        return new Query { Form = QueryForm.Select, Pattern = op, Variables = vars, From = from, FromNamed = named, BaseIri = _ctx.BaseIri, Prefixes = _ctx.Prefixes };
    }

    private Op SubSelect()
    {
        var sc = ReadSelectClause();
        var (op, _) = SelectBody(sc, subQuery: true);
        return op;
    }

    private (Op, List<string>) SelectBody(SelectClause sc, bool subQuery)
    {
        _ctx.AcceptKeyword("WHERE");
        var where = _patterns.GroupGraphPattern();
        return Modifiers(where, sc, subQuery);
    }

    private (List<IriNode>, List<IriNode>) DatasetClauses()
    {
        var from = new List<IriNode>();
        var named = new List<IriNode>();
        while (_ctx.AcceptKeyword("FROM"))
        {
            if (_ctx.AcceptKeyword("NAMED")) named.Add(_ctx.ExpectIri());
            else from.Add(_ctx.ExpectIri());
        }
        return (from, named);
    }

    private Query Ask()
    {
        _ctx.ExpectKeyword("ASK");
        var (from, named) = DatasetClauses();
        _ctx.AcceptKeyword("WHERE");
        var where = _patterns.GroupGraphPattern();
        var (op, _) = Modifiers(where, null, false);
        return new Query { Form = QueryForm.Ask, Pattern = op, From = from, FromNamed = named, BaseIri = _ctx.BaseIri, Prefixes = _ctx.Prefixes };
    }

    private Query Construct()
    {
        _ctx.ExpectKeyword("CONSTRUCT");
        List<TriplePattern> template;
        Op where;
        List<IriNode> from, named;
        if (_ctx.Peek().Is("{"))
        {
            _ctx.Take();
            _ctx.BlankPrefix = ".t:";
            _ctx.CheckLabelScopes = false;
            template = _patterns.TriplesTemplate("}");
            _ctx.Expect("}");
            _ctx.BlankPrefix = ".b:";
            _ctx.CheckLabelScopes = true;
            (from, named) = DatasetClauses();
            _ctx.AcceptKeyword("WHERE");
            where = _patterns.GroupGraphPattern();
        }
        else
        {
            // CONSTRUCT WHERE { triples }: the template is the pattern.
            (from, named) = DatasetClauses();
            _ctx.ExpectKeyword("WHERE");
            _ctx.Expect("{");
            _ctx.NewBgpScope();
            template = _patterns.TriplesTemplate("}");
            _ctx.Expect("}");
            where = template.Count == 0 ? TableOp.Unit() : new BgpOp(template);
        }
        var (op, _) = Modifiers(where, null, false);
        return new Query { Form = QueryForm.Construct, Pattern = op, Template = template, From = from, FromNamed = named, BaseIri = _ctx.BaseIri, Prefixes = _ctx.Prefixes };
    }

    private Query Describe()
    {
        _ctx.ExpectKeyword("DESCRIBE");
        var terms = new List<Term>();
        var star = _ctx.Accept("*");
        if (!star)
        {
            while (_ctx.Peek().Kind is TokenKind.Var or TokenKind.Iri or TokenKind.PrefixedName)
                terms.Add(_patterns.VarOrIri());
            if (terms.Count == 0) throw _ctx.Expected("'*', a variable or an IRI after DESCRIBE");
        }
        var (from, named) = DatasetClauses();
        Op where = TableOp.Unit();
        if (_ctx.AcceptKeyword("WHERE") || _ctx.Peek().Is("{")) where = _patterns.GroupGraphPattern();
        var (op, _) = Modifiers(where, null, false);
        if (star) terms = op.MaybeVars().Where(v => !Sse.IsHidden(v)).OrderBy(v => v, StringComparer.Ordinal).Select(Term.Variable).ToList();
        return new Query { Form = QueryForm.Describe, Pattern = op, DescribeTerms = terms, From = from, FromNamed = named, BaseIri = _ctx.BaseIri, Prefixes = _ctx.Prefixes };
    }

    /// <summary>GROUP BY .. LIMIT/OFFSET and the trailing VALUES, translated per §18.2.4-18.2.5.</summary>
    private (Op, List<string>) Modifiers(Op where, SelectClause? sc, bool subQuery)
    {
        var groupKeys = new List<GroupKey>();
        var groupToken = _ctx.Peek();
        var grouped = false;
        if (_ctx.Peek().IsKeyword("GROUP"))
        {
            _ctx.Take();
            _ctx.ExpectKeyword("BY");
            grouped = true;
            do groupKeys.Add(GroupCondition());
            while (StartsCondition(_ctx.Peek()));
        }
        var having = new List<Expr>();
        if (_ctx.AcceptKeyword("HAVING"))
        {
            _exprs.AllowAggregates = true;
            do having.Add(_patterns.Constraint());
            while (StartsCondition(_ctx.Peek()) && !_ctx.Peek().Is("?"));
            _exprs.AllowAggregates = false;
        }
        var order = new List<OrderCondition>();
        if (_ctx.Peek().IsKeyword("ORDER"))
        {
            _ctx.Take();
            _ctx.ExpectKeyword("BY");
            _exprs.AllowAggregates = true;
            do order.Add(OrderCondition());
            while (StartsCondition(_ctx.Peek()) || _ctx.Peek().IsKeyword("ASC") || _ctx.Peek().IsKeyword("DESC"));
            _exprs.AllowAggregates = false;
        }
        long? limit = null;
        long offset = 0;
        for (var i = 0; i < 2; i++)
        {
            if (limit is null && _ctx.AcceptKeyword("LIMIT")) limit = Count("LIMIT");
            else if (offset == 0 && _ctx.AcceptKeyword("OFFSET")) offset = Count("OFFSET");
        }
        TableOp? values = null;
        if ((sc is not null || !subQuery) && _ctx.AcceptKeyword("VALUES")) values = _patterns.DataBlock();

        // Aggregation (§18.2.4.1): every aggregate becomes a hidden variable bound by the Group operator.
        var aggregates = new List<AggregateBinding>();
        Expr Lift(Expr e) => Rewrite(e, x =>
        {
            if (x is not AggregateExpr a) return null;
            var existing = aggregates.FirstOrDefault(b => Sse.Expr(b.Aggregate) == Sse.Expr(a));
            if (existing is not null) return new VarExpr(existing.Var);
            var v = _ctx.FreshVar("agg");
            aggregates.Add(new AggregateBinding(v, a));
            return new VarExpr(v);
        });
        var selectItems = sc?.Items.Select(i => (i.Var, Expr: i.Expr is null ? null : Lift(i.Expr), i.At)).ToList() ?? [];
        having = having.Select(Lift).ToList();
        order = order.Select(o => o with { Expr = Lift(o.Expr) }).ToList();
        var op = where;
        var isAggregated = grouped || aggregates.Count > 0;
        if (isAggregated)
        {
            if (sc is { Star: true }) throw _ctx.Error(groupToken, "SELECT * is not allowed with GROUP BY or aggregates");
            var keys = groupKeys.Select(k => k.Var is null && k.Expr is not VarExpr ? k with { Var = _ctx.FreshVar("key") } : k).ToList();
            var visible = new HashSet<string>(keys.Select(k => k.Var ?? ((VarExpr)k.Expr).Name));
            foreach (var a in aggregates) visible.Add(a.Var);
            foreach (var (v, e, at) in selectItems)
            {
                if (e is null)
                {
                    if (!visible.Contains(v)) throw _ctx.Error(at, $"?{v} is selected but neither grouped nor aggregated");
                }
                else
                {
                    foreach (var used in e.Vars())
                        if (!visible.Contains(used)) throw _ctx.Error(at, $"?{used} is used in a SELECT expression but neither grouped nor aggregated");
                    visible.Add(v);
                }
            }
            // Plain GROUP BY expressions reappearing in SELECT or ORDER BY refer to the key.
            // The same expression may be grouped by twice (GROUP BY (STR(?x)) (STR(?x))): the first key stands for it.
            var keyText = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var k in keys.Where(k => k.Expr is not VarExpr)) keyText.TryAdd(Sse.Expr(k.Expr), k.Var!);
            Expr Keyed(Expr e) => keyText.Count == 0 ? e : Rewrite(e, x => x is CallExpr && keyText.TryGetValue(Sse.Expr(x), out var kv) ? new VarExpr(kv) : null);
            selectItems = selectItems.Select(i => (i.Var, i.Expr is null ? null : Keyed(i.Expr), i.At)).ToList();
            having = having.Select(Keyed).ToList();
            order = order.Select(o => o with { Expr = Keyed(o.Expr) }).ToList();
            op = new GroupOp(op, keys, aggregates);
        }
        if (having.Count > 0) op = new FilterOp(having, op);
        if (values is not null) op = PatternParser.Join(op, values);
        var inScope = new HashSet<string>(op.MaybeVars());
        foreach (var (v, e, at) in selectItems)
        {
            if (e is null) continue;
            if (inScope.Contains(v)) throw _ctx.Error(at, $"?{v} is already in scope and cannot be assigned with AS");
            _ctx.Link(at);
            op = new ExtendOp(op, v, e);
            inScope.Add(v);
        }
        if (order.Count > 0) op = new OrderByOp(op, order);
        var vars = sc is null ? [] : sc.Star
            ? where.MaybeVars().Concat(values?.Vars ?? []).Where(v => !Sse.IsHidden(v)).Distinct().ToList()
            : selectItems.Select(i => i.Var).ToList();
        if (sc is not null) op = new ProjectOp(op, vars);
        if (sc is { Distinct: true }) op = new DistinctOp(op);
        else if (sc is { Reduced: true }) op = new DistinctOp(op, reduced: true);
        if (limit is not null || offset > 0) op = new SliceOp(op, offset, limit);
        return (op, vars);
    }

    private static bool StartsCondition(Token t) =>
        t.Kind is TokenKind.Var or TokenKind.Iri or TokenKind.PrefixedName || t.Is("(")
        || (t.Kind == TokenKind.Name && ExpressionParser.IsBuiltinName(t.Text) && !t.IsKeyword("NOT"));

    private long Count(string what)
    {
        var t = _ctx.Take();
        if (t.Kind != TokenKind.Integer || !long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw _ctx.Error(t, $"expected a non-negative integer after {what}, found {t.Describe()}");
        return n;
    }

    private GroupKey GroupCondition()
    {
        var t = _ctx.Peek();
        if (t.Kind == TokenKind.Var) { _ctx.Take(); return new GroupKey(new VarExpr(t.Text), null); }
        if (t.Is("("))
        {
            _ctx.Take();
            var e = _exprs.Expression();
            string? v = null;
            if (_ctx.AcceptKeyword("AS")) v = _patterns.ExpectVar().Text;
            _ctx.Expect(")");
            return new GroupKey(e, v);
        }
        if (StartsCondition(t)) return new GroupKey(_exprs.Expression(), null);
        throw _ctx.Expected("a GROUP BY condition");
    }

    private OrderCondition OrderCondition()
    {
        var t = _ctx.Peek();
        if (t.IsKeyword("ASC") || t.IsKeyword("DESC"))
        {
            _ctx.Take();
            _ctx.Expect("(");
            var e = _exprs.Expression();
            _ctx.Expect(")");
            return new OrderCondition(e, t.IsKeyword("DESC"));
        }
        if (t.Kind == TokenKind.Var) { _ctx.Take(); return new OrderCondition(new VarExpr(t.Text), false); }
        return new OrderCondition(_patterns.Constraint(), false);
    }

    /// <summary>Rebuilds an expression bottom-up, replacing nodes for which <paramref name="f"/> returns a value.</summary>
    public static Expr Rewrite(Expr e, Func<Expr, Expr?> f)
    {
        if (f(e) is { } r) return r;
        return e switch
        {
            CallExpr c => new CallExpr(c.Op, c.Args.Select(a => Rewrite(a, f)).ToList(), c.IsIri),
            InExpr i => new InExpr(Rewrite(i.Value, f), i.List.Select(a => Rewrite(a, f)).ToList(), i.Negated),
            _ => e,
        };
    }
}
