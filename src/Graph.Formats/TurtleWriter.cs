using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Turtle and TriG writer: prefixes, subjects grouped with ';' and ',', 'a', bare numbers and booleans,
/// collections, nested [ ] for blank nodes used once, triple terms. Subjects, predicates (rdf:type first) and objects
/// are sorted and blank nodes renamed in order of appearance, so the same graph always gives the same bytes.
/// </summary>
public static class TurtleWriter
{
    /// <summary>Nesting deeper than this is written with labels instead of [ ] or ( ), which keeps recursion bounded.</summary>
    internal const int MaxNesting = 64;

    public static void Write(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, TextWriter output, bool trig)
        => new Writer(prefixes, output, trig).Run(quads);

    public static string ToString(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, bool trig)
    {
        var sw = new StringWriter { NewLine = "\n" };
        Write(quads, prefixes, sw, trig);
        return sw.ToString();
    }

    private sealed class Writer
    {
        private readonly TextWriter _out;
        private readonly bool _trig;
        private readonly StringBuilder _sb = new(1 << 16);
        private readonly Dictionary<string, string> _prefixByNs = new(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, string>> _prefixes;
        private readonly Dictionary<string, string?> _abbrev = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;
        private readonly Dictionary<BlankNode, string> _labels = [];

        // Per graph.
        // The graph's triples grouped by subject (a counting sort on subject ids): subject i owns _sorted[_start[i].._start[i+1]].
        private readonly Dictionary<INode, int> _subjectIndex = [];
        private Triple[] _sorted = [];
        private int[] _start = [];
        private readonly HashSet<BlankNode> _inline = [];
        private readonly Dictionary<BlankNode, List<INode>> _lists = [];

        public Writer(IReadOnlyDictionary<string, string> prefixes, TextWriter output, bool trig)
        {
            _out = output;
            _trig = trig;
            _prefixBySpan = _prefixByNs.GetAlternateLookup<ReadOnlySpan<char>>();
            _prefixes = prefixes.Where(p => IsValidPrefix(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            foreach (var (p, ns) in _prefixes)
                if (!_prefixByNs.TryGetValue(ns, out var existing) || string.CompareOrdinal(p, existing) < 0) _prefixByNs[ns] = p;
        }

        public void Run(IEnumerable<Quad> quads)
        {
            // Duplicates are dropped after sorting, where they sit side by side.
            var seen = new List<Quad>();
            var graphs = new Dictionary<INode, List<Triple>>();
            var defaultGraph = new List<Triple>();
            foreach (var q in quads)
            {
                seen.Add(q);
                if (q.Graph is null) defaultGraph.Add(q.Triple);
                else
                {
                    if (!_trig) throw new InvalidOperationException("Turtle cannot hold named graphs: write TriG or N-Quads instead.");
                    if (!graphs.TryGetValue(q.Graph, out var list)) graphs[q.Graph] = list = [];
                    list.Add(q.Triple);
                }
            }
            var shared = SharedBlankNodes(seen);
            foreach (var (p, ns) in _prefixes)
            {
                _sb.Append("@prefix ").Append(p).Append(": ");
                NTriplesTerms.AppendIri(_sb, ns);
                _sb.Append(" .\n");
            }
            if (_prefixes.Count > 0 && seen.Count > 0) _sb.Append('\n');
            WriteGraph(defaultGraph, shared, "");
            foreach (var name in graphs.Keys.OrderBy(k => k, TermOrder.Instance))
            {
                AppendTerm(name);
                _sb.Append(" {\n");
                WriteGraph(graphs[name], shared, "    ");
                _sb.Append("}\n");
                Flush(false);
            }
            Flush(true);
        }

        /// <summary>Blank nodes that must keep a label: inside triple terms, naming graphs, or used in more than one graph.</summary>
        private static HashSet<BlankNode> SharedBlankNodes(List<Quad> quads)
        {
            var must = new HashSet<BlankNode>();
            var graphOf = new Dictionary<BlankNode, INode?>();
            var stack = new Stack<TripleNode>();
            foreach (var q in quads)
            {
                if (q.Graph is BlankNode gb) must.Add(gb);
                Note(q.Subject, q.Graph);
                Note(q.Object, q.Graph);
            }
            return must;

            void Note(INode n, INode? g)
            {
                if (n is BlankNode b)
                {
                    if (graphOf.TryGetValue(b, out var g0)) { if (!Equals(g0, g)) must.Add(b); }
                    else graphOf[b] = g;
                }
                else if (n is TripleNode t)
                {
                    stack.Push(t);
                    while (stack.Count > 0)
                    {
                        var tt = stack.Pop().Triple;
                        if (tt.Subject is BlankNode sb) must.Add(sb);
                        if (tt.Object is BlankNode ob) must.Add(ob);
                        else if (tt.Object is TripleNode inner) stack.Push(inner);
                    }
                }
            }
        }

        private void WriteGraph(List<Triple> triples, HashSet<BlankNode> mustLabel, string indent)
        {
            if (triples.Count == 0) return;
            _subjectIndex.Clear();
            _signatures.Clear();
            var objectRefs = new Dictionary<BlankNode, int>();
            var ids = new int[triples.Count];
            var counts = new List<int>();
            for (var k = 0; k < triples.Count; k++)
            {
                var t = triples[k];
                if (!_subjectIndex.TryGetValue(t.Subject, out var id))
                {
                    _subjectIndex[t.Subject] = id = counts.Count;
                    counts.Add(0);
                }
                ids[k] = id;
                counts[id]++;
                if (t.Object is BlankNode b) objectRefs[b] = objectRefs.GetValueOrDefault(b) + 1;
            }
            _start = new int[counts.Count + 1];
            for (var i = 0; i < counts.Count; i++) _start[i + 1] = _start[i] + counts[i];
            var fill = (int[])_start.Clone();
            _sorted = new Triple[triples.Count];
            for (var k = 0; k < triples.Count; k++) _sorted[fill[ids[k]]++] = triples[k];
            _inline.Clear();
            _lists.Clear();
            var candidates = new HashSet<BlankNode>();
            foreach (var (b, n) in objectRefs)
                if (n == 1 && !mustLabel.Contains(b)) candidates.Add(b);
            FindLists(candidates);

            // Walk from the labelled subjects through inlinable objects: what is reached within the nesting bound is
            // written inline; what is not (cycles, or too deep) becomes a labelled subject of its own.
            var top = new List<INode>();
            foreach (var s in _subjectIndex.Keys)
                if (!(s is BlankNode b && candidates.Contains(b))) top.Add(s);
            top.Sort(TermOrder.Instance);
            var reached = new HashSet<BlankNode>();
            var queue = new Queue<(INode Node, int Depth)>();
            foreach (var s in top) queue.Enqueue((s, 0));
            var promoted = new List<INode>();
            while (true)
            {
                while (queue.Count > 0)
                {
                    var (node, depth) = queue.Dequeue();
                    foreach (var child in InlineChildren(node))
                    {
                        if (!candidates.Contains(child) || !reached.Add(child)) continue;
                        if (depth + 1 > MaxNesting)
                        {
                            promoted.Add(child);
                            Unlist(child);
                            queue.Enqueue((child, 0));
                        }
                        else
                        {
                            _inline.Add(child);
                            queue.Enqueue((child, depth + 1));
                        }
                    }
                }
                var missing = NextUnreached(candidates, reached);
                if (missing is null) break;
                reached.Add(missing);
                promoted.Add(missing);
                queue.Enqueue((missing, 0));
            }
            top.AddRange(promoted);
            top.Sort(_nodeOrder);
            // Objects never seen as subjects, used once: plain [].
            foreach (var c in candidates)
                if (!_subjectIndex.ContainsKey(c) && !IsListCell(c)) _inline.Add(c);

            foreach (var s in top)
            {
                _sb.Append(indent);
                AppendTerm(s);
                WritePredicateObjects(s, indent, 1);
                _sb.Append(" .\n");
                Flush(false);
            }
        }

        private readonly HashSet<BlankNode> _listCells = [];
        private readonly Dictionary<BlankNode, List<BlankNode>> _cellsOf = [];
        private List<BlankNode>? _unreachedOrder;
        private int _unreachedNext;

        /// <summary>A promoted list head is written as plain triples: its cells become ordinary blank nodes again.</summary>
        private void Unlist(BlankNode head)
        {
            if (!_lists.Remove(head)) return;
            foreach (var c in _cellsOf[head]) _listCells.Remove(c);
            _unreachedOrder = null;
        }

        private BlankNode? NextUnreached(HashSet<BlankNode> candidates, HashSet<BlankNode> reached)
        {
            if (_unreachedOrder is null)
            {
                _unreachedOrder = candidates.Where(c => _subjectIndex.ContainsKey(c) && !reached.Contains(c)).ToList();
                _unreachedOrder.Sort(TermOrder.Instance);
                _unreachedNext = 0;
            }
            while (_unreachedNext < _unreachedOrder.Count)
            {
                var c = _unreachedOrder[_unreachedNext++];
                if (!reached.Contains(c) && !IsListCell(c)) return c;
            }
            return null;
        }

        private bool IsListCell(BlankNode b) => _listCells.Contains(b);

        /// <summary>Marks well-formed rdf:first/rdf:rest chains whose cells are used once and say nothing else.</summary>
        private void FindLists(HashSet<BlankNode> candidates)
        {
            _listCells.Clear();
            _cellsOf.Clear();
            _unreachedOrder = null;
            var restOf = new HashSet<BlankNode>();
            foreach (var c in candidates)
                if (IsCell(c, out _, out var rest) && rest is BlankNode rb) restOf.Add(rb);
            foreach (var head in candidates)
            {
                // A head is a cell nobody reaches through rdf:rest.
                if (restOf.Contains(head) || !IsCell(head, out _, out _)) continue;
                var items = new List<INode>();
                var cells = new List<BlankNode>();
                INode cur = head;
                var ok = false;
                var guard = new HashSet<BlankNode>();
                while (true)
                {
                    if (cur is IriNode { Value: Vocab.Rdf.Nil }) { ok = true; break; }
                    if (cur is not BlankNode cb || !candidates.Contains(cb) || !guard.Add(cb) || !IsCell(cb, out var first, out var rest)) break;
                    items.Add(first!);
                    cells.Add(cb);
                    cur = rest!;
                }
                if (!ok) continue;
                _lists[head] = items;
                _cellsOf[head] = cells;
                foreach (var cell in cells) if (!ReferenceEquals(cell, head)) _listCells.Add(cell);
            }
        }

        private bool IsCell(BlankNode b, out INode? first, out INode? rest)
        {
            first = rest = null;
            if (!TryGetTriples(b, out var ts) || ts.Count != 2) return false;
            foreach (var t in ts)
            {
                if (t.Predicate.Value == Vocab.Rdf.First) first = t.Object;
                else if (t.Predicate.Value == Vocab.Rdf.Rest) rest = t.Object;
            }
            return first is not null && rest is not null;
        }

        private IEnumerable<BlankNode> InlineChildren(INode node)
        {
            if (node is BlankNode lb && _lists.TryGetValue(lb, out var items))
            {
                foreach (var i in items) if (i is BlankNode ib) yield return ib;
                yield break;
            }
            if (!TryGetTriples(node, out var ts)) yield break;
            foreach (var t in ts) if (t.Object is BlankNode ob) yield return ob;
        }

        private readonly Dictionary<(string, int), string> _pads = [];

        private string Pad(string indent, int level)
        {
            if (!_pads.TryGetValue((indent, level), out var pad)) _pads[(indent, level)] = pad = indent + new string(' ', 4 * level);
            return pad;
        }

        private bool TryGetTriples(INode subject, out ArraySegment<Triple> triples)
        {
            if (!_subjectIndex.TryGetValue(subject, out var id))
            {
                triples = default;
                return false;
            }
            triples = new ArraySegment<Triple>(_sorted, _start[id], _start[id + 1] - _start[id]);
            return true;
        }

        private NodeOrder? _nodeOrderField;
        private TripleOrder? _tripleOrderField;

        private NodeOrder _nodeOrder => _nodeOrderField ??= new NodeOrder(this);

        private TripleOrder _tripleOrder => _tripleOrderField ??= new TripleOrder(_nodeOrder);

        private readonly Dictionary<BlankNode, string> _signatures = [];

        /// <summary>
        /// What a blank node says, with other blank nodes masked: orders blank nodes by content rather than by label,
        /// so relabelling a graph rarely changes its bytes (labels only break remaining ties).
        /// </summary>
        private string Signature(BlankNode b)
        {
            if (_signatures.TryGetValue(b, out var sig)) return sig;
            var parts = new List<string>();
            if (TryGetTriples(b, out var ts))
                foreach (var t in ts)
                    parts.Add(t.Predicate.Value + " " + (t.Object is BlankNode ? "_" : t.Object is TripleNode ? "<<>>" : t.Object.ToString()));
            parts.Sort(StringComparer.Ordinal);
            sig = string.Join('\n', parts);
            if (_signatures.Count < 1 << 20) _signatures[b] = sig;
            return sig;
        }

        private sealed class NodeOrder(Writer w) : IComparer<INode>
        {
            public int Compare(INode? x, INode? y)
            {
                if (x is BlankNode a && y is BlankNode b && !ReferenceEquals(a, b))
                {
                    var c = string.CompareOrdinal(w.Signature(a), w.Signature(b));
                    if (c != 0) return c;
                }
                return TermOrder.Instance.Compare(x, y);
            }
        }

        private sealed class TripleOrder(NodeOrder nodes) : IComparer<Triple>
        {
            public int Compare(Triple x, Triple y)
            {
                var c = ReferenceEquals(x.Predicate, y.Predicate) ? 0 : PredicateOrder(x.Predicate, y.Predicate);
                return c != 0 ? c : nodes.Compare(x.Object, y.Object);
            }
        }

        private static int PredicateOrder(IriNode a, IriNode b)
        {
            var ta = a.Value == Vocab.Rdf.Type;
            var tb = b.Value == Vocab.Rdf.Type;
            if (ta != tb) return ta ? -1 : 1;
            return string.CompareOrdinal(a.Value, b.Value);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WritePredicateObjects(INode subject, string indent, int level)
        {
            if (!TryGetTriples(subject, out var ts)) return;
            Array.Sort(_sorted, ts.Offset, ts.Count, _tripleOrder);
            var pad = Pad(indent, level);
            IriNode? lastP = null;
            for (var k = 0; k < ts.Count; k++)
            {
                var t = ts[k];
                if (k > 0 && t.Equals(ts[k - 1])) continue;
                if (lastP is not null && t.Predicate.Equals(lastP))
                {
                    _sb.Append(", ");
                }
                else
                {
                    if (lastP is null) _sb.Append(' ');
                    else _sb.Append(" ;\n").Append(pad);
                    if (t.Predicate.Value == Vocab.Rdf.Type) _sb.Append('a');
                    else AppendTerm(t.Predicate);
                    _sb.Append(' ');
                    lastP = t.Predicate;
                }
                AppendObject(t.Object, indent, level);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AppendObject(INode o, string indent, int level)
        {
            if (o is BlankNode b && _inline.Contains(b))
            {
                if (_lists.TryGetValue(b, out var items))
                {
                    _sb.Append('(');
                    foreach (var item in items)
                    {
                        _sb.Append(' ');
                        AppendObject(item, indent, level + 1);
                    }
                    _sb.Append(" )");
                    return;
                }
                if (!_subjectIndex.ContainsKey(b))
                {
                    _sb.Append("[]");
                    return;
                }
                _sb.Append('[');
                var pad = Pad(indent, level + 1);
                _sb.Append('\n').Append(pad);
                var before = _sb.Length;
                WritePredicateObjects(b, indent, level + 1);
                // WritePredicateObjects starts with a space after the subject; inside [ ] there is none.
                if (_sb.Length > before && _sb[before] == ' ') _sb.Remove(before, 1);
                _sb.Append('\n').Append(indent).Append(' ', 4 * level).Append(']');
                return;
            }
            if (o is IriNode { Value: Vocab.Rdf.Nil })
            {
                _sb.Append("()");
                return;
            }
            AppendTerm(o);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AppendTerm(INode n)
        {
            switch (n)
            {
                case IriNode i:
                    if (!_abbrev.TryGetValue(i.Value, out var name))
                    {
                        name = Abbreviate(i.Value);
                        if (_abbrev.Count < 1 << 20) _abbrev[i.Value] = name;
                    }
                    if (name is not null) _sb.Append(name);
                    else NTriplesTerms.AppendIri(_sb, i.Value);
                    break;
                case BlankNode b:
                    if (!_labels.TryGetValue(b, out var label)) _labels[b] = label = "b" + _labels.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _sb.Append("_:").Append(label);
                    break;
                case LiteralNode l:
                    AppendLiteral(l);
                    break;
                case TripleNode t:
                    _sb.Append("<<( ");
                    AppendTerm(t.Triple.Subject);
                    _sb.Append(' ');
                    AppendTerm(t.Triple.Predicate);
                    _sb.Append(' ');
                    AppendTerm(t.Triple.Object);
                    _sb.Append(" )>>");
                    break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AppendLiteral(LiteralNode l)
        {
            if (l.Language is null)
            {
                switch (l.Datatype.Value)
                {
                    case Vocab.Xsd.Integer when TurtleLexical.IsInteger(l.Value):
                    case Vocab.Xsd.Decimal when TurtleLexical.IsDecimal(l.Value):
                    case Vocab.Xsd.Double when TurtleLexical.IsDouble(l.Value):
                    case Vocab.Xsd.Boolean when l.Value is "true" or "false":
                        _sb.Append(l.Value);
                        return;
                }
            }
            NTriplesTerms.AppendString(_sb, l.Value);
            if (l.Language is not null)
            {
                _sb.Append('@').Append(l.Language);
                if (l.Direction is not null) _sb.Append("--").Append(l.Direction);
            }
            else if (l.Datatype.Value != Vocab.Xsd.String)
            {
                _sb.Append("^^");
                AppendTerm(l.Datatype);
            }
        }

        private string? Abbreviate(string iri)
        {
            for (var cut = iri.Length; cut > 0; cut--)
            {
                var c = iri[cut - 1];
                if (c != '#' && c != '/' && c != ':' && cut != iri.Length) continue;
                if (_prefixBySpan.TryGetValue(iri.AsSpan(0, cut), out var prefix))
                {
                    var local = iri.AsSpan(cut);
                    if (TurtleLexical.IsSafeLocalName(local)) return prefix + ":" + local.ToString();
                }
                if (c == '/' || c == '#') break;
            }
            // Namespaces that do not end at '/', '#' or ':' still match by longest prefix.
            string? best = null;
            var bestLen = -1;
            foreach (var (ns, p) in _prefixByNs)
                if (ns.Length > bestLen && iri.StartsWith(ns, StringComparison.Ordinal) && TurtleLexical.IsSafeLocalName(iri.AsSpan(ns.Length)))
                {
                    best = p + ":" + iri[ns.Length..];
                    bestLen = ns.Length;
                }
            return best;
        }

        private static bool IsValidPrefix(string p)
        {
            if (p.Length == 0) return true;
            if (!CharClasses.IsPnCharsBase(p[0]) || p[^1] == '.') return false;
            foreach (var c in p) if (!(CharClasses.IsPnChars(c) || c == '.')) return false;
            return true;
        }

        private void Flush(bool final)
        {
            if (!final && _sb.Length < 1 << 15) return;
            foreach (var chunk in _sb.GetChunks()) _out.Write(chunk.Span);
            _sb.Clear();
        }
    }
}

/// <summary>Which lexical forms Turtle can write bare, and which local names need no escaping.</summary>
internal static class TurtleLexical
{
    public static bool IsInteger(string s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (i >= s.Length) return false;
        for (; i < s.Length; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    public static bool IsDecimal(string s)
    {
        var i = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? 1 : 0;
        var dot = s.IndexOf('.', i);
        if (dot < 0 || dot == s.Length - 1) return false;
        for (var k = i; k < s.Length; k++) if (k != dot && !char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    public static bool IsDouble(string s)
    {
        var e = s.IndexOfAny(['e', 'E']);
        if (e <= 0 || e == s.Length - 1) return false;
        var mant = s[..e];
        var exp = s[(e + 1)..];
        if (!IsInteger(exp)) return false;
        var i = mant.Length > 0 && (mant[0] == '+' || mant[0] == '-') ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var k = i; k < mant.Length; k++)
        {
            if (char.IsAsciiDigit(mant[k])) digits++;
            else if (mant[k] == '.') dots++;
            else return false;
        }
        return digits > 0 && dots <= 1;
    }

    /// <summary>A PN_LOCAL written without escapes: name characters, ':' and inner '.'.</summary>
    public static bool IsSafeLocalName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return true;
        var c0 = s[0];
        if (!(CharClasses.IsPnCharsU(c0) || c0 == ':' || char.IsAsciiDigit(c0))) return false;
        if (s[^1] == '.') return false;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (!(CharClasses.IsPnChars(c) || c == ':' || c == '.')) return false;
        }
        return true;
    }
}
