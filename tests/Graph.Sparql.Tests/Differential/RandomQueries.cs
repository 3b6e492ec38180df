using System.Globalization;
using System.Text;

namespace Graph.Sparql.Tests.Differential;

/// <summary>A generated query, and whether its ORDER BY fixes the order of its rows (then rows are compared in order).</summary>
internal sealed record GeneratedQuery(string Name, string Text, bool Ordered);

/// <summary>
/// Random SPARQL SELECT queries over the bench schema (../shared/bench/gen/gen_news_kg.py): connected basic graph
/// patterns walked along the schema's properties, OPTIONAL, UNION, MINUS, FILTER (NOT) EXISTS, property paths,
/// BIND, GROUP BY with aggregates and HAVING, sub-queries, DISTINCT, ORDER BY with LIMIT/OFFSET.
/// </summary>
/// <remarks>
/// What is left out on purpose, because the spec leaves the answer to the implementation: SAMPLE and GROUP_CONCAT
/// (any member / any order), AVG and decimal division (precision is implementation-defined), RAND/NOW/UUID/BNODE,
/// and LIMIT unless ORDER BY covers every projected variable and those are IRIs or numbers of one datatype (the
/// relative order of literals of different types, or of blank nodes, is not defined).
/// Patterns always stay connected, so no query multiplies two unrelated sets of rows.
/// </remarks>
internal sealed class RandomQueries
{
    private enum Kind { Mention, Article, Outlet, Entity, Statement, Round, Class, Num, Date, Text, Lang, Iri, Count }

    private sealed record Edge(Kind From, string Predicate, Kind To, bool Reversible);

    private static readonly Edge[] Edges =
    [
        new(Kind.Mention, "ast:mentions", Kind.Entity, true),
        new(Kind.Mention, "ast:inArticle", Kind.Article, true),
        new(Kind.Mention, "ast:confidence", Kind.Num, false),
        new(Kind.Mention, "ast:startOffset", Kind.Num, false),
        new(Kind.Mention, "ast:surfaceForm", Kind.Text, false),
        new(Kind.Article, "ast:source", Kind.Outlet, true),
        new(Kind.Article, "ast:headline", Kind.Text, false),
        new(Kind.Article, "ast:language", Kind.Lang, false),
        new(Kind.Article, "ast:publicationDate", Kind.Date, false),
        new(Kind.Article, "ast:textLength", Kind.Num, false),
        new(Kind.Outlet, "rdfs:label", Kind.Text, false),
        new(Kind.Outlet, "a", Kind.Class, false),
        new(Kind.Entity, "rdfs:label", Kind.Text, false),
        new(Kind.Entity, "a", Kind.Class, false),
        new(Kind.Entity, "owl:sameAs", Kind.Iri, false),
        new(Kind.Entity, "ast:nationality", Kind.Entity, true),
        new(Kind.Entity, "ast:partOf", Kind.Entity, true),
        new(Kind.Entity, "ast:memberOf", Kind.Entity, true),
        new(Kind.Entity, "ast:role", Kind.Text, false),
        new(Kind.Entity, "ast:birthDate", Kind.Date, false),
        new(Kind.Entity, "ast:population", Kind.Num, false),
        new(Kind.Statement, "ast:issuedBy", Kind.Entity, true),
        new(Kind.Statement, "ast:reportedIn", Kind.Article, true),
        new(Kind.Statement, "ast:about", Kind.Entity, true),
        new(Kind.Statement, "ast:condemns", Kind.Entity, true),
        new(Kind.Statement, "ast:callsFor", Kind.Entity, true),
        new(Kind.Statement, "ast:statementDate", Kind.Date, false),
        new(Kind.Statement, "ast:quote", Kind.Text, false),
        new(Kind.Round, "ast:heldIn", Kind.Entity, true),
        new(Kind.Round, "ast:participant", Kind.Entity, true),
        new(Kind.Round, "ast:roundNumber", Kind.Num, false),
        new(Kind.Round, "ast:startDate", Kind.Date, false),
        new(Kind.Class, "rdfs:subClassOf", Kind.Class, false),
    ];

