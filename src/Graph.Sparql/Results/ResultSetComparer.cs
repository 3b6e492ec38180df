using Graph.Rdf;
using Graph.Sparql.Functions;

namespace Graph.Sparql.Results;

/// <summary>
/// Compares result sets as the W3C test suites need: the same variables (in any order), the same rows as a bag
/// (or in order), blank nodes matched by one consistent bijection across the whole result, terms compared exactly
/// except that numeric literals of the same datatype compare by value ("2.0" and "2" as xsd:decimal).
/// </summary>
public static class ResultSetComparer
{
    /// <summary>How many candidate pairings the blank-node search tries before it gives up (reporting "not equal").</summary>
    public const long SearchLimit = 2_000_000;

    public static bool AreEqual(SparqlResultSet expected, SparqlResultSet actual, bool ordered) =>
        Difference(expected, actual, ordered) is null;

    /// <summary>
    /// For CSV expectations, which carry no types: <paramref name="actual"/> is turned into its CSV text form
    /// (simple literals, blank nodes kept) before the comparison.
    /// </summary>
    public static bool AreEqualAsCsv(SparqlResultSet expectedCsv, SparqlResultSet actual, bool ordered) =>
        Difference(expectedCsv, ToCsvForm(actual), ordered) is null;

    public static SparqlResultSet ToCsvForm(SparqlResultSet rs)
    {
        if (rs.IsBoolean) return rs;
        var rows = rs.Rows.Select(r => r.Select(t => t switch
        {
            null => null,
            BlankNode b => (INode)b,
            _ => new LiteralNode(TermText.Csv(t)),
        }).ToArray()).ToList();
        return new SparqlResultSet(rs.Variables, rows);
    }

    /// <summary>Null when the results are equal, else a short description of the first difference found.</summary>
    public static string? Difference(SparqlResultSet expected, SparqlResultSet actual, bool ordered)
    {
        if (expected.IsBoolean || actual.IsBoolean)
            return expected.Boolean == actual.Boolean ? null : $"expected boolean {Show(expected.Boolean)}, got {Show(actual.Boolean)}";
        var ev = expected.Variables.ToHashSet(StringComparer.Ordinal);
        var av = actual.Variables.ToHashSet(StringComparer.Ordinal);
        if (!ev.SetEquals(av))
            return "expected variables " + string.Join(" ", expected.Variables.Select(v => "?" + v)) + ", got " + string.Join(" ", actual.Variables.Select(v => "?" + v));
        if (expected.Rows.Count != actual.Rows.Count)
            return $"expected {expected.Rows.Count} rows, got {actual.Rows.Count}";
        var map = expected.Variables.Select(v => IndexOf(actual.Variables, v)).ToArray();
        var act = actual.Rows.Select(r => map.Select(i => r[i]).ToArray()).ToList();
        var exp = expected.Rows;
        return ordered ? CompareOrdered(exp, act) : CompareBags(exp, act);
    }

    private static string Show(bool? b) => b is null ? "(none: a SELECT result)" : b.Value ? "true" : "false";

