using Graph.Rdf;

namespace Graph.Formats.Tests.RdfXml.Interim;

/// <summary>
/// Dataset isomorphism by backtracking over blank-node mappings, used only until `Graph.Rdf.Isomorphism`
/// from the `formats` branch lands on main; delete it then.
/// </summary>
internal static class InterimIsomorphism
{
    public static bool AreIsomorphic(IEnumerable<Quad> a, IEnumerable<Quad> b)
    {
        var sa = a.ToHashSet();
        var sb = b.ToHashSet();
        if (sa.Count != sb.Count) return false;
        var groundA = sa.Where(q => !HasBlank(q)).ToHashSet();
        var groundB = sb.Where(q => !HasBlank(q)).ToHashSet();
        if (!groundA.SetEquals(groundB)) return false;
        var restA = sa.Where(HasBlank).ToList();
        var restB = sb.Where(HasBlank).ToHashSet();
        if (restA.Count != restB.Count) return false;
        var blanksA = restA.SelectMany(Blanks).Distinct().ToList();
        var blanksB = restB.SelectMany(Blanks).Distinct().ToList();
        if (blanksA.Count != blanksB.Count) return false;
        var sigA = Signatures(restA, blanksA);
        var sigB = Signatures(restB, blanksB);
        // Most constrained first keeps the search small.
        blanksA = blanksA.OrderBy(x => blanksB.Count(y => sigB[y] == sigA[x])).ToList();
        var map = new Dictionary<BlankNode, BlankNode>();
        var used = new HashSet<BlankNode>();
        return Search(0);

        bool Search(int k)
        {
            if (k == blanksA.Count)
                return restA.All(q => restB.Contains(Map(q, map)));
            var x = blanksA[k];
            foreach (var y in blanksB)
            {
                if (used.Contains(y) || sigA[x] != sigB[y]) continue;
                map[x] = y;
                used.Add(y);
                if (Consistent(x) && Search(k + 1)) return true;
                map.Remove(x);
                used.Remove(y);
            }
            return false;
        }

        bool Consistent(BlankNode x)
        {
            foreach (var q in restA)
            {
                if (!Blanks(q).Contains(x)) continue;
                if (Blanks(q).All(map.ContainsKey) && !restB.Contains(Map(q, map))) return false;
            }
            return true;
        }
    }

    private static Dictionary<BlankNode, long> Signatures(IEnumerable<Quad> quads, List<BlankNode> blanks)
    {
        var sig = blanks.ToDictionary(b => b, _ => 17L);
        var list = quads.ToList();
        for (var round = 0; round < 3; round++)
        {
            var next = blanks.ToDictionary(b => b, _ => 0L);
            foreach (var q in list)
            {
                INode?[] terms = [q.Subject, q.Predicate, q.Object, q.Graph];
                for (var pos = 0; pos < 4; pos++)
                {
                    if (terms[pos] is not BlankNode self) continue;
                    long h = pos + 1;
                    for (var o = 0; o < 4; o++)
                    {
                        var t = terms[o];
                        long th = t switch
                        {
                            null => 3,
                            BlankNode bn => ReferenceEquals(bn, self) || bn.Equals(self) ? 5 : sig[bn],
                            _ => StringComparer.Ordinal.GetHashCode(t.ToString()!),
                        };
                        h = unchecked(h * 31 + th * (o + 7));
                    }
                    next[self] = unchecked(next[self] + h * 2654435761L);
                }
            }
            sig = next;
        }
        return sig;
    }

    private static bool HasBlank(Quad q) => q.Subject is BlankNode || q.Object is BlankNode || q.Graph is BlankNode;

    private static IEnumerable<BlankNode> Blanks(Quad q)
    {
        if (q.Subject is BlankNode s) yield return s;
        if (q.Object is BlankNode o) yield return o;
        if (q.Graph is BlankNode g) yield return g;
    }

    private static Quad Map(Quad q, Dictionary<BlankNode, BlankNode> m)
    {
        INode M(INode n) => n is BlankNode b && m.TryGetValue(b, out var r) ? r : n;
        return new Quad(M(q.Subject), q.Predicate, M(q.Object), q.Graph is null ? null : M(q.Graph));
    }
}
