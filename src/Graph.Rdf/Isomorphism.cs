namespace Graph.Rdf;

/// <summary>
/// Graph and dataset isomorphism with blank nodes (RDF 1.1 Concepts §3.6, extended to datasets and triple terms):
/// colour refinement of blank nodes by the statements they occur in, then backtracking over the remaining ties.
/// </summary>
public static class Isomorphism
{
    /// <summary>Deepest backtracking allowed; each level fixes one blank node, so this also bounds the graphs handled.</summary>
    private const int MaxDepth = 100_000;

    /// <summary>True when some bijection of blank nodes maps the set of quads <paramref name="a"/> onto <paramref name="b"/> (duplicates ignored).</summary>
    public static bool AreIsomorphic(IEnumerable<Quad> a, IEnumerable<Quad> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sa = new Side(a);
        var sb = new Side(b);
        if (sa.Quads.Count != sb.Quads.Count || sa.Blanks.Count != sb.Blanks.Count || sa.Ground.Count != sb.Ground.Count) return false;
        if (!sa.Ground.SetEquals(sb.Ground)) return false;
        if (sa.Blanks.Count == 0) return true;
        return Search(sa, sb, sa.InitialColours(), sb.InitialColours(), 0);
    }

    /// <summary>Graph isomorphism for triples.</summary>
    public static bool AreIsomorphic(IEnumerable<Triple> a, IEnumerable<Triple> b)
        => AreIsomorphic(a.Select(t => new Quad(t)), b.Select(t => new Quad(t)));

    private static bool Search(Side a, Side b, ulong[] ca, ulong[] cb, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException("isomorphism search too deep");
        a.Refine(ref ca);
        b.Refine(ref cb);
        var sortedA = (ulong[])ca.Clone();
        var sortedB = (ulong[])cb.Clone();
        Array.Sort(sortedA);
        Array.Sort(sortedB);
        if (!sortedA.AsSpan().SequenceEqual(sortedB)) return false;

        // Smallest class of tied colours: fix one of A's members against each candidate of B.
        ulong tie = 0;
        var tieSize = int.MaxValue;
        for (var i = 0; i < sortedA.Length;)
        {
            var j = i;
            while (j < sortedA.Length && sortedA[j] == sortedA[i]) j++;
            if (j - i > 1 && j - i < tieSize) { tieSize = j - i; tie = sortedA[i]; }
            i = j;
        }
        if (tieSize == int.MaxValue) return a.MapsOnto(ca, b, cb);

        var pick = Array.IndexOf(ca, tie);
        var marker = Mix(tie ^ 0x9E3779B97F4A7C15UL, (ulong)depth + 1);
        for (var k = 0; k < cb.Length; k++)
        {
            if (cb[k] != tie) continue;
            var na = (ulong[])ca.Clone();
            var nb = (ulong[])cb.Clone();
            na[pick] = marker;
            nb[k] = marker;
            if (Search(a, b, na, nb, depth + 1)) return true;
        }
        return false;
    }

    internal static ulong Mix(ulong x, ulong y)
    {
        var z = x + 0x9E3779B97F4A7C15UL * (y + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed class Side
    {
        public readonly HashSet<Quad> Quads = [];
        public readonly HashSet<Quad> Ground = [];
        public readonly List<Quad> WithBlanks = [];
        public readonly Dictionary<BlankNode, int> Blanks = [];
        private readonly List<int[]> _occurrences = [];

        public Side(IEnumerable<Quad> quads)
        {
            foreach (var q in quads)
            {
                if (!Quads.Add(q)) continue;
                var found = new List<int>();
                Collect(q.Subject, found);
                Collect(q.Object, found);
                if (q.Graph is not null) Collect(q.Graph, found);
                if (found.Count == 0) Ground.Add(q);
                else
                {
                    WithBlanks.Add(q);
                    _occurrences.Add(found.Distinct().ToArray());
                }
            }
        }

        private void Collect(INode n, List<int> found)
        {
            while (true)
            {
                switch (n)
                {
                    case BlankNode b:
                        if (!Blanks.TryGetValue(b, out var i)) Blanks[b] = i = Blanks.Count;
                        found.Add(i);
                        return;
                    case TripleNode t:
                        Collect(t.Triple.Subject, found);
                        n = t.Triple.Object;
                        continue;
                    default:
                        return;
                }
            }
        }

        public ulong[] InitialColours() => new ulong[Blanks.Count];

        /// <summary>Refines colours until the number of distinct colours stops growing.</summary>
        public void Refine(ref ulong[] colours)
        {
            var distinct = colours.Distinct().Count();
            while (distinct < colours.Length)
            {
                var next = new ulong[colours.Length];
                for (var i = 0; i < next.Length; i++) next[i] = Mix(colours[i], 7);
                for (var k = 0; k < WithBlanks.Count; k++)
                {
                    var q = WithBlanks[k];
                    var h = QuadHash(q, colours);
                    foreach (var bi in _occurrences[k])
                    {
                        // Where the node sits in the quad matters, so mix in its own colour as well as the statement's.
                        next[bi] += Mix(h, colours[bi] ^ PositionMask(q, bi));
                    }
                }
                var d = next.Distinct().Count();
                colours = next;
                if (d <= distinct) break;
                distinct = d;
            }
        }

        private ulong PositionMask(in Quad q, int bi)
        {
            ulong m = 0;
            if (q.Subject is BlankNode s && Blanks[s] == bi) m |= 1;
            if (q.Object is BlankNode o && Blanks[o] == bi) m |= 2;
            if (q.Graph is BlankNode g && Blanks[g] == bi) m |= 4;
            return m * 0x1000193UL;
        }

        private ulong QuadHash(in Quad q, ulong[] colours)
        {
            var h = Mix(TermHash(q.Subject, colours), 1);
            h = Mix(h ^ TermHash(q.Predicate, colours), 2);
            h = Mix(h ^ TermHash(q.Object, colours), 3);
            return Mix(h ^ (q.Graph is null ? 0x51UL : TermHash(q.Graph, colours)), 4);
        }

        private ulong TermHash(INode n, ulong[] colours) => n switch
        {
            BlankNode b => Mix(colours[Blanks[b]], 0xB1),
            TripleNode t => Mix(Mix(TermHash(t.Triple.Subject, colours), 0x71) ^ TermHash(t.Triple.Predicate, colours), TermHash(t.Triple.Object, colours)),
            _ => (ulong)(uint)n.GetHashCode() * 0x100000001B3UL + (ulong)n.Kind,
        };

        /// <summary>With every colour unique, pairs nodes by colour and checks every statement maps across.</summary>
        public bool MapsOnto(ulong[] ca, Side other, ulong[] cb)
        {
            var byColour = new Dictionary<ulong, BlankNode>();
            foreach (var (node, i) in other.Blanks) byColour[cb[i]] = node;
            var map = new Dictionary<BlankNode, BlankNode>();
            foreach (var (node, i) in Blanks)
            {
                if (!byColour.TryGetValue(ca[i], out var target)) return false;
                map[node] = target;
            }
            foreach (var q in WithBlanks)
            {
                var m = new Quad(Map(q.Subject, map), q.Predicate, Map(q.Object, map), q.Graph is null ? null : Map(q.Graph, map));
                if (!other.Quads.Contains(m)) return false;
            }
            return true;
        }

        private static INode Map(INode n, Dictionary<BlankNode, BlankNode> map) => n switch
        {
            BlankNode b => map[b],
            TripleNode t => new TripleNode(new Triple(Map(t.Triple.Subject, map), t.Triple.Predicate, Map(t.Triple.Object, map))),
            _ => n,
        };
    }
}
