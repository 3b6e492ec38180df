namespace Graph.Store;

/// <summary>
/// A sort order of quads: the positions compared first to last. A pattern is answered from an order whose leading
/// positions are exactly the pattern's bound ones, so its matches form one contiguous range.
/// </summary>
public enum QuadOrder : byte
{
    SPOG = 0,
    POSG = 1,
    OSPG = 2,
    GSPO = 3,
    GPOS = 4,
    GOSP = 5,
}

/// <summary>Which order answers which pattern, and how a quad maps to the key of an order.</summary>
public static class QuadOrders
{
    public const int Count = 6;

    /// <summary>
    /// The order in which <see cref="IQuadSource.Match"/> of a <see cref="QuadSnapshot"/> yields its results. Only
    /// the bound subject/predicate/object positions decide it (a bound graph is a constant, so it does not matter):
    /// nothing, S, SP or SPO bound: SPOG; P or PO: POSG; O or SO: OSPG.
    /// </summary>
    public static QuadOrder ForPattern(int s, int p, int o)
    {
        if (s != 0) return o != 0 && p == 0 ? QuadOrder.OSPG : QuadOrder.SPOG;
        if (p != 0) return QuadOrder.POSG;
        return o != 0 ? QuadOrder.OSPG : QuadOrder.SPOG;
    }

    /// <summary>The graph-first order that answers a pattern with a bound graph.</summary>
    internal static QuadOrder GraphFirst(int s, int p, int o)
    {
        if (s != 0) return o != 0 && p == 0 ? QuadOrder.GOSP : QuadOrder.GSPO;
        if (p != 0) return QuadOrder.GPOS;
        return o != 0 ? QuadOrder.GOSP : QuadOrder.GSPO;
    }

    internal static QuadKey ToKey(QuadOrder order, int s, int p, int o, int g) => order switch
    {
        QuadOrder.SPOG => new QuadKey(s, p, o, g),
        QuadOrder.POSG => new QuadKey(p, o, s, g),
        QuadOrder.OSPG => new QuadKey(o, s, p, g),
        QuadOrder.GSPO => new QuadKey(g, s, p, o),
        QuadOrder.GPOS => new QuadKey(g, p, o, s),
        _ => new QuadKey(g, o, s, p),
    };

    internal static QuadKey ToKey(QuadOrder order, in EncodedQuad q) => ToKey(order, q.S, q.P, q.O, q.G);

    internal static EncodedQuad FromKey(QuadOrder order, in QuadKey k) => order switch
    {
        QuadOrder.SPOG => new EncodedQuad(k.A, k.B, k.C, k.D),
        QuadOrder.POSG => new EncodedQuad(k.C, k.A, k.B, k.D),
        QuadOrder.OSPG => new EncodedQuad(k.B, k.C, k.A, k.D),
        QuadOrder.GSPO => new EncodedQuad(k.B, k.C, k.D, k.A),
        QuadOrder.GPOS => new EncodedQuad(k.D, k.B, k.C, k.A),
        _ => new EncodedQuad(k.C, k.D, k.B, k.A),
    };

    /// <summary>Re-keys an array sorted in one order into another order (unsorted).</summary>
    internal static QuadKey[] Permute(QuadKey[] keys, int count, QuadOrder from, QuadOrder to)
    {
        var result = GC.AllocateUninitializedArray<QuadKey>(count);
        for (var i = 0; i < count; i++)
            result[i] = ToKey(to, FromKey(from, keys[i]));
        return result;
    }
}

/// <summary>
/// Four ids in the order of some <see cref="QuadOrder"/>, packed in two unsigned longs so that comparing keys is
/// two integer comparisons. Ids are positive, and -1 (all ones) serves as the upper bound of a range.
/// </summary>
internal readonly struct QuadKey : IComparable<QuadKey>, IEquatable<QuadKey>
{
    public readonly ulong Hi;
    public readonly ulong Lo;

    public QuadKey(int a, int b, int c, int d)
    {
        Hi = ((ulong)(uint)a << 32) | (uint)b;
        Lo = ((ulong)(uint)c << 32) | (uint)d;
    }

    public int A => (int)(Hi >> 32);
    public int B => (int)(uint)Hi;
    public int C => (int)(Lo >> 32);
    public int D => (int)(uint)Lo;

    public int CompareTo(QuadKey other)
    {
        if (Hi != other.Hi) return Hi < other.Hi ? -1 : 1;
        if (Lo != other.Lo) return Lo < other.Lo ? -1 : 1;
        return 0;
    }

    public bool Equals(QuadKey other) => Hi == other.Hi && Lo == other.Lo;

    public override bool Equals(object? obj) => obj is QuadKey k && Equals(k);

    public override int GetHashCode() => HashCode.Combine(Hi, Lo);

    public static bool operator <(QuadKey a, QuadKey b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);
    public static bool operator >(QuadKey a, QuadKey b) => b < a;
    public static bool operator <=(QuadKey a, QuadKey b) => !(b < a);
    public static bool operator >=(QuadKey a, QuadKey b) => !(a < b);
    public static bool operator ==(QuadKey a, QuadKey b) => a.Equals(b);
    public static bool operator !=(QuadKey a, QuadKey b) => !a.Equals(b);
}
