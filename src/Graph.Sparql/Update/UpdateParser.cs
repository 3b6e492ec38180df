using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Syntax;

namespace Graph.Sparql.Update;

/// <summary>
/// Reads a SPARQL 1.1 Update request (§3 and the grammar's Update production): operations separated by ';', each
/// with its own PREFIX/BASE declarations in front. Patterns and templates are read by the query parser's
/// <see cref="PatternParser"/>. Errors are <see cref="RdfParseException"/>s with line and column.
/// </summary>
public sealed class UpdateParser
{
    private readonly ParseContext _ctx;
    private readonly PatternParser _patterns;

    // A blank node label of INSERT DATA may not reappear in another operation of the same request (a grammar note of SPARQL 1.1 Update).
    private readonly Dictionary<string, int> _dataLabels = new(StringComparer.Ordinal);
    private int _opIndex;

    private UpdateParser(string text, string? source, string? baseIri)
    {
        _ctx = new ParseContext(text, source, baseIri);
        _patterns = QueryParser.PatternsFor(_ctx);
    }

    /// <summary>Parses an update request. <paramref name="source"/> names the input in errors.</summary>
    public static UpdateRequest Parse(string text, string? source = null, string? baseIri = null) =>
        new UpdateParser(text, source, baseIri).Request();

    private UpdateRequest Request()
    {
        var ops = new List<UpdateOperation>();
        while (true)
        {
            QueryParser.Prologue(_ctx);
            if (_ctx.Peek().Kind == TokenKind.End) break;
            _opIndex++;
            ops.Add(Operation());
            if (!_ctx.Accept(";")) break;
        }
        if (_ctx.Peek().Kind != TokenKind.End) throw _ctx.Expected("';' or the end of the update");
        return new UpdateRequest { Operations = ops };
    }

    private UpdateOperation Operation()
    {
        var t = _ctx.Peek();
        if (t.IsKeyword("LOAD")) return Load();
        if (t.IsKeyword("CLEAR") || t.IsKeyword("DROP"))
        {
            _ctx.Take();
            var silent = _ctx.AcceptKeyword("SILENT");
            var (scope, g) = GraphRefAll();
            return new ClearOp(scope, g, silent, t.IsKeyword("DROP"));
        }
        if (t.IsKeyword("CREATE"))
        {
            _ctx.Take();
            var silent = _ctx.AcceptKeyword("SILENT");
            _ctx.ExpectKeyword("GRAPH");
            return new CreateOp(_ctx.ExpectIri(), silent);
        }
        if (t.IsKeyword("ADD") || t.IsKeyword("COPY") || t.IsKeyword("MOVE"))
        {
            _ctx.Take();
            var silent = _ctx.AcceptKeyword("SILENT");
            var from = GraphOrDefault();
            _ctx.ExpectKeyword("TO");
            var to = GraphOrDefault();
            var kind = t.IsKeyword("ADD") ? TransferKind.Add : t.IsKeyword("COPY") ? TransferKind.Copy : TransferKind.Move;
            return new TransferOp(kind, from, to, silent);
        }
        if (t.IsKeyword("INSERT") && _ctx.Peek(1).IsKeyword("DATA"))
        {
            _ctx.Take();
            _ctx.Take();
            return new InsertDataOp(QuadData(allowBlanks: true));
        }
        if (t.IsKeyword("DELETE") && _ctx.Peek(1).IsKeyword("DATA"))
        {
            _ctx.Take();
            _ctx.Take();
            return new DeleteDataOp(QuadData(allowBlanks: false));
        }
        if (t.IsKeyword("DELETE") && _ctx.Peek(1).IsKeyword("WHERE"))
        {
            _ctx.Take();
            _ctx.Take();
            var quads = Quads(forbidBlanks: true);
            return new ModifyOp(null, quads, [], [], [], WherePatternOf(quads));
        }
        if (t.IsKeyword("WITH") || t.IsKeyword("DELETE") || t.IsKeyword("INSERT")) return Modify();
        throw _ctx.Expected("an update operation (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH), PREFIX or BASE");
    }

    private LoadOp Load()
    {
        _ctx.ExpectKeyword("LOAD");
        var silent = _ctx.AcceptKeyword("SILENT");
        var source = _ctx.ExpectIri();
        IriNode? into = null;
        if (_ctx.AcceptKeyword("INTO"))
        {
            _ctx.ExpectKeyword("GRAPH");
            into = _ctx.ExpectIri();
        }
        return new LoadOp(source, into, silent);
    }

    private (GraphScope, IriNode?) GraphRefAll()
    {
        if (_ctx.AcceptKeyword("DEFAULT")) return (GraphScope.Default, null);
        if (_ctx.AcceptKeyword("NAMED")) return (GraphScope.Named, null);
        if (_ctx.AcceptKeyword("ALL")) return (GraphScope.All, null);
        if (_ctx.AcceptKeyword("GRAPH")) return (GraphScope.Graph, _ctx.ExpectIri());
        throw _ctx.Expected("GRAPH <iri>, DEFAULT, NAMED or ALL");
    }

    private IriNode? GraphOrDefault()
    {
        if (_ctx.AcceptKeyword("DEFAULT")) return null;
        _ctx.AcceptKeyword("GRAPH");
        return _ctx.ExpectIri();
    }

