using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Graph.Rdf;

namespace Graph.Store;

/// <summary>
/// Interns RDF terms to int ids (2, 3, ...; 0 is the wildcard and 1 the default graph) and back.
/// Terms are kept as compact byte keys (UTF-8, datatypes as ids) in append-only chunks, found through an
/// open-addressing hash table, so a term costs its UTF-8 length plus about 20 bytes, not a graph of objects.
/// </summary>
/// <remarks>
/// One writer at a time (inserts take a lock); readers never lock. A writer fills a term's bytes and location
/// before publishing its id in the table, and grows arrays by copying then publishing, so a reader that finds an
/// id always finds its bytes. Language tags compare case-insensitively, as RDF requires: "x"@EN and "x"@en get
/// one id, and the spelling seen first is the one handed back.
/// </remarks>
public sealed class TermDictionary
{
    private const byte TagBlank = 0, TagIri = 1, TagSimple = 2, TagTyped = 3, TagLang = 4, TagTriple = 5;

    /// <summary>Set on the tag when the text is raw UTF-16 because it holds an unpaired surrogate UTF-8 cannot carry.</summary>
    private const byte Utf16Flag = 0x40;

    private const int MaxChunkSize = 4 << 20;
    private const int MaxTripleTermDepth = 1000;
    private const int CacheSize = 1 << 14;
    private const int IdentityCacheSize = 1 << 12;

    [ThreadStatic] private static byte[]? t_scratch;

    private readonly object _writeLock = new();
    private byte[][] _chunks = new byte[8][];
    private int _chunkCount;
    private int _chunkUsed;
    private long[] _locations = new long[256];
    private long[] _slots = new long[1 << 10];
    private int _nextId = 2;
    private readonly CacheEntry?[] _cache = new CacheEntry?[CacheSize];
    private readonly CacheEntry?[] _byIdentity = new CacheEntry?[IdentityCacheSize];

    private sealed class CacheEntry(int id, INode node)
    {
        public readonly int Id = id;
        public readonly INode Node = node;
    }

    /// <summary>The number of interned terms.</summary>
    public int Count => Volatile.Read(ref _nextId) - 2;

    /// <summary>The largest id handed out so far (1 when empty).</summary>
    public int MaxId => Volatile.Read(ref _nextId) - 1;

    /// <summary>Bytes held by term keys, locations and the hash table (for statistics).</summary>
    public long ApproximateBytes
    {
        get
        {
            long total = (long)_locations.Length * 8 + (long)_slots.Length * 8;
            var chunks = _chunks;
            for (var i = 0; i < _chunkCount; i++) total += chunks[i].Length;
            return total;
        }
    }

    /// <summary>The id of a term, adding the term if it is new.</summary>
    public int GetOrAdd(INode node) => GetOrAdd(node, 0);

    /// <summary>The id of a term, if it was ever added.</summary>
    public bool TryGetId(INode node, out int id)
    {
        ArgumentNullException.ThrowIfNull(node);
        id = FromIdentityCache(node);
        if (id != 0) return true;
        if (!TryEncode(node, add: false, 0, out var length)) return false;
        var key = t_scratch.AsSpan(0, length);
        id = Find(key, Hash(key), out _);
        if (id == 0) return false;
        ToIdentityCache(node, id);
        return true;
    }

    /// <summary>The kind of the term an id names, without building the term.</summary>
    public NodeKind KindOf(int id) => (ReadKey(id)[0] & ~Utf16Flag) switch
    {
        TagBlank => NodeKind.BlankNode,
        TagIri => NodeKind.Iri,
        TagTriple => NodeKind.TripleTerm,
        _ => NodeKind.Literal,
    };

    /// <summary>The term an id names.</summary>
    public INode GetTerm(int id)
    {
        var slot = id & (CacheSize - 1);
        var cached = Volatile.Read(ref _cache[slot]);
        if (cached is not null && cached.Id == id) return cached.Node;
        var node = Decode(id, ReadKey(id));
        Volatile.Write(ref _cache[slot], new CacheEntry(id, node));
        return node;
    }

