using System.Collections;

namespace Graph.Store;

/// <summary>
/// A forward cursor over the matches of one pattern in a <see cref="QuadSnapshot"/>, in the order
/// <see cref="QuadOrders.ForPattern"/> names. A struct with no interface calls, so evaluator loops allocate nothing:
/// <c>var c = snapshot.Cursor(s, p, o, g); while (c.MoveNext()) use(c.Current);</c>
/// </summary>
public struct QuadCursor
{
    private Range _base;
    private Range _adds;
    private Range _removes;
    private readonly QuadOrder _logical;
    private readonly bool _merge;
    private EncodedQuad _current;

    internal QuadCursor(QuadOrder logical, Range baseRange, Range adds, Range removes)
    {
        _logical = logical;
        _base = baseRange;
        _adds = adds;
        _removes = removes;
        _merge = adds.Valid || removes.Valid;
        _current = default;
    }

    public readonly EncodedQuad Current => _current;

    public bool MoveNext()
    {
        if (!_merge)
        {
            if (_base.At >= _base.End) return false;
            _current = QuadOrders.FromKey(_base.Order, _base.Keys[_base.At++]);
            return true;
        }
        // Skip base quads that the delta removed (removed ⊆ base, both in the logical order).
        while (_base.Valid && _removes.Valid)
        {
            var bk = QuadOrders.ToKey(_logical, _base.Current);
            var rk = QuadOrders.ToKey(_logical, _removes.Current);
            if (bk == rk)
            {
                _base.At++;
                _removes.At++;
            }
            else if (rk < bk) _removes.At++;
            else break;
        }
        if (!_base.Valid)
        {
            if (!_adds.Valid) return false;
            _current = _adds.Current;
            _adds.At++;
            return true;
        }
        if (_adds.Valid && QuadOrders.ToKey(_logical, _adds.Current) < QuadOrders.ToKey(_logical, _base.Current))
        {
            _current = _adds.Current;
            _adds.At++;
        }
        else
        {
            _current = _base.Current;
            _base.At++;
        }
        return true;
    }

    /// <summary>A range [At, End) of one order of one set.</summary>
    internal struct Range
    {
        public QuadKey[] Keys;
        public QuadOrder Order;
        public int At;
        public int End;

        public static Range Of(QuadSet set, int s, int p, int o, int g) =>
            set.TryRange(s, p, o, g, out var order, out var lo, out var hi)
                ? new Range { Keys = set.Keys(order), Order = order, At = lo, End = hi }
                : new Range { Keys = [] };

        public static Range All(QuadSet set, QuadOrder order) =>
            new() { Keys = set.Keys(order), Order = order, At = 0, End = set.Count };

        public readonly bool Valid => At < End;

        public readonly EncodedQuad Current => QuadOrders.FromKey(Order, Keys[At]);
    }
}

/// <summary>A cursor wrapped as an enumerable, for callers that want LINQ or foreach over an interface.</summary>
internal sealed class CursorEnumerable(QuadCursor cursor) : IEnumerable<EncodedQuad>, IEnumerator<EncodedQuad>
{
    private readonly QuadCursor _start = cursor;
    private QuadCursor _cursor = cursor;
    private bool _handedOut;

    public EncodedQuad Current => _cursor.Current;

    object IEnumerator.Current => Current;

    public bool MoveNext() => _cursor.MoveNext();

    public void Reset() => _cursor = _start;

    public void Dispose() { }

    public IEnumerator<EncodedQuad> GetEnumerator()
    {
        if (_handedOut) return new CursorEnumerable(_start);
        _handedOut = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