    private static int IndexOf(IReadOnlyList<string> list, string v)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == v) return i;
        return -1;
    }

    private static string? CompareOrdered(IReadOnlyList<INode?[]> exp, List<INode?[]> act)
    {
        var m = new BNodeMap();
        for (var i = 0; i < exp.Count; i++)
            if (!m.TryMatchRow(exp[i], act[i]))
                return $"row {i + 1}: expected {RowText(exp[i])}, got {RowText(act[i])}";
        return null;
    }

    private static string? CompareBags(IReadOnlyList<INode?[]> exp, List<INode?[]> act)
    {
        // Rows without blank nodes match by key; only the rest need the search for a blank-node bijection.
        var ground = new Dictionary<string, int>(StringComparer.Ordinal);
        var expB = new List<INode?[]>();
        var actB = new List<INode?[]>();
        foreach (var r in act)
        {
            if (HasBNode(r)) actB.Add(r);
            else ground[Key(r)] = ground.GetValueOrDefault(Key(r)) + 1;
        }
        foreach (var r in exp)
        {
            if (HasBNode(r)) { expB.Add(r); continue; }
            var k = Key(r);
            if (ground.GetValueOrDefault(k) == 0) return "expected row not found: " + RowText(r);
            ground[k]--;
        }
        foreach (var (k, n) in ground)
            if (n > 0) return "unexpected row: " + k;
        if (expB.Count != actB.Count) return $"expected {expB.Count} rows with blank nodes, got {actB.Count}";
        return MatchWithBNodes(expB, actB);
    }

    /// <summary>Backtracking search for a row pairing with a consistent blank-node bijection, on an explicit stack.</summary>
    private static string? MatchWithBNodes(List<INode?[]> exp, List<INode?[]> act)
    {
        if (exp.Count == 0) return null;
        var shapes = act.Select(Shape).ToArray();
        var candidates = exp.Select(e =>
        {
            var s = Shape(e);
            return Enumerable.Range(0, act.Count).Where(j => shapes[j] == s).ToArray();
        }).ToArray();
        for (var i = 0; i < exp.Count; i++)
            if (candidates[i].Length == 0) return "expected row not found: " + RowText(exp[i]);
        // Most constrained rows first keeps the search small.
        var order = Enumerable.Range(0, exp.Count).OrderBy(i => candidates[i].Length).ToArray();
        var used = new bool[act.Count];
        var map = new BNodeMap();
        var choice = new int[exp.Count];
        var marks = new int[exp.Count];
        Array.Fill(choice, -1);
        var depth = 0;
        long steps = 0;
        while (depth >= 0)
        {
            if (depth == exp.Count) return null;
            var ei = order[depth];
            var cands = candidates[ei];
            if (choice[depth] >= 0)
            {
                // Undo the previous choice at this depth before trying the next.
                used[cands[choice[depth]]] = false;
                map.Undo(marks[depth]);
            }
            var next = choice[depth] + 1;
            var found = false;
            for (; next < cands.Length; next++)
            {
                if (++steps > SearchLimit) return "blank-node matching gave up after " + SearchLimit + " steps";
                var j = cands[next];
                if (used[j]) continue;
                marks[depth] = map.Mark;
                if (map.TryMatchRow(exp[ei], act[j]))
                {
                    used[j] = true;
                    choice[depth] = next;
                    found = true;
                    break;
                }
                map.Undo(marks[depth]);
            }
            if (found)
            {
                depth++;
                if (depth < exp.Count) choice[depth] = -1;
            }
            else
            {
                choice[depth] = -1;
                depth--;
            }
        }
        return "no consistent blank-node mapping; e.g. expected row " + RowText(exp[order[0]]);
    }

    private static bool HasBNode(INode?[] row) => row.Any(ContainsBNode);

    private static bool ContainsBNode(INode? n) => n switch
    {
        BlankNode => true,
        TripleNode t => ContainsBNode(t.Triple.Subject) || ContainsBNode(t.Triple.Object),
        _ => false,
    };

    private static string Shape(INode?[] row) => string.Join("\t", row.Select(n => n is null ? "" : ContainsBNode(n) ? (n is BlankNode ? "_" : "<<_>>") : TermKey(n)));

    private static string Key(INode?[] row) => string.Join("\t", row.Select(n => n is null ? "" : TermKey(n)));

    /// <summary>A term's comparison key: numeric literals by datatype and value, everything else by its N-Triples form.</summary>
    private static string TermKey(INode n)
    {
        if (n is LiteralNode l && l.Language is null && Numeric.TryFrom(l, out var v))
        {
            var canonical = v.Type switch
            {
                NumericType.Integer => v.IntegerValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                NumericType.Decimal => XsdLexical.CanonicalDecimal(v.DecimalValue),
                NumericType.Float => XsdLexical.CanonicalFloat(v.DoubleValue),
                _ => XsdLexical.CanonicalDouble(v.DoubleValue),
            };
            return "\"" + canonical + "\"^^<" + l.Datatype.Value + ">";
        }
        if (n is LiteralNode { Language: not null } ll)
            return LiteralNode.LangString(ll.Value, ll.Language.ToLowerInvariant(), ll.Direction).ToString();
        return n.ToString() ?? "";
    }

    private static bool TermsMatch(INode a, INode b) =>
        a.Equals(b) || a is LiteralNode && b is LiteralNode && TermKey(a) == TermKey(b);

    private static string RowText(INode?[] row) => "(" + string.Join(" ", row.Select(n => n?.ToString() ?? "UNDEF")) + ")";

    /// <summary>A blank-node bijection that can be extended and rolled back.</summary>
    private sealed class BNodeMap
    {
        private readonly Dictionary<string, string> _fwd = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _back = new(StringComparer.Ordinal);
        private readonly List<string> _log = [];

        public int Mark => _log.Count;

        public void Undo(int mark)
        {
            for (var i = _log.Count - 1; i >= mark; i--)
            {
                var e = _log[i];
                _back.Remove(_fwd[e]);
                _fwd.Remove(e);
            }
            _log.RemoveRange(mark, _log.Count - mark);
        }

        public bool TryMatchRow(INode?[] e, INode?[] a)
        {
            var mark = Mark;
            for (var i = 0; i < e.Length; i++)
            {
                if (e[i] is null != a[i] is null || e[i] is { } x && !TryMatch(x, a[i]!))
                {
                    Undo(mark);
                    return false;
                }
            }
            return true;
        }

        private bool TryMatch(INode e, INode a)
        {
            if (e is BlankNode be)
            {
                if (a is not BlankNode ba) return false;
                if (_fwd.TryGetValue(be.Label, out var m)) return m == ba.Label;
                if (_back.ContainsKey(ba.Label)) return false;
                _fwd[be.Label] = ba.Label;
                _back[ba.Label] = be.Label;
                _log.Add(be.Label);
                return true;
            }
            if (e is TripleNode te && ContainsBNode(te))
            {
                if (a is not TripleNode ta) return false;
                return TryMatch(te.Triple.Subject, ta.Triple.Subject) && te.Triple.Predicate.Equals(ta.Triple.Predicate) && TryMatch(te.Triple.Object, ta.Triple.Object);
            }
            return TermsMatch(e, a);
        }
    }
}