    private int GetOrAdd(INode node, int depth)
    {
        ArgumentNullException.ThrowIfNull(node);
        var cached = FromIdentityCache(node);
        if (cached != 0) return cached;
        var id = Add(node, depth);
        ToIdentityCache(node, id);
        return id;
    }

    // Readers hand out one instance per distinct IRI or blank node of a document, so remembering the id of an
    // instance saves encoding and hashing it again (predicates, datatypes and hub subjects repeat constantly).
    private int FromIdentityCache(INode node)
    {
        if (node is not (IriNode or BlankNode)) return 0;
        var entry = Volatile.Read(ref _byIdentity[RuntimeHelpers.GetHashCode(node) & (IdentityCacheSize - 1)]);
        return entry is not null && ReferenceEquals(entry.Node, node) ? entry.Id : 0;
    }

    private void ToIdentityCache(INode node, int id)
    {
        if (node is IriNode or BlankNode)
            Volatile.Write(ref _byIdentity[RuntimeHelpers.GetHashCode(node) & (IdentityCacheSize - 1)], new CacheEntry(id, node));
    }

    private int Add(INode node, int depth)
    {
        if (!TryEncode(node, add: true, depth, out var length))
            throw new InvalidOperationException("a term's component could not be interned");
        var key = t_scratch.AsSpan(0, length);
        var hash = Hash(key);
        var id = Find(key, hash, out _);
        if (id != 0) return id;
        lock (_writeLock)
        {
            id = Find(key, hash, out var slot);
            if (id != 0) return id;
            id = _nextId;
            var location = Append(key);
            if (id >= _locations.Length)
            {
                var grown = new long[_locations.Length * 2];
                Array.Copy(_locations, grown, _locations.Length);
                Volatile.Write(ref _locations, grown);
            }
            _locations[id] = location;
            // The id becomes valid before the table publishes it, so a reader finding it can always read it.
            Volatile.Write(ref _nextId, id + 1);
            Volatile.Write(ref _slots[slot], ((long)hash << 32) | (uint)id);
            if ((long)(id - 1) * 2 > _slots.Length) GrowTable();
            return id;
        }
    }

