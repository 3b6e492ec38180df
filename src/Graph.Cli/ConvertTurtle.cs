using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;
using Graph.Formats;

namespace Graph.Cli;

/// <summary>
/// Writes one group of `kg convert` statements as Turtle/TriG, the bytes <see cref="Graph.Formats.TurtleWriter"/>
/// gives for them, without its general machinery: the converter's statements are all in the default graph, with
/// IRI subjects and IRI or literal objects, so there are no blank nodes to rank, nest or label, no lists and no
/// graph blocks. Statements of another shape are refused (<see cref="TryWrite"/> returns false) and the caller
/// falls back to the general writer. One instance per thread; its tables are reused from group to group.
/// </summary>
/// <remarks>
/// The order is the general writer's: subjects by IRI text, predicates with rdf:type first then by IRI text,
/// objects with IRIs (by text) before literals (by their UTF-8 spelling, then datatype), duplicates dropped.
/// A test compares both writers on the converter's output and on statements built to hit every rule.
/// </remarks>
public sealed class ConvertTurtle
{
    private readonly Dictionary<string, string> _prefixByNs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;

    // IRIs of the group: id → text, rank (order of the text) and spelling (UTF-8 in _arena).
    private readonly Dictionary<string, int> _iriIds = new(StringComparer.Ordinal);
    // The emitter gives one node per IRI in an article: most lookups are answered by the node's identity.
    private const int RefCacheSize = 1 << 11;
    private readonly IriNode?[] _refCache = new IriNode?[RefCacheSize];
    private readonly int[] _refIds = new int[RefCacheSize];
    private string[] _iris = new string[1024];
    private int[] _rank = new int[1024];
    private int[] _formAt = new int[1024];
    private int[] _formLen = new int[1024];
    // A spelling kept from an earlier group is written from the cache itself, not copied into the arena first.
    private byte[]?[] _formCached = new byte[]?[1024];
    private int _iriCount;
    private int _typeId, _nilId;

    // Spellings of IRIs that recur from group to group (vocabulary, gazetteer entities): computed once per thread.
    // The emitter gives recurring IRIs one node for the whole run, so the cache is keyed by node identity, direct-mapped:
    // a slot taken by another node only costs spelling the IRI again.
    private const int SpellingSlots = 1 << 13;
    private readonly IriNode?[] _spelledNodes = new IriNode?[SpellingSlots];
    private readonly byte[]?[] _spellings = new byte[]?[SpellingSlots];
    private IriNode?[] _nodes = new IriNode?[1024];

    // Literals: spelling up to the datatype (UTF-8 in _arena) and datatype IRI id, or -1 when none is written.
    private int[] _litAt = new int[1024];
    private int[] _litLen = new int[1024];
    private int[] _litDatatype = new int[1024];
    private int _litCount;

    private byte[] _arena = new byte[1 << 16];
    private int _arenaLen;

    private Statement[] _statements = new Statement[4096];
    private int _count;
    private string[] _sortKeys = new string[1024];
    private int[] _sortIds = new int[1024];

    private readonly record struct Statement(int S, int P, int O);

