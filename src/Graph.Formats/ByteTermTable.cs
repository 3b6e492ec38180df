using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Graph.Formats;

/// <summary>
/// A set of byte strings (IRIs or blank node labels as read), each numbered in order of first sight and kept in one
/// array: interning costs no object per entry, which a collector would otherwise trace and copy.
/// </summary>
internal sealed class ByteTermTable
{
    private int[] _slots = new int[1 << 16];
    private byte[] _bytes = new byte[1 << 20];
    private int _bytesLen;
    private int[] _at = new int[1 << 12];
    private int[] _len = new int[1 << 12];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> this[int entry] => _bytes.AsSpan(_at[entry], _len[entry]);

    /// <summary>The entry of <paramref name="key"/>, added when new (then <paramref name="added"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> key, out bool added)
    {
        var mask = _slots.Length - 1;
        var i = (int)Hash(key) & mask;
        while (true)
        {
            var e = _slots[i] - 1;
            if (e < 0) break;
            if (_len[e] == key.Length && key.SequenceEqual(this[e]))
            {
                added = false;
                return e;
            }
            i = (i + 1) & mask;
        }
        added = true;
        var entry = Add(key);
        _slots[i] = entry + 1;
        if (2 * Count > _slots.Length) Rehash();
        return entry;
    }

    /// <summary>The entry of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var mask = _slots.Length - 1;
        var i = (int)Hash(key) & mask;
        while (true)
        {
            var e = _slots[i] - 1;
            if (e < 0) return -1;
            if (_len[e] == key.Length && key.SequenceEqual(this[e])) return e;
            i = (i + 1) & mask;
        }
    }

    private int Add(ReadOnlySpan<byte> key)
    {
        var e = Count++;
        if (_at.Length == e)
        {
            Array.Resize(ref _at, e * 2);
            Array.Resize(ref _len, e * 2);
        }
        if (_bytes.Length - _bytesLen < key.Length) Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max((long)_bytes.Length * 2, (long)_bytesLen + key.Length)));
        key.CopyTo(_bytes.AsSpan(_bytesLen));
        _at[e] = _bytesLen;
        _len[e] = key.Length;
        _bytesLen += key.Length;
        return e;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var e = 0; e < Count; e++)
        {
            var i = (int)Hash(this[e]) & mask;
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = e + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        var h = (ulong)s.Length * 0x9E3779B97F4A7C15UL;
        var i = 0;
        for (; i + 8 <= s.Length; i += 8)
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(s[i..])) * 0xFF51AFD7ED558CCDUL, 31);
        var tail = 0UL;
        for (var k = s.Length - 1; k >= i; k--) tail = (tail << 8) | s[k];
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (uint)(h ^ (h >> 29) ^ (h >> 47));
    }
}
