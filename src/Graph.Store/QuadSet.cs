namespace Graph.Store;

/// <summary>
/// An immutable, sorted, duplicate-free set of encoded quads held in several orders, so that every pattern is one
/// contiguous range of one order: its matches come from a binary search and its count is the range's length.
/// </summary>
/// <remarks>
/// SPOG, POSG and OSPG are always present. The graph-first orders (GSPO, GPOS, GOSP) are only built when the set
/// spans two graphs or more: with a single graph, a bound graph is either that graph (and the pattern is answered
/// like an unbound one) or another (and nothing matches). Plain triple data so costs three orders, not six.
/// Arrays are never written after construction, so sets share them freely.
/// </remarks>
internal sealed class QuadSet
{
    private const int ParallelThreshold = 50_000;

    private readonly QuadKey[]?[] _orders;

    public static readonly QuadSet Empty = new([[], [], [], null, null, null], []);

    private QuadSet(QuadKey[]?[] orders, int[] graphs)
    {
        _orders = orders;
        Graphs = graphs;
    }

    public int Count => _orders[0]!.Length;

    /// <summary>The distinct graph ids (the default graph included), ascending.</summary>
    public int[] Graphs { get; }

    public QuadKey[] Spog => _orders[0]!;

    public bool HasGraphOrders => _orders[(int)QuadOrder.GSPO] is not null;

    /// <summary>The keys of an order. Graph-first orders exist only when <see cref="HasGraphOrders"/>.</summary>
    public QuadKey[] Keys(QuadOrder order) => _orders[(int)order] ?? throw new InvalidOperationException("order " + order + " is not built for a single-graph set");

    /// <summary>Finds the range of keys matching a pattern (0 = unbound). Returns false when nothing can match.</summary>
    public bool TryRange(int s, int p, int o, int g, out QuadOrder order, out int lo, out int hi)
    {
        lo = hi = 0;
        if (g != 0)
        {
            if (!HasGraphOrders)
            {
                order = QuadOrders.ForPattern(s, p, o);
                if (Graphs.Length == 0 || Graphs[0] != g) return false;
                g = 0;
            }
            else order = QuadOrders.GraphFirst(s, p, o);
        }
        else order = QuadOrders.ForPattern(s, p, o);

        var keys = _orders[(int)order]!;
        if ((s | p | o | g) == 0)
        {
            hi = keys.Length;
            return hi > 0;
        }
        var low = QuadOrders.ToKey(order, s, p, o, g);
        var high = QuadOrders.ToKey(order, s == 0 ? -1 : s, p == 0 ? -1 : p, o == 0 ? -1 : o, g == 0 ? -1 : g);
        lo = LowerBound(keys, 0, keys.Length, low);
        hi = UpperBound(keys, lo, keys.Length, high);
        return hi > lo;
    }

    public long CountOf(int s, int p, int o, int g) => TryRange(s, p, o, g, out _, out var lo, out var hi) ? hi - lo : 0;

    public bool Contains(in EncodedQuad q)
    {
        var keys = Spog;
        var key = QuadOrders.ToKey(QuadOrder.SPOG, q);
        var i = LowerBound(keys, 0, keys.Length, key);
        return i < keys.Length && keys[i] == key;
    }