    public ConvertTurtle(IReadOnlyDictionary<string, string> prefixes)
    {
        _prefixBySpan = _prefixByNs.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (p, ns) in prefixes.Where(p => TurtleLexical.IsValidPrefix(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!_prefixByNs.TryGetValue(ns, out var existing) || string.CompareOrdinal(p, existing) < 0) _prefixByNs[ns] = p;
        _byLength = [.. _prefixByNs.OrderByDescending(kv => kv.Key.Length).Select(kv => (kv.Key, kv.Value))];
    }

    // The namespaces, longest first: the first one that prefixes an IRI with a safe local name is the longest.
    private readonly (string Ns, string Prefix)[] _byLength;

    /// <summary>
    /// Appends the statements (no prefix block: the general writer's output from its blank line on) to
    /// <paramref name="output"/>, or returns false, having written nothing, when a statement is not of the converter's shape.
    /// </summary>
    public bool TryWrite(List<Quad> quads, ByteBuffer output)
    {
        Reset();
        foreach (ref readonly var q in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(quads))
        {
            if (q.Graph is not null || q.Subject is not IriNode s || q.Predicate is not IriNode p) return false;
            int o;
            if (q.Object is IriNode oi) o = Iri(oi);
            else if (q.Object is LiteralNode l) o = ~LiteralId(l);
            else return false;
            if (_count == _statements.Length) Array.Resize(ref _statements, _count * 2);
            _statements[_count++] = new Statement(Iri(s), Iri(p), o);
        }
        RankIris();
        SortStatements();

        output.Byte((byte)'\n');
        var lastS = -1;
        var lastP = -1;
        var previous = default(Statement);
        for (var k = 0; k < _count; k++)
        {
            var st = _statements[k];
            if (k > 0 && st.S == previous.S && st.P == previous.P && SameObject(st.O, previous.O)) continue;
            previous = st;
            if (st.S != lastS)
            {
                if (lastS >= 0) output.Ascii(" .\n");
                Term(st.S, output);
                output.Byte((byte)' ');
                Predicate(st.P, output);
                lastS = st.S;
                lastP = st.P;
            }
            else if (st.P != lastP)
            {
                output.Ascii(" ;\n    ");
                Predicate(st.P, output);
                lastP = st.P;
            }
            else
            {
                output.Ascii(", ");
                Object(st.O, output);
                continue;
            }
            output.Byte((byte)' ');
            Object(st.O, output);
        }
        if (lastS >= 0) output.Ascii(" .\n");
        return true;
    }

    private void Reset()
    {
        _iriIds.Clear();
        _iriCount = 0;
        _litCount = 0;
        _arenaLen = 0;
        _count = 0;
        _typeId = _nilId = -1;
        Array.Clear(_refCache);
        Array.Clear(_litRefCache);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Iri(IriNode n)
    {
        var slot = RuntimeHelpers.GetHashCode(n) & (RefCacheSize - 1);
        if (ReferenceEquals(_refCache[slot], n)) return _refIds[slot];
        var id = Intern(n);
        _refCache[slot] = n;
        _refIds[slot] = id;
        return id;
    }

    private int Intern(IriNode node)
    {
        var value = node.Value;
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_iriIds, value, out var exists);
        if (exists) return slot;
        var id = _iriCount++;
        slot = id;
        if (id == _iris.Length)
        {
            Array.Resize(ref _iris, id * 2);
            Array.Resize(ref _rank, id * 2);
            Array.Resize(ref _formAt, id * 2);
            Array.Resize(ref _formLen, id * 2);
            Array.Resize(ref _formCached, id * 2);
            Array.Resize(ref _nodes, id * 2);
        }
        _iris[id] = value;
        _nodes[id] = node;
        _formAt[id] = -1;
        if (value == Vocab.Rdf.Type) _typeId = id;
        else if (value == Vocab.Rdf.Nil) _nilId = id;
        return id;
    }

    // Literal nodes recur too (offsets and language tags are shared by the emitter): spelled once per group.
    private readonly LiteralNode?[] _litRefCache = new LiteralNode?[RefCacheSize];
    private readonly int[] _litRefIds = new int[RefCacheSize];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LiteralId(LiteralNode l)
    {
        var slot = RuntimeHelpers.GetHashCode(l) & (RefCacheSize - 1);
        if (ReferenceEquals(_litRefCache[slot], l)) return _litRefIds[slot];
        var id = Literal(l);
        _litRefCache[slot] = l;
        _litRefIds[slot] = id;
        return id;
    }

    private int Literal(LiteralNode l)
    {
        var n = _litCount++;
        if (n == _litAt.Length)
        {
            Array.Resize(ref _litAt, n * 2);
            Array.Resize(ref _litLen, n * 2);
            Array.Resize(ref _litDatatype, n * 2);
        }
        var at = _arenaLen;
        var typed = SpellLiteral(l);
        _litAt[n] = at;
        _litLen[n] = _arenaLen - at;
        _litDatatype[n] = typed ? Iri(l.Datatype) : -1;
        return n;
    }

    private void RankIris()
    {
        if (_sortKeys.Length < _iriCount)
        {
            _sortKeys = new string[_iris.Length];
            _sortIds = new int[_iris.Length];
        }
        Array.Copy(_iris, _sortKeys, _iriCount);
        for (var i = 0; i < _iriCount; i++) _sortIds[i] = i;
        Array.Sort(_sortKeys, _sortIds, 0, _iriCount, StringComparer.Ordinal);
        for (var i = 0; i < _iriCount; i++) _rank[_sortIds[i]] = i;
        Array.Clear(_sortKeys, 0, _iriCount);
    }

    /// <summary>
    /// Sorts the statements: by subject rank, then by one integer key (predicate key, object rank, where literals are
    /// ranked among themselves once, equal literals alike), so sorting compares numbers; the comparer is the fallback
    /// for groups too large for the key's fields.
    /// </summary>
    private void SortStatements()
    {
        const int SBits = 20, OBits = 22;
        if (_iriCount + 1 >= 1 << SBits || _iriCount + _litCount >= 1 << OBits)
        {
            _statements.AsSpan(0, _count).Sort(new Order(this));
            return;
        }
        RankLiterals();
        if (_keys.Length < _count)
        {
            _keys = new long[_statements.Length];
            _sorted = new Statement[_statements.Length];
            _sortedKeys = new long[_statements.Length];
        }
        if (_bucketStart.Length < _iriCount + 1) _bucketStart = new int[Math.Max(_iris.Length, _iriCount) + 1];
        // Subjects are ranked densely, so the statements are bucketed by subject (a counting sort) and only the
        // few statements of each subject are sorted by their (predicate, object) key.
        var starts = _bucketStart.AsSpan(0, _iriCount + 1);
        starts.Clear();
        for (var k = 0; k < _count; k++)
        {
            var st = _statements[k];
            long o = st.O >= 0 ? _rank[st.O] : _iriCount + _litRank[~st.O];
            _keys[k] = ((long)(st.P == _typeId ? 0 : _rank[st.P] + 1) << OBits) | o;
            starts[_rank[st.S]]++;
        }
        var sum = 0;
        for (var i = 0; i <= _iriCount; i++)
        {
            var c = starts[i];
            starts[i] = sum;
            sum += c;
        }
        for (var k = 0; k < _count; k++)
        {
            var st = _statements[k];
            var at = starts[_rank[st.S]]++;
            _sorted[at] = st;
            _sortedKeys[at] = _keys[k];
        }
        // starts[i] is now the end of subject i's bucket.
        var begin = 0;
        for (var i = 0; i < _iriCount; i++)
        {
            var end = starts[i];
            if (end - begin > 1) SortBucket(begin, end);
            begin = end;
        }
        (_statements, _sorted) = (_sorted, _statements);
    }

    private void SortBucket(int begin, int end)
    {
        if (end - begin > 24)
        {
            _sortedKeys.AsSpan(begin, end - begin).Sort(_sorted.AsSpan(begin, end - begin));
            return;
        }
        for (var i = begin + 1; i < end; i++)
        {
            var key = _sortedKeys[i];
            var st = _sorted[i];
            var j = i - 1;
            while (j >= begin && _sortedKeys[j] > key)
            {
                _sortedKeys[j + 1] = _sortedKeys[j];
                _sorted[j + 1] = _sorted[j];
                j--;
            }
            _sortedKeys[j + 1] = key;
            _sorted[j + 1] = st;
        }
    }

    /// <summary>
    /// Ranks the literals among themselves, equal ones alike. They are sorted by their first eight bytes first
    /// (that order never contradicts the spellings' order), so full comparisons are needed only between literals
    /// that begin alike.
    /// </summary>
    private void RankLiterals()
    {
        if (_litOrder.Length < _litCount)
        {
            _litOrder = new int[_litAt.Length];
            _litRank = new int[_litAt.Length];
            _litPrefix = new ulong[_litAt.Length];
        }
        var order = _litOrder.AsSpan(0, _litCount);
        var prefixes = _litPrefix.AsSpan(0, _litCount);
        for (var i = 0; i < _litCount; i++)
        {
            order[i] = i;
            prefixes[i] = Prefix(LiteralBytes(i));
        }
        prefixes.Sort(order);
        var rank = -1;
        var runStart = 0;
        for (var i = 1; i <= _litCount; i++)
        {
            if (i < _litCount && prefixes[i] == prefixes[runStart]) continue;
            if (i - runStart > 1) SortRun(order[runStart..i]);
            for (var k = runStart; k < i; k++)
            {
                if (k == runStart || CompareObjects(~order[k - 1], ~order[k]) != 0) rank++;
                _litRank[order[k]] = rank;
            }
            runStart = i;
        }
    }

    // Runs of literals beginning alike are short: an insertion sort, without the general sort's boxed comparer.
    private void SortRun(Span<int> run)
    {
        if (run.Length > 16)
        {
            run.Sort(new LiteralOrder(this));
            return;
        }
        for (var i = 1; i < run.Length; i++)
        {
            var x = run[i];
            var j = i - 1;
            while (j >= 0 && CompareObjects(~run[j], ~x) > 0)
            {
                run[j + 1] = run[j];
                j--;
            }
            run[j + 1] = x;
        }
    }

    /// <summary>The first eight bytes, big-endian, zero-padded: a number whose order is a coarsening of the bytes'.</summary>
    private static ulong Prefix(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8) return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b);
        ulong v = 0;
        for (var i = 0; i < 8; i++) v = (v << 8) | (i < b.Length ? b[i] : 0u);
        return v;
    }

    private ulong[] _litPrefix = [];
    private Statement[] _sorted = [];
    private long[] _sortedKeys = [];
    private int[] _bucketStart = [];
    private int[] _litOrder = [], _litRank = [];
    private long[] _keys = [];

    private readonly struct LiteralOrder(ConvertTurtle w) : IComparer<int>
    {
        public int Compare(int x, int y) => w.CompareObjects(~x, ~y);
    }

    private readonly struct Order(ConvertTurtle w) : IComparer<Statement>
    {
        public int Compare(Statement x, Statement y)
        {
            if (x.S != y.S) return w._rank[x.S] - w._rank[y.S];
            if (x.P != y.P) return w.PredicateKey(x.P) - w.PredicateKey(y.P);
            return w.CompareObjects(x.O, y.O);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PredicateKey(int p) => p == _typeId ? -1 : _rank[p];

    private int CompareObjects(int a, int b)
    {
        if (a == b) return 0;
        if (a >= 0) return b >= 0 ? _rank[a] - _rank[b] : -1;
        if (b >= 0) return 1;
        var c = LiteralBytes(~a).SequenceCompareTo(LiteralBytes(~b));
        if (c != 0) return c;
        var da = _litDatatype[~a];
        var db = _litDatatype[~b];
        return da == db ? 0 : da < 0 ? -1 : db < 0 ? 1 : _rank[da] - _rank[db];
    }

    private bool SameObject(int a, int b) => a == b || (a < 0 && b < 0 && CompareObjects(a, b) == 0);

    private ReadOnlySpan<byte> LiteralBytes(int n) => _arena.AsSpan(_litAt[n], _litLen[n]);

    // ------------------------------------------------------------------ spelling

    private void Predicate(int p, ByteBuffer output)
    {
        if (p == _typeId) output.Byte((byte)'a');
        else Term(p, output);
    }

    private void Object(int o, ByteBuffer output)
    {
        if (o < 0)
        {
            output.Bytes(LiteralBytes(~o));
            var dt = _litDatatype[~o];
            if (dt >= 0)
            {
                output.Ascii("^^");
                Term(dt, output);
            }
            return;
        }
        if (o == _nilId)
        {
            output.Ascii("()");
            return;
        }
        Term(o, output);
    }

    private void Term(int id, ByteBuffer output)
    {
        if (_formAt[id] < 0) Spell(id);
        output.Bytes((_formCached[id] ?? _arena).AsSpan(_formAt[id], _formLen[id]));
    }

    private void Spell(int id)
    {
        var iri = _iris[id];
        var node = _nodes[id]!;
        var at = _arenaLen;
        var cacheSlot = RuntimeHelpers.GetHashCode(node) & (SpellingSlots - 1);
        if (ReferenceEquals(_spelledNodes[cacheSlot], node))
        {
            var bytes = _spellings[cacheSlot]!;
            _formCached[id] = bytes;
            _formAt[id] = 0;
            _formLen[id] = bytes.Length;
            return;
        }
        _formCached[id] = null;
        if (Abbreviate(iri) is var (prefix, local))
        {
            Text(prefix);
            Ascii(":");
            Text(local);
        }
        else FullIri(iri);
        // Only IRIs that may recur are kept: vocabulary and entities, not an article's spans and evidence.
        if (!iri.Contains("/article/", StringComparison.Ordinal))
        {
            _spelledNodes[cacheSlot] = node;
            _spellings[cacheSlot] = _arena.AsSpan(at, _arenaLen - at).ToArray();
        }
        _formAt[id] = at;
        _formLen[id] = _arenaLen - at;
    }

    private void FullIri(string iri)
    {
        Ascii("<");
        var span = iri.AsSpan();
        while (true)
        {
            var idx = NTriplesText.IndexOfIriSpecial(span);
            if (idx < 0) { Text(span); break; }
            Text(span[..idx]);
            Ascii(NTriplesText.IriEscape(span[idx]));
            span = span[(idx + 1)..];
        }
        Ascii(">");
    }

    private void Ensure(int n)
    {
        if (_arena.Length - _arenaLen < n) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLen + n));
    }

    private void Ascii(string s)
    {
        Ensure(s.Length);
        for (var i = 0; i < s.Length; i++) _arena[_arenaLen++] = (byte)s[i];
    }

    private void Text(ReadOnlySpan<char> s)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(s.Length));
        _arenaLen += Encoding.UTF8.GetBytes(s, _arena.AsSpan(_arenaLen));
    }

    private void Quoted(ReadOnlySpan<char> s)
    {
        Ascii("\"");
        while (true)
        {
            var idx = NTriplesText.IndexOfStringSpecial(s);
            if (idx < 0) { Text(s); break; }
            Text(s[..idx]);
            Ascii(NTriplesText.StringEscape(s[idx]));
            s = s[(idx + 1)..];
        }
        Ascii("\"");
    }

    /// <summary>A literal's spelling up to its datatype; true when "^^datatype" must follow.</summary>
    private bool SpellLiteral(LiteralNode l)
    {
        if (l.Language is null)
        {
            switch (l.Datatype.Value)
            {
                case Vocab.Xsd.String:
                    Quoted(l.Value);
                    return false;
                case Vocab.Xsd.Integer when TurtleLexical.IsInteger(l.Value):
                case Vocab.Xsd.Decimal when TurtleLexical.IsDecimal(l.Value):
                case Vocab.Xsd.Double when TurtleLexical.IsDouble(l.Value):
                case Vocab.Xsd.Boolean when l.Value is "true" or "false":
                    Text(l.Value);
                    return false;
            }
            Quoted(l.Value);
            return true;
        }
        Quoted(l.Value);
        Ensure(1 + l.Language.Length);
        _arena[_arenaLen++] = (byte)'@';
        foreach (var c in l.Language) _arena[_arenaLen++] = (byte)char.ToLowerInvariant(c);
        if (l.Direction is not null)
        {
            Ascii("--");
            Text(l.Direction);
        }
        return false;
    }

    /// <summary>The prefix and local name an IRI is written with, or null when it is written in full.</summary>
    private (string Prefix, string Local)? Abbreviate(string iri)
    {
        if (_prefixByNs.Count == 0) return null;
        for (var cut = iri.Length; cut > 0; cut--)
        {
            var c = iri[cut - 1];
            if (c != '#' && c != '/' && c != ':' && cut != iri.Length) continue;
            if (_prefixBySpan.TryGetValue(iri.AsSpan(0, cut), out var prefix))
            {
                var local = iri.AsSpan(cut);
                if (TurtleLexical.IsSafeLocalName(local)) return (prefix, iri[cut..]);
            }
            if (c == '/' || c == '#') break;
        }
        // Namespaces that do not end at '/', '#' or ':' still match by longest prefix. A safe local name holds no
        // '/' or '#', so only namespaces reaching past the IRI's last '/' or '#' can give one.
        var lastSeparator = iri.AsSpan().LastIndexOfAny('/', '#');
        foreach (var (ns, p) in _byLength)
        {
            if (ns.Length <= lastSeparator) break;
            if (iri.StartsWith(ns, StringComparison.Ordinal) && TurtleLexical.IsSafeLocalName(iri.AsSpan(ns.Length))) return (p, iri[ns.Length..]);
        }
        return null;
    }
}

