using Graph.Rdf;
using Graph.Sparql.Algebra;
using Graph.Sparql.Evaluation;
using Graph.Store;

namespace Graph.Sparql.Update;

/// <summary>
/// Applies update requests to a <see cref="QuadStore"/>. A whole request runs in one store transaction: either every
/// operation is applied or, when one fails without SILENT, none is (§3: a request is atomic for us).
/// </summary>
/// <remarks>
/// The store records empty named graphs, so graph management follows the rules for such stores (§3.1.5, §3.2):
/// CREATE of an existing graph, and CLEAR, DROP, COPY, MOVE or ADD from a graph that does not exist, fail unless SILENT;
/// CLEAR leaves the graph (empty), DROP removes it; COPY, MOVE, ADD and LOAD INTO create their destination, even with
/// nothing to put in it. Removing triples never removes their graph (§3.1 leaves that to the implementation).
/// </remarks>
public static class UpdateExecutor
{
    /// <summary>Runs every operation of <paramref name="request"/>; throws <see cref="UpdateException"/> and changes nothing when one fails.</summary>
    public static void Execute(UpdateRequest request, QuadStore store, UpdateOptions? options = null)
        => store.Update(txn => Execute(request, txn, options));

    /// <summary>Runs every operation of <paramref name="request"/> inside an open transaction (SILENT failures are passed over).</summary>
    public static void Execute(UpdateRequest request, StoreTransaction txn, UpdateOptions? options = null)
    {
        options ??= new UpdateOptions();
        foreach (var op in request.Operations)
        {
            try
            {
                Apply(op, txn, options);
            }
            catch (UpdateException) when (op.Silent)
            {
                // SILENT: the failure is not reported and the other operations go on.
            }
        }
    }

    private static void Apply(UpdateOperation op, StoreTransaction txn, UpdateOptions options)
    {
        switch (op)
        {
            case InsertDataOp ins:
            {
                var blanks = new Dictionary<string, BlankNode>(StringComparer.Ordinal);
                foreach (var q in ins.Quads)
                    if (Instantiate(q, null, _ => null, blanks) is { } quad) txn.Add(quad);
                break;
            }
            case DeleteDataOp del:
                foreach (var q in del.Quads)
                    if (Instantiate(q, null, _ => null, null) is { } quad) txn.Remove(quad);
                break;
            case ModifyOp m:
                Modify(m, txn, options);
                break;
            case LoadOp load:
                // §3.1.4: the destination is created if required, also by a document without triples.
                var loaded = UpdateLoader.Read(load.Source, options);
                if (load.Into is not null) txn.CreateGraph(load.Into);
                foreach (var q in loaded)
                    txn.Add(load.Into is null ? q : new Quad(q.Triple, load.Into));
                break;
            case CreateOp create:
                if (!txn.CreateGraph(create.Graph)) throw new UpdateException($"CREATE: graph <{create.Graph.Value}> already exists");
                break;
            case ClearOp clear:
                Clear(clear, txn);
                break;
            case TransferOp t:
                Transfer(t, txn);
                break;
            default:
                throw new InvalidOperationException("unknown update operation " + op.GetType().Name);
        }
    }

    private static UpdateException Missing(string operation, IriNode g) => new($"{operation}: graph <{g.Value}> does not exist");

    private static void Clear(ClearOp c, StoreTransaction txn)
    {
        var what = c.Drop ? "DROP" : "CLEAR";
        switch (c.Scope)
        {
            case GraphScope.Graph:
                if (!txn.GraphExists(c.Graph)) throw Missing(what, c.Graph!);
                if (c.Drop) txn.DropGraph(c.Graph!);
                else txn.ClearGraph(c.Graph);
                break;
            case GraphScope.Default:
                // §3.2.2: DROP DEFAULT is CLEAR DEFAULT; the default graph always exists.
                txn.ClearGraph(null);
                break;
            case GraphScope.Named:
                foreach (var g in txn.View.NamedGraphTerms())
                {
                    if (c.Drop) txn.DropGraph(g);
                    else txn.ClearGraph(g);
                }
                break;
            default:
                if (c.Drop) txn.DropAll();
                else txn.ClearAll();
                break;
        }
    }