    private ModifyOp Modify()
    {
        IriNode? with = null;
        if (_ctx.AcceptKeyword("WITH")) with = _ctx.ExpectIri();
        List<QuadPattern> delete = [], insert = [];
        var any = false;
        if (_ctx.AcceptKeyword("DELETE"))
        {
            delete = Quads(forbidBlanks: true);
            any = true;
        }
        if (_ctx.AcceptKeyword("INSERT"))
        {
            insert = Quads(forbidBlanks: false);
            any = true;
        }
        if (!any) throw _ctx.Expected("DELETE or INSERT");
        var usingDefault = new List<IriNode>();
        var usingNamed = new List<IriNode>();
        while (_ctx.AcceptKeyword("USING"))
        {
            if (_ctx.AcceptKeyword("NAMED")) usingNamed.Add(_ctx.ExpectIri());
            else usingDefault.Add(_ctx.ExpectIri());
        }
        _ctx.ExpectKeyword("WHERE");
        var where = _patterns.GroupGraphPattern();
        return new ModifyOp(with, delete, insert, usingDefault, usingNamed, where);
    }

    /// <summary>INSERT DATA / DELETE DATA: ground quads (blank nodes only in INSERT DATA), checked token by token so errors point at the culprit.</summary>
    private List<QuadPattern> QuadData(bool allowBlanks)
    {
        var what = allowBlanks ? "INSERT DATA" : "DELETE DATA";
        var depth = 0;
        for (var i = 0; ; i++)
        {
            var t = _ctx.Peek(i);
            if (t.Kind == TokenKind.End) break;
            if (t.Is("{")) depth++;
            else if (t.Is("}") && --depth <= 0) break;
            else if (t.Kind == TokenKind.Var) throw _ctx.Error(t, $"variables are not allowed in {what}");
            else if (t.Kind == TokenKind.BlankNode || t.Is("["))
            {
                if (!allowBlanks) throw _ctx.Error(t, $"blank nodes are not allowed in {what}");
                if (t.Kind == TokenKind.BlankNode)
                {
                    if (_dataLabels.TryGetValue(t.Text, out var op) && op != _opIndex)
                        throw _ctx.Error(t, $"blank node label _:{t.Text} is already used by another operation of this request");
                    _dataLabels[t.Text] = _opIndex;
                }
            }
        }
        var start = _ctx.Peek();
        var quads = Quads(forbidBlanks: !allowBlanks);
        foreach (var q in quads)
        {
            if (q.Graph is { IsVar: true }) throw _ctx.Error(start, $"variables are not allowed in {what}");
            if (!allowBlanks && (q.Triple.S.IsVar || q.Triple.P.IsVar || q.Triple.O.IsVar))
                throw _ctx.Error(start, $"blank nodes are not allowed in {what}");
        }
        return quads;
    }

    /// <summary>'{' Quads '}': triples of the default graph mixed with GRAPH blocks. Blank nodes become ".t:" variables.</summary>
    private List<QuadPattern> Quads(bool forbidBlanks)
    {
        var open = _ctx.Expect("{");
        if (forbidBlanks)
        {
            var depth = 1;
            for (var i = 0; depth > 0; i++)
            {
                var t = _ctx.Peek(i);
                if (t.Kind == TokenKind.End) break;
                if (t.Is("{")) depth++;
                else if (t.Is("}")) depth--;
                else if (t.Kind == TokenKind.BlankNode || t.Is("[")) throw _ctx.Error(t, "blank nodes are not allowed in a DELETE template");
            }
        }
        var savedPrefix = _ctx.BlankPrefix;
        var savedCheck = _ctx.CheckLabelScopes;
        _ctx.BlankPrefix = ".t:";
        _ctx.CheckLabelScopes = false;
        var quads = new List<QuadPattern>();
        try
        {
            static bool Stop(Token t) => t.Is("}") || t.IsKeyword("GRAPH");
            while (true)
            {
                foreach (var tp in _patterns.TriplesTemplate(Stop, "'}' or GRAPH")) quads.Add(new QuadPattern(tp, null));
                if (_ctx.Peek().Is("}")) break;
                _ctx.ExpectKeyword("GRAPH");
                var g = _patterns.VarOrIri();
                _ctx.Expect("{");
                foreach (var tp in _patterns.TriplesTemplate("}")) quads.Add(new QuadPattern(tp, g));
                _ctx.Expect("}");
                _ctx.Accept(".");
            }
            _ctx.Expect("}");
        }
        finally
        {
            _ctx.BlankPrefix = savedPrefix;
            _ctx.CheckLabelScopes = savedCheck;
        }
        _ = open;
        return quads;
    }

    /// <summary>DELETE WHERE: the pattern to match is the template itself (§3.1.3.3).</summary>
    private static Op WherePatternOf(List<QuadPattern> quads)
    {
        Op? op = null;
        var defaults = quads.Where(q => q.Graph is null).Select(q => q.Triple).ToList();
        if (defaults.Count > 0) op = new BgpOp(defaults);
        foreach (var group in quads.Where(q => q.Graph is not null).GroupBy(q => q.Graph!.Value))
            op = PatternParser.Join(op, new GraphOp(group.Key, new BgpOp(group.Select(q => q.Triple).ToList())));
        return op ?? TableOp.Unit();
    }
}