/// <summary>A growable UTF-8 byte buffer, reused rather than reallocated.</summary>
public sealed class ByteBuffer
{
    private byte[] _buf;

    public ByteBuffer(int capacity = 1 << 16) => _buf = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buf.AsSpan(0, Length);

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b)
    {
        if (Length == _buf.Length) Grow(1);
        _buf[Length++] = b;
    }

    public void Ascii(string s)
    {
        if (_buf.Length - Length < s.Length) Grow(s.Length);
        for (var i = 0; i < s.Length; i++) _buf[Length++] = (byte)s[i];
    }

    public void Bytes(ReadOnlySpan<byte> b)
    {
        if (_buf.Length - Length < b.Length) Grow(b.Length);
        b.CopyTo(_buf.AsSpan(Length));
        Length += b.Length;
    }

    /// <summary>Appends text as UTF-8 (an unpaired surrogate becomes U+FFFD, as a StreamWriter writes it).</summary>
    public void Utf8(StringBuilder text)
    {
        var encoder = s_utf8.GetEncoder();
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            if (_buf.Length - Length < s_utf8.GetMaxByteCount(span.Length)) Grow(s_utf8.GetMaxByteCount(span.Length));
            Length += encoder.GetBytes(span, _buf.AsSpan(Length), flush: false);
        }
        if (_buf.Length - Length < 8) Grow(8);
        Length += encoder.GetBytes([], _buf.AsSpan(Length), flush: true);
    }

    private static readonly UTF8Encoding s_utf8 = new(false);

    private void Grow(int n) => Array.Resize(ref _buf, (int)Math.Min(Array.MaxLength, Math.Max((long)_buf.Length * 2, (long)Length + n)));
}