    private static void Transfer(TransferOp t, StoreTransaction txn)
    {
        // §3.2.3: copying a graph onto itself does nothing.
        if (Equals(t.From, t.To)) return;
        if (!txn.GraphExists(t.From)) throw Missing(t.Kind.ToString().ToUpperInvariant(), t.From!);
        var source = txn.View.Match(null, null, null, GraphFilter.Of(t.From)).Select(q => q.Triple).ToList();
        if (t.To is not null) txn.CreateGraph(t.To);
        if (t.Kind != TransferKind.Add) txn.ClearGraph(t.To);
        foreach (var tr in source) txn.Add(new Quad(tr, t.To));
        if (t.Kind == TransferKind.Move)
        {
            if (t.From is null) txn.ClearGraph(null);
            else txn.DropGraph(t.From);
        }
    }

    private static void Modify(ModifyOp m, StoreTransaction txn, UpdateOptions options)
    {
        var view = txn.View;
        IReadOnlyList<IriNode> from = [], fromNamed = [];
        if (m.Using.Count > 0 || m.UsingNamed.Count > 0)
        {
            from = m.Using;
            fromNamed = m.UsingNamed;
        }
        else if (m.With is not null)
        {
            // WITH replaces only the default graph: the named graphs stay those of the store.
            from = [m.With];
            fromNamed = view.NamedGraphTerms().OfType<IriNode>().ToList();
        }
        var vars = m.Delete.Concat(m.Insert).SelectMany(Vars).Where(v => !v.StartsWith('.')).Distinct(StringComparer.Ordinal).ToList();
        var query = new Query { Form = QueryForm.Select, Pattern = m.Where, Variables = vars, From = from, FromNamed = fromNamed };
        var rows = QueryEngine.Execute(query, view, options.Query).Rows.ToList();
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vars.Count; i++) slot[vars[i]] = i;

        // Every solution is computed before anything changes: the deletions and insertions see the same WHERE answers.
        var deletes = new List<Quad>();
        var inserts = new List<Quad>();
        foreach (var row in rows)
        {
            INode? Bind(string v) => slot.TryGetValue(v, out var i) ? row[i] : null;
            foreach (var q in m.Delete)
                if (Instantiate(q, m.With, Bind, null) is { } quad) deletes.Add(quad);
            var blanks = new Dictionary<string, BlankNode>(StringComparer.Ordinal);
            foreach (var q in m.Insert)
                if (Instantiate(q, m.With, Bind, blanks) is { } quad) inserts.Add(quad);
        }
        foreach (var q in deletes) txn.Remove(q);
        foreach (var q in inserts) txn.Add(q);
    }

    private static IEnumerable<string> Vars(QuadPattern q)
    {
        foreach (var v in q.Triple.Vars()) yield return v;
        if (q.Graph is { IsVar: true } g) yield return g.Var!;
    }

    /// <summary>
    /// The quad a template gives for one solution, or null when a variable is unbound or the result is not RDF
    /// (a literal subject, a non-IRI predicate or graph name): such triples are skipped (§3.1.3).
    /// Template blank nodes (".t:" variables) become fresh blank nodes, one per label and <paramref name="blanks"/> map.
    /// </summary>
    private static Quad? Instantiate(QuadPattern q, IriNode? defaultGraph, Func<string, INode?> bind, Dictionary<string, BlankNode>? blanks)
    {
        INode? Resolve(Term t)
        {
            if (!t.IsVar) return t.Node;
            if (t.Var!.StartsWith(".t:", StringComparison.Ordinal))
            {
                if (blanks is null) return null;
                if (!blanks.TryGetValue(t.Var, out var b)) blanks[t.Var] = b = BlankNode.Fresh();
                return b;
            }
            return bind(t.Var);
        }
        var s = Resolve(q.Triple.S);
        var p = Resolve(q.Triple.P);
        var o = Resolve(q.Triple.O);
        if (s is null || p is not IriNode pi || o is null || s is LiteralNode) return null;
        INode? g = defaultGraph;
        if (q.Graph is { } gt)
        {
            g = Resolve(gt);
            if (g is not IriNode) return null;
        }
        return new Quad(s, pi, o, g);
    }
}