    /// <summary>The id stored under a key, or 0; <paramref name="emptySlot"/> is where the key would go.</summary>
    private int Find(ReadOnlySpan<byte> key, int hash, out int emptySlot)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (true)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry == 0)
            {
                emptySlot = i;
                return 0;
            }
            if ((int)(entry >> 32) == hash)
            {
                var id = (int)(uint)entry;
                if (KeyEquals(ReadKey(id), key))
                {
                    emptySlot = -1;
                    return id;
                }
            }
            i = (i + 1) & mask;
        }
    }

    private void GrowTable()
    {
        var old = _slots;
        var grown = new long[old.Length * 2];
        var mask = grown.Length - 1;
        foreach (var entry in old)
        {
            if (entry == 0) continue;
            var i = (int)(entry >> 32) & mask;
            while (grown[i] != 0) i = (i + 1) & mask;
            grown[i] = entry;
        }
        Volatile.Write(ref _slots, grown);
    }

    private long Append(ReadOnlySpan<byte> key)
    {
        var need = key.Length + 4;
        if (_chunkCount == 0 || _chunkUsed + need > _chunks[_chunkCount - 1].Length)
        {
            var previous = _chunkCount == 0 ? 0 : _chunks[_chunkCount - 1].Length;
            var size = Math.Max(need, Math.Min(MaxChunkSize, Math.Max(1 << 16, previous * 2)));
            if (_chunkCount == _chunks.Length)
            {
                var grown = new byte[_chunks.Length * 2][];
                Array.Copy(_chunks, grown, _chunks.Length);
                Volatile.Write(ref _chunks, grown);
            }
            _chunks[_chunkCount] = new byte[size];
            Volatile.Write(ref _chunkCount, _chunkCount + 1);
            _chunkUsed = 0;
        }
        var chunk = _chunks[_chunkCount - 1];
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(_chunkUsed), key.Length);
        key.CopyTo(chunk.AsSpan(_chunkUsed + 4));
        var location = ((long)(_chunkCount - 1) << 32) | (uint)_chunkUsed;
        _chunkUsed += need;
        return location;
    }

    private ReadOnlySpan<byte> ReadKey(int id)
    {
        if (id == IQuadSource.DefaultGraph)
            throw new ArgumentOutOfRangeException(nameof(id), "id 1 names the default graph, not a term");
        if (id < 2 || id > MaxId) throw new ArgumentOutOfRangeException(nameof(id), "no term has id " + id);
        var location = Volatile.Read(ref _locations)[id];
        var chunk = Volatile.Read(ref _chunks)[(int)(location >> 32)];
        var offset = (int)(uint)location;
        var length = BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(offset));
        return chunk.AsSpan(offset + 4, length);
    }

    // ---- encoding -------------------------------------------------------------------------------------------

    private static byte[] Scratch(int size)
    {
        var s = t_scratch;
        if (s is null || s.Length < size)
        {
            s = new byte[Math.Max(size, 256)];
            t_scratch = s;
        }
        return s;
    }

    /// <summary>Writes a term's key into the thread's scratch buffer. False when reading and a component is unknown.</summary>
    private bool TryEncode(INode node, bool add, int depth, out int length)
    {
        length = 0;
        switch (node)
        {
            case IriNode iri:
                length = WriteText(TagIri, Scratch(1 + iri.Value.Length * 3), 1, iri.Value);
                return true;
            case BlankNode blank:
                length = WriteText(TagBlank, Scratch(1 + blank.Label.Length * 3), 1, blank.Label);
                return true;
            case LiteralNode literal when literal.Language is not null:
            {
                var lang = literal.Language;
                var buffer = Scratch(4 + lang.Length * 3 + literal.Value.Length * 3);
                buffer[1] = literal.Direction switch { null => (byte)0, "ltr" => (byte)1, _ => (byte)2 };
                var langLength = Encoding.UTF8.GetBytes(lang, buffer.AsSpan(4));
                if (langLength > ushort.MaxValue) throw new ArgumentException("language tag too long: " + lang[..40] + "...");
                BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(2), (ushort)langLength);
                length = WriteText(TagLang, buffer, 4 + langLength, literal.Value);
                return true;
            }
            case LiteralNode literal when literal.IsSimple:
                length = WriteText(TagSimple, Scratch(1 + literal.Value.Length * 3), 1, literal.Value);
                return true;
            case LiteralNode literal:
            {
                int datatype;
                if (add) datatype = GetOrAdd(literal.Datatype, depth + 1);
                else if (!TryGetId(literal.Datatype, out datatype)) return false;
                var buffer = Scratch(5 + literal.Value.Length * 3);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), datatype);
                length = WriteText(TagTyped, buffer, 5, literal.Value);
                return true;
            }
            case TripleNode triple:
            {
                if (depth > MaxTripleTermDepth)
                    throw new ArgumentException($"triple term nested more than {MaxTripleTermDepth} deep");
                int s, p, o;
                if (add)
                {
                    s = GetOrAdd(triple.Triple.Subject, depth + 1);
                    p = GetOrAdd(triple.Triple.Predicate, depth + 1);
                    o = GetOrAdd(triple.Triple.Object, depth + 1);
                }
                else if (!TryGetId(triple.Triple.Subject, out s) || !TryGetId(triple.Triple.Predicate, out p) || !TryGetId(triple.Triple.Object, out o))
                    return false;
                var buffer = Scratch(13);
                buffer[0] = TagTriple;
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), s);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(5), p);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(9), o);
                length = 13;
                return true;
            }
            default:
                throw new ArgumentException("unsupported term type " + node.GetType().Name);
        }
    }

    /// <summary>Writes the tag at 0 and the text from <paramref name="start"/>; returns the key length.</summary>
    private static int WriteText(byte tag, byte[] buffer, int start, string text)
    {
        var status = Utf8.FromUtf16(text, buffer.AsSpan(start), out _, out var written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            buffer[0] = tag;
            return start + written;
        }
        // An unpaired surrogate: keep the exact UTF-16 so the term survives the round trip.
        var raw = MemoryMarshal.AsBytes(text.AsSpan());
        if (buffer.Length < start + raw.Length)
        {
            var grown = Scratch(start + raw.Length);
            buffer.AsSpan(0, start).CopyTo(grown);
            buffer = grown;
        }
        raw.CopyTo(buffer.AsSpan(start));
        buffer[0] = (byte)(tag | Utf16Flag);
        return start + raw.Length;
    }

    private static string ReadText(byte tag, ReadOnlySpan<byte> bytes) =>
        (tag & Utf16Flag) != 0 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.UTF8.GetString(bytes);

    private INode Decode(int id, ReadOnlySpan<byte> key)
    {
        var tag = key[0];
        switch (tag & ~Utf16Flag)
        {
            case TagBlank: return new BlankNode(ReadText(tag, key[1..]));
            case TagIri: return new IriNode(ReadText(tag, key[1..]));
            case TagSimple: return new LiteralNode(ReadText(tag, key[1..]));
            case TagTyped:
            {
                var datatype = (IriNode)GetTerm(BinaryPrimitives.ReadInt32LittleEndian(key[1..]));
                return LiteralNode.Typed(ReadText(tag, key[5..]), datatype);
            }
            case TagLang:
            {
                var langLength = BinaryPrimitives.ReadUInt16LittleEndian(key[2..]);
                var lang = Encoding.UTF8.GetString(key.Slice(4, langLength));
                var direction = key[1] switch { 0 => null, 1 => "ltr", _ => "rtl" };
                return LiteralNode.LangString(ReadText(tag, key[(4 + langLength)..]), lang, direction);
            }
            case TagTriple:
                return new TripleNode(new Triple(
                    GetTerm(BinaryPrimitives.ReadInt32LittleEndian(key[1..])),
                    (IriNode)GetTerm(BinaryPrimitives.ReadInt32LittleEndian(key[5..])),
                    GetTerm(BinaryPrimitives.ReadInt32LittleEndian(key[9..]))));
            default:
                throw new InvalidOperationException("corrupt term key for id " + id);
        }
    }

    // ---- hashing and equality ----------------------------------------------------------------------------------

    private const ulong K1 = 0x9E3779B97F4A7C15, K2 = 0xC2B2AE3D27D4EB4F;

    /// <summary>A hash of a key in which a language tag counts case-insensitively.</summary>
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = K1 ^ (ulong)key.Length;
        if ((key[0] & ~Utf16Flag) == TagLang)
        {
            var langLength = BinaryPrimitives.ReadUInt16LittleEndian(key[2..]);
            h = HashBytes(h, key[..4]);
            foreach (var b in key.Slice(4, langLength)) h = (h ^ FoldAscii(b)) * K2;
            h = HashBytes(h, key[(4 + langLength)..]);
        }
        else h = HashBytes(h, key);
        h ^= h >> 33;
        h *= K2;
        h ^= h >> 29;
        return (int)h;
    }

    private static ulong HashBytes(ulong h, ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes[i..])) * K1, 29);
        ulong tail = 0;
        for (var shift = 0; i < bytes.Length; i++, shift += 8) tail |= (ulong)bytes[i] << shift;
        return BitOperations.RotateLeft((h ^ tail) * K2, 31);
    }

    private static byte FoldAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    private static bool KeyEquals(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> probe)
    {
        if (stored.Length != probe.Length) return false;
        if ((stored[0] & ~Utf16Flag) != TagLang || stored[0] != probe[0]) return stored.SequenceEqual(probe);
        if (!stored[..4].SequenceEqual(probe[..4])) return false;
        var langLength = BinaryPrimitives.ReadUInt16LittleEndian(stored[2..]);
        for (var i = 4; i < 4 + langLength; i++)
            if (FoldAscii(stored[i]) != FoldAscii(probe[i])) return false;
        return stored[(4 + langLength)..].SequenceEqual(probe[(4 + langLength)..]);
    }
}