    /// <summary>First index in [lo, hi) whose key is not below <paramref name="key"/>.</summary>
    internal static int LowerBound(QuadKey[] keys, int lo, int hi, QuadKey key)
    {
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (keys[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>First index in [lo, hi) whose key is above <paramref name="key"/>.</summary>
    internal static int UpperBound(QuadKey[] keys, int lo, int hi, QuadKey key)
    {
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (keys[mid] <= key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Builds a set from sorted, duplicate-free SPOG keys. Takes ownership of the array.</summary>
    public static QuadSet FromSortedDistinct(QuadKey[] spog)
    {
        if (spog.Length == 0) return Empty;
        var graphs = DistinctGraphs(spog);
        var orders = new QuadKey[]?[QuadOrders.Count];
        orders[0] = spog;
        var toBuild = graphs.Length > 1
            ? new[] { QuadOrder.POSG, QuadOrder.OSPG, QuadOrder.GSPO, QuadOrder.GPOS, QuadOrder.GOSP }
            : new[] { QuadOrder.POSG, QuadOrder.OSPG };
        ForEach(toBuild, spog.Length, order =>
        {
            var keys = QuadOrders.Permute(spog, spog.Length, QuadOrder.SPOG, order);
            Array.Sort(keys);
            orders[(int)order] = keys;
        });
        return new QuadSet(orders, graphs);
    }

    /// <summary>
    /// A new set: this one plus <paramref name="adds"/> minus <paramref name="removes"/>, both sorted SPOG keys,
    /// adds disjoint from this set, removes contained in it. Each order is a linear merge, not a new sort.
    /// </summary>
    public QuadSet Apply(QuadKey[] adds, QuadKey[] removes)
    {
        if (adds.Length == 0 && removes.Length == 0) return this;
        if (Count + adds.Length - removes.Length == 0) return Empty;
        if (Count == 0) return FromSortedDistinct(adds);
        var spog = Merge(Spog, adds, removes);
        var graphs = DistinctGraphsAfter(adds, removes);
        var orders = new QuadKey[]?[QuadOrders.Count];
        orders[0] = spog;
        var toBuild = graphs.Length > 1
            ? new[] { QuadOrder.POSG, QuadOrder.OSPG, QuadOrder.GSPO, QuadOrder.GPOS, QuadOrder.GOSP }
            : new[] { QuadOrder.POSG, QuadOrder.OSPG };
        ForEach(toBuild, spog.Length, order =>
        {
            var old = _orders[(int)order];
            if (old is null)
            {
                var keys = QuadOrders.Permute(spog, spog.Length, QuadOrder.SPOG, order);
                Array.Sort(keys);
                orders[(int)order] = keys;
                return;
            }
            var a = QuadOrders.Permute(adds, adds.Length, QuadOrder.SPOG, order);
            Array.Sort(a);
            var r = QuadOrders.Permute(removes, removes.Length, QuadOrder.SPOG, order);
            Array.Sort(r);
            orders[(int)order] = Merge(old, a, r);
        });
        return new QuadSet(orders, graphs);
    }

    private static void ForEach(QuadOrder[] orders, int size, Action<QuadOrder> build)
    {
        if (size < ParallelThreshold || Environment.ProcessorCount < 2)
        {
            foreach (var o in orders) build(o);
            return;
        }
        Parallel.ForEach(orders, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 3) }, build);
    }

    private static QuadKey[] Merge(QuadKey[] keys, QuadKey[] adds, QuadKey[] removes)
    {
        if (adds.Length == 0 && removes.Length == 0) return keys;
        var result = GC.AllocateUninitializedArray<QuadKey>(keys.Length + adds.Length - removes.Length);
        int i = 0, j = 0, k = 0, r = 0;
        while (i < keys.Length)
        {
            var key = keys[i];
            if (k < removes.Length && removes[k] == key)
            {
                k++;
                i++;
                continue;
            }
            while (j < adds.Length && adds[j] < key) result[r++] = adds[j++];
            result[r++] = key;
            i++;
        }
        while (j < adds.Length) result[r++] = adds[j++];
        if (r != result.Length || k != removes.Length)
            throw new InvalidOperationException("store invariant broken: removed quads were not all present");
        return result;
    }

    private static int[] DistinctGraphs(QuadKey[] spog)
    {
        var seen = new HashSet<int>();
        var last = 0;
        foreach (var k in spog)
        {
            var g = k.D;
            if (g == last) continue;
            seen.Add(g);
            last = g;
        }
        var result = seen.ToArray();
        Array.Sort(result);
        return result;
    }

    private int[] DistinctGraphsAfter(QuadKey[] adds, QuadKey[] removes)
    {
        var counts = new Dictionary<int, long>();
        foreach (var g in Graphs) counts[g] = CountOf(0, 0, 0, g);
        foreach (var k in adds) counts[k.D] = counts.GetValueOrDefault(k.D) + 1;
        foreach (var k in removes) counts[k.D] -= 1;
        var result = counts.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToArray();
        Array.Sort(result);
        return result;
    }
}