    // Paths between kinds: (from, path, to).
    private static readonly (Kind From, string Path, Kind To)[] Paths =
    [
        (Kind.Entity, "ast:partOf+", Kind.Entity),
        (Kind.Entity, "ast:partOf*", Kind.Entity),
        (Kind.Entity, "ast:partOf?", Kind.Entity),
        (Kind.Entity, "ast:partOf/ast:partOf", Kind.Entity),
        (Kind.Class, "rdfs:subClassOf*", Kind.Class),
        (Kind.Class, "rdfs:subClassOf+", Kind.Class),
        (Kind.Entity, "a/rdfs:subClassOf*", Kind.Class),
        (Kind.Mention, "ast:inArticle/ast:source", Kind.Outlet),
        (Kind.Entity, "^ast:mentions", Kind.Mention),
        (Kind.Statement, "ast:condemns|ast:callsFor", Kind.Entity),
        (Kind.Statement, "ast:reportedIn/^ast:inArticle", Kind.Mention),
        (Kind.Entity, "!(rdfs:label|a|owl:sameAs)", Kind.Entity),
        (Kind.Mention, "(ast:mentions/ast:partOf)+", Kind.Entity),
    ];

    private static readonly Dictionary<Kind, string[]> Constants = new()
    {
        [Kind.Class] = ["ast:Person", "ast:State", "ast:Country", "ast:Agent", "ast:Place", "ast:Village", "ast:MediaOutlet"],
        [Kind.Entity] = ["<https://w3id.org/astana-kg/id/place/SY>", "<https://w3id.org/astana-kg/id/place/RU>", "<https://w3id.org/astana-kg/id/place/TR>"],
        [Kind.Lang] = ["\"en\"", "\"ar\"", "\"ru\""],
        [Kind.Num] = ["1", "2", "100", "4000", "0.5", "1.0e0"],
    };

    private static readonly Kind[] Starts = [Kind.Mention, Kind.Article, Kind.Entity, Kind.Entity, Kind.Statement, Kind.Round, Kind.Outlet];

    private readonly Random _random;
    private int _nextVar;

    public RandomQueries(int seed) => _random = new Random(seed);

    private sealed class Scope
    {
        public readonly Dictionary<string, Kind> Vars = [];
        /// <summary>Variables that may be unbound (from OPTIONAL or one UNION branch).</summary>
        public readonly HashSet<string> Maybe = [];
        /// <summary>Number variables bound only by one predicate, so all their values share one datatype.</summary>
        public readonly HashSet<string> OneType = [];
    }

    public GeneratedQuery Next(string name)
    {
        _nextVar = 0;
        _seen.Clear();
        var sb = new StringBuilder();
        sb.Append("PREFIX ast: <https://w3id.org/astana-kg/ontology#>\n")
          .Append("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
          .Append("PREFIX owl: <http://www.w3.org/2002/07/owl#>\n")
          .Append("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n");
        var scope = new Scope();
        var body = new StringBuilder();
        Group(body, scope, depth: 0);
        if (Chance(0.3))
            return Aggregate(name, sb, body, scope);

        var vars = scope.Vars.Keys.ToList();
        var projected = Chance(0.15) ? vars : Subset(vars);
        var distinct = Chance(0.3);
        sb.Append("SELECT ").Append(distinct ? "DISTINCT " : "")
          .Append(projected.Count == vars.Count && Chance(0.5) ? "*" : string.Join(" ", projected.Select(v => "?" + v)))
          .Append(" WHERE {\n").Append(body).Append("}\n");
        var ordered = OrderBy(sb, scope, projected);
        return new GeneratedQuery(name, sb.ToString(), ordered);
    }

    private GeneratedQuery Aggregate(string name, StringBuilder sb, StringBuilder body, Scope scope)
    {
        var keys = scope.Vars.Where(v => v.Value is not (Kind.Num or Kind.Text)).Select(v => v.Key).ToList();
        var key = keys.Count > 0 && Chance(0.85) ? Pick(keys) : null;
        var aggs = new List<string> { Chance(0.5) ? "COUNT(*)" : "COUNT(DISTINCT ?" + Pick(scope.Vars.Keys.ToList()) + ")" };
        // SUM/MIN/MAX only over variables bound in every row: over a group where the argument is unbound in some rows
        // SPARQL 1.1 leaves the answer open (ListEval gives an error element, which only Count is told to drop; Jena
        // gives unbound, kg skips the row). Reduced: SELECT (MIN(?x) AS ?y) { { BIND(2 AS ?x) } UNION {} }.
        var nums = scope.Vars.Where(v => v.Value == Kind.Num && !scope.Maybe.Contains(v.Key)).Select(v => v.Key).ToList();
        var dates = scope.Vars.Where(v => v.Value == Kind.Date && !scope.Maybe.Contains(v.Key)).Select(v => v.Key).ToList();
        if (nums.Count > 0 && Chance(0.6)) aggs.Add(Pick(["SUM", "MIN", "MAX"]) + "(?" + Pick(nums) + ")");
        if (dates.Count > 0 && Chance(0.4)) aggs.Add(Pick(["MIN", "MAX"]) + "(?" + Pick(dates) + ")");
        var names = aggs.Select((_, i) => "agg" + i).ToList();
        sb.Append("SELECT ").Append(key is null ? "" : "?" + key + " ")
          .Append(string.Join(" ", aggs.Select((a, i) => $"({a} AS ?{names[i]})")))
          .Append(" WHERE {\n").Append(body).Append("}\n");
        if (key is not null) sb.Append("GROUP BY ?").Append(key).Append('\n');
        if (key is not null && Chance(0.3)) sb.Append("HAVING (COUNT(*) > ").Append(Pick(["1", "2", "5"])).Append(")\n");
        var ordered = false;
        if (Chance(0.5))
        {
            // COUNTs are xsd:integers and IRI keys are totally ordered; an order over every projected column fixes
            // the rows, so LIMIT is safe. With SUM/MIN/MAX columns the order is checked as a bag only.
            var counts = names.Where((_, i) => aggs[i].StartsWith("COUNT", StringComparison.Ordinal)).ToList();
            var orderKeys = counts.Select(n => Dir() + "(?" + n + ")").ToList();
            if (key is not null) orderKeys.Add(Dir() + "(?" + key + ")");
            sb.Append("ORDER BY ").Append(string.Join(" ", orderKeys.OrderBy(_ => _random.Next()))).Append('\n');
            var keyOrderable = key is null || scope.Vars[key] is not (Kind.Text or Kind.Lang or Kind.Iri or Kind.Date or Kind.Num);
            if (keyOrderable && counts.Count == names.Count)
            {
                ordered = true;
                if (Chance(0.6)) sb.Append("LIMIT ").Append(_random.Next(1, 15).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return new GeneratedQuery(name, sb.ToString(), ordered);
    }

    private bool OrderBy(StringBuilder sb, Scope scope, List<string> projected)
    {
        if (!Chance(0.35) || projected.Count == 0) return false;
        var orderable = projected.All(v => scope.Vars[v] is Kind.Mention or Kind.Article or Kind.Outlet or Kind.Entity or Kind.Statement or Kind.Round or Kind.Class or Kind.Count
            || (scope.Vars[v] == Kind.Num && scope.OneType.Contains(v)));
        var keys = orderable ? projected.OrderBy(_ => _random.Next()).ToList() : Subset(projected);
        sb.Append("ORDER BY ").Append(string.Join(" ", keys.Select(k => Dir() + "(?" + k + ")"))).Append('\n');
        if (!orderable) return false;
        if (Chance(0.6)) sb.Append("LIMIT ").Append(_random.Next(1, 20).ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (Chance(0.3)) sb.Append("OFFSET ").Append(_random.Next(0, 10).ToString(CultureInfo.InvariantCulture)).Append('\n');
        return true;
    }

    private string Dir() => Pick(["ASC", "DESC", ""]);

    /// <summary>
    /// A group: a connected basic graph pattern, then a few of the other constructs. Every pattern of the group
    /// hangs off a variable of this group (starting from one of <paramref name="anchors"/>), because engines may
    /// evaluate a nested group on its own, before joining: two unrelated patterns there would multiply.
    /// </summary>
    private void Group(StringBuilder sb, Scope scope, int depth, IReadOnlyCollection<string>? anchors = null)
    {
        var local = new HashSet<string>();
        var starts = (anchors ?? []).Where(v => scope.Vars.ContainsKey(v) && HasEdges(scope.Vars[v])).ToList();
        if (starts.Count > 0)
        {
            local.Add(Pick(starts));
            Walk(sb, scope, local);
        }
        else
        {
            var start = NewVar(scope, Pick(Starts));
            local.Add(start);
            var p = Edges.Where(e => e.From == scope.Vars[start]).ToArray();
            Triple(sb, scope, start, p[_random.Next(p.Length)]);
        }
        Collect(scope, local);
        for (int i = 0, n = _random.Next(0, 3); i < n; i++)
        {
            Walk(sb, scope, local);
            Collect(scope, local);
        }
        for (int i = 0, n = _random.Next(0, depth == 0 ? 4 : 2); i < n; i++)
        {
            switch (_random.Next(depth >= 2 ? 4 : 9))
            {
                case 0: Filter(sb, scope); break;
                case 1: Walk(sb, scope, local); break;
                case 2: PathPattern(sb, scope, local); break;
                case 3: Bind(sb, scope); break;
                case 4: Optional(sb, scope, depth, local); break;
                case 5: Union(sb, scope, depth, local); break;
                case 6: Minus(sb, scope, depth, local, exists: false); break;
                case 7: Minus(sb, scope, depth, local, exists: true); break;
                default: SubQuery(sb, scope, depth, local); break;
            }
            Collect(scope, local);
        }
    }

    private readonly HashSet<string> _seen = [];

    /// <summary>Adds the variables created since the last call to the group's own.</summary>
    private void Collect(Scope scope, HashSet<string> local)
    {
        foreach (var v in scope.Vars.Keys)
            if (_seen.Add(v)) local.Add(v);
    }

    private static bool HasEdges(Kind k) => Edges.Any(e => e.From == k || (e.To == k && e.Reversible));

    private void Walk(StringBuilder sb, Scope scope, HashSet<string> local)
    {
        var candidates = local.Where(v => HasEdges(scope.Vars[v])).ToList();
        if (candidates.Count == 0) return;
        var v = Pick(candidates);
        var kind = scope.Vars[v];
        var options = Edges.Where(e => e.From == kind || (e.To == kind && e.Reversible)).ToArray();
        var edge = options[_random.Next(options.Length)];
        if (edge.From == kind && (edge.To != kind || Chance(0.5))) Triple(sb, scope, v, edge);
        else sb.Append("  ").Append(ObjectOrNew(scope, edge.From, null)).Append(' ').Append(edge.Predicate).Append(" ?").Append(v).Append(" .\n");
    }

    private void Triple(StringBuilder sb, Scope scope, string subject, Edge edge)
    {
        sb.Append("  ?").Append(subject).Append(' ').Append(edge.Predicate).Append(' ').Append(ObjectOrNew(scope, edge.To, edge.Predicate)).Append(" .\n");
    }

    private string ObjectOrNew(Scope scope, Kind kind, string? predicate)
    {
        if (Constants.TryGetValue(kind, out var consts) && kind != Kind.Num && Chance(0.2)) return Pick(consts);
        var same = scope.Vars.Where(v => v.Value == kind && kind is not (Kind.Num or Kind.Text or Kind.Date)).Select(v => v.Key).ToList();
        if (same.Count > 0 && Chance(0.15)) return "?" + Pick(same);
        var v = NewVar(scope, kind);
        if (kind == Kind.Num && predicate is not null) scope.OneType.Add(v);
        return "?" + v;
    }

    private void PathPattern(StringBuilder sb, Scope scope, HashSet<string> local)
    {
        var kinds = local.Select(v => scope.Vars[v]).ToHashSet();
        var usable = Paths.Where(p => kinds.Contains(p.From) || kinds.Contains(p.To)).ToArray();
        if (usable.Length == 0) return;
        var (from, path, to) = usable[_random.Next(usable.Length)];
        var fromVars = local.Where(v => scope.Vars[v] == from).ToList();
        var toVars = local.Where(v => scope.Vars[v] == to).ToList();
        string s, o;
        if (fromVars.Count > 0 && (toVars.Count == 0 || Chance(0.5)))
        {
            s = "?" + Pick(fromVars);
            o = toVars.Count > 0 && Chance(0.3) ? "?" + Pick(toVars) : Constants.TryGetValue(to, out var c) && Chance(0.3) ? Pick(c) : "?" + NewVar(scope, to);
        }
        else
        {
            // Every member of a class, or of a class's subclasses, would be thousands of rows per class.
            if (to == Kind.Class) return;
            o = "?" + Pick(toVars);
            s = "?" + NewVar(scope, from);
        }
        sb.Append("  ").Append(s).Append(' ').Append(path).Append(' ').Append(o).Append(" .\n");
    }

    private void Filter(StringBuilder sb, Scope scope)
    {
        var e = Condition(scope);
        if (e is null) return;
        if (Chance(0.2))
        {
            var f = Condition(scope);
            if (f is not null) e = $"({e} {Pick(["&&", "||"])} {f})";
        }
        if (Chance(0.1)) e = "!(" + e + ")";
        sb.Append("  FILTER(").Append(e).Append(")\n");
    }

    private string? Condition(Scope scope)
    {
        if (scope.Vars.Count == 0) return null;
        var v = Pick(scope.Vars.Keys.ToList());
        var x = "?" + v;
        return scope.Vars[v] switch
        {
            Kind.Num => Pick([$"{x} > {Pick(Constants[Kind.Num])}", $"{x} <= {Pick(Constants[Kind.Num])}", $"{x} * 2 >= 200", $"{x} = 1", $"isNumeric({x})", $"datatype({x}) = xsd:integer", $"ABS({x} - 50) < 40"]),
            Kind.Date => Pick([$"{x} >= \"2019-03-01\"^^xsd:date", $"{x} < \"1970-01-01\"^^xsd:date", $"YEAR({x}) = 2019", $"MONTH({x}) > 6", $"STR({x}) < \"2018\""]),
            Kind.Text => Pick([$"lang({x}) = \"en\"", $"langMatches(lang({x}), \"ar\")", $"CONTAINS({x}, \"a\")", $"STRSTARTS(STR({x}), \"A\")", $"REGEX({x}, \"^م\")",
                $"STRLEN({x}) > 10", $"isLiteral({x})", $"LCASE({x}) != {x}", $"CONTAINS(UCASE({x}), \"AL\")", $"lang({x}) = \"\"", $"REGEX(STR({x}), \"i\", \"i\")"]),
            Kind.Lang => Pick([$"{x} = \"en\"", $"{x} != \"ar\"", $"STR({x}) IN (\"en\", \"ru\")"]),
            Kind.Iri => Pick([$"STRSTARTS(STR({x}), \"http://www.wikidata.org/\")", $"isIRI({x})", $"CONTAINS(STR({x}), \"Q1\")"]),
            Kind.Count => $"{x} > 1",
            _ => Pick([$"isIRI({x})", $"bound({x})", $"!bound({x})", $"STRSTARTS(STR({x}), \"https://w3id.org/astana-kg/id/place/\")",
                $"{x} != {Pick(Constants[Kind.Entity])}", $"{x} IN ({Pick(Constants[Kind.Entity])}, {Pick(Constants[Kind.Entity])})",
                $"STRENDS(STR({x}), \"1\")", $"sameTerm({x}, {x})"]),
        };
    }

    private void Bind(StringBuilder sb, Scope scope)
    {
        var nums = scope.Vars.Where(v => v.Value == Kind.Num && !scope.Maybe.Contains(v.Key)).Select(v => v.Key).ToList();
        if (nums.Count > 0 && Chance(0.5))
        {
            var n = Pick(nums);
            var b = NewVar(scope, Kind.Num);
            sb.Append("  BIND(?").Append(n).Append(" + 1 AS ?").Append(b).Append(")\n");
            return;
        }
        var any = Pick(scope.Vars.Keys.ToList());
        var t = NewVar(scope, Kind.Text);
        sb.Append("  BIND(").Append(Pick([$"STR(?{any})", $"CONCAT(STR(?{any}), \"-x\")", $"IF(isIRI(?{any}), \"iri\", \"other\")", $"COALESCE(?{any}, \"none\")"]))
          .Append(" AS ?").Append(t).Append(")\n");
    }

    private void Optional(StringBuilder sb, Scope scope, int depth, HashSet<string> local)
    {
        var before = scope.Vars.Keys.ToHashSet();
        sb.Append("  OPTIONAL {\n");
        Group(sb, scope, depth + 1, local);
        sb.Append("  }\n");
        foreach (var v in scope.Vars.Keys.Where(v => !before.Contains(v))) scope.Maybe.Add(v);
    }

    private void Union(StringBuilder sb, Scope scope, int depth, HashSet<string> local)
    {
        var before = scope.Vars.Keys.ToHashSet();
        sb.Append("  {\n");
        Group(sb, scope, depth + 1, local);
        sb.Append("  } UNION {\n");
        Group(sb, scope, depth + 1, local);
        sb.Append("  }\n");
        foreach (var v in scope.Vars.Keys.Where(v => !before.Contains(v))) scope.Maybe.Add(v);
    }

    /// <summary>MINUS, or FILTER (NOT) EXISTS: variables bound inside stay inside.</summary>
    private void Minus(StringBuilder sb, Scope scope, int depth, HashSet<string> local, bool exists)
    {
        if (scope.Vars.Count == 0) return;
        var inner = new Scope();
        foreach (var (k, v) in scope.Vars) inner.Vars[k] = v;
        sb.Append(exists ? (Chance(0.5) ? "  FILTER NOT EXISTS {\n" : "  FILTER EXISTS {\n") : "  MINUS {\n");
        Group(sb, inner, depth + 1, local);
        sb.Append("  }\n");
    }

    private void SubQuery(StringBuilder sb, Scope scope, int depth, HashSet<string> local)
    {
        var inner = new Scope();
        var anchors = local.Where(v => Starts.Contains(scope.Vars[v])).ToList();
        if (anchors.Count == 0) return;
        var anchor = Pick(anchors);
        inner.Vars[anchor] = scope.Vars[anchor];
        var body = new StringBuilder();
        Group(body, inner, depth + 1, [anchor]);
        var key = anchor;
        var count = NewVar(scope, Kind.Count);
        sb.Append("  {\n    SELECT ?").Append(key).Append(" (COUNT(*) AS ?").Append(count).Append(") WHERE {\n").Append(body)
          .Append("    } GROUP BY ?").Append(key).Append('\n');
        if (Chance(0.3)) sb.Append("    ORDER BY DESC(?").Append(count).Append(") ?").Append(key).Append(" LIMIT ").Append(_random.Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  }\n");
        scope.Vars[key] = inner.Vars[key];
        scope.OneType.Add(count);
    }

    private string NewVar(Scope scope, Kind kind)
    {
        var v = "v" + (_nextVar++).ToString(CultureInfo.InvariantCulture);
        scope.Vars[v] = kind;
        return v;
    }

    private List<string> Subset(List<string> vars)
    {
        var n = _random.Next(1, Math.Max(2, vars.Count + 1));
        return vars.OrderBy(_ => _random.Next()).Take(n).ToList();
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
