using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Collects statements for the Turtle/TriG writer as a reader pushes them, interning terms while they are fresh in
/// the cache (no intermediate list of quads), then writes them sorted with <see cref="WriteTo(Stream, IReadOnlyDictionary{string, string}?)"/>.
/// Prefixes the reader declares are used unless the caller gives its own.
/// </summary>
public sealed class TurtleSink : IRdfSink
{
    private const byte Iri = 0, Blank = 1, Literal = 2, Quoted = 3;
    private const int None = int.MinValue;
    private const int RefCacheSize = 1 << 12;

    private readonly bool _trig;
    private Utf8Output _out = null!;
    private List<KeyValuePair<string, string>> _prefixes = [];
    private readonly Dictionary<string, string> _declared = new(StringComparer.Ordinal);
    private bool _written;
    private readonly Dictionary<string, string> _prefixByNs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;

    // Interned terms: IRIs, blank nodes and triple terms get ids >= 0; an object reference < 0 is literal ~ref.
    private readonly Dictionary<INode, int> _ids = [];
    private readonly List<INode?> _terms = [];
    // IRIs the N-Triples shortcut read as ASCII bytes have no IriNode (their _terms entry is null): an entry of this
    // table, by id in _entryOfId, and back in _idOfEntry. Quad() turns them into nodes before mixing in others.
    private ByteTermTable? _asciiIris;
    private int[] _entryOfId = [];
    private int[] _idOfEntry = [];
    // Literals are spelled (escaped, UTF-8) as they arrive and kept only as bytes, so the collected graph holds no
    // literal objects for the garbage collector to trace and writing them is a copy. A typed literal's datatype is
    // an id, spelled at write time when the prefixes are known.
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private int _chunkUsed = ChunkSize;
    private long[] _litAt = new long[1024];
    private int[] _litLen = new int[1024];
    private int[] _litDatatype = new int[1024];
    private int _litCount;
    private readonly Utf8Output _scratch = new();
    private readonly INode?[] _refCache = new INode?[RefCacheSize];
    private readonly int[] _refIds = new int[RefCacheSize];
    private byte[] _kind = new byte[1024];
    private int[] _firstGraph = new int[1024];
    private bool[] _mustLabel = new bool[1024];
    private int[] _quads = new int[4096];
    private int _quadCount;

    // Per id, sized once collection ends.
    private int[] _rank = [];
    private int[] _formAt = [];
    private int[] _formLen = [];
    private byte[] _arena = new byte[1 << 16];
    private int _arenaLen;
    private int _nextLabel;
    private int _typeId = None, _firstId = None, _restId = None, _nilId = None;

    // Per graph: subject local index of an id, its triples _po[_start[l].._start[l] + _count[l]], sorted and deduplicated.
    private int[] _local = [];
    private int[] _objectRefs = [];
    private bool[] _candidate = [];
    private bool[] _inline = [];
    private bool[] _listCell = [];
    private bool[] _reached = [];
    private readonly List<int> _touched = [];
    private readonly List<int> _subjects = [];
    private Po[] _po = [];
    private int[] _start = [];
    private int[] _count = [];
    private readonly Dictionary<int, List<int>> _lists = [];
    private readonly Dictionary<int, List<int>> _cellsOf = [];
    private List<int>? _unreachedOrder;
    private int _unreachedNext;
    private int _indent;

    private record struct Po(int P, int O);

    /// <param name="trig">Whether named graphs are allowed (TriG); for Turtle a quad in a named graph is an error.</param>
    public TurtleSink(bool trig)
    {
        _trig = trig;
        _prefixBySpan = _prefixByNs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Statements collected so far (duplicates included).</summary>
    public long Count => _quadCount;

    /// <summary>Whether a statement in a named graph was collected (only TriG can write it).</summary>
    public bool HasNamedGraphs { get; private set; }

    /// <summary>The prefixes the input declared.</summary>
    public IReadOnlyDictionary<string, string> Prefixes => _declared;

    public void Quad(in Quad quad) => Collect(quad);

    /// <summary>
    /// Collects an N-Triples document (UTF-8) read from <paramref name="input"/> without making term objects per
    /// statement; null when the document needs the full parser (a rarer construct, or an error, which the full parser
    /// then reports): rewind the input and parse it into a new sink. Same output as parsing into a sink.
    /// </summary>
    public static TurtleSink? TryCollectNTriples(Stream input, bool trig)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sink = new TurtleSink(trig);
        // N-Triples statements take some 100 bytes: room for more than that many costs only address space.
        if (input.CanSeek) sink.Reserve((int)Math.Min(int.MaxValue / 4, Math.Max(1024, input.Length / 48)));
        return new SimpleNTriplesScanner(input, sink).Scan() ? sink : null;
    }

    public void Prefix(string prefix, string namespaceIri) => _declared[prefix] = namespaceIri;

    /// <summary>Writes what was collected as UTF-8 Turtle or TriG; once only (the ids are reused for sorting).</summary>
    public void WriteTo(Stream output, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var o = new Utf8Output(output);
        Run(o, prefixes ?? _declared);
        o.Complete();
    }

    public void WriteTo(TextWriter output, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        if (output is StreamWriter { Encoding.CodePage: 65001 } streamWriter)
        {
            // Same bytes, without the UTF-16 detour: what the writer holds goes first (and its BOM, if it has one).
            streamWriter.Flush();
            WriteTo(streamWriter.BaseStream, prefixes);
            return;
        }
        var o = new Utf8Output(output);
        Run(o, prefixes ?? _declared);
        o.Complete();
    }

    private void Run(Utf8Output output, IReadOnlyDictionary<string, string> prefixes)
    {
        if (_written) throw new InvalidOperationException("a TurtleSink writes once");
        _written = true;
        _out = output;
        _prefixes = prefixes.Where(p => TurtleLexical.IsValidPrefix(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        foreach (var (p, ns) in _prefixes)
            if (!_prefixByNs.TryGetValue(ns, out var existing) || string.CompareOrdinal(p, existing) < 0) _prefixByNs[ns] = p;
        PrepareIds();

        foreach (var (p, ns) in _prefixes)
        {
            _out.Ascii("@prefix ");
            _out.Text(p);
            _out.Ascii(": ");
            WriteFullIri(ns);
            _out.Ascii(" .\n");
        }
        if (_prefixes.Count > 0 && _quadCount > 0) _out.Byte((byte)'\n');

        // Quads grouped by graph: the default graph first, then named graphs in term order.
        var graphIds = new List<int>();
        var graphSize = new Dictionary<int, int>();
        for (var k = 0; k < _quadCount; k++)
        {
            var g = _quads[4 * k + 3];
            if (!graphSize.TryGetValue(g, out var n) && g >= 0) graphIds.Add(g);
            graphSize[g] = n + 1;
        }
        graphIds.Sort((a, b) => TermOrder.Instance.Compare(_terms[a], _terms[b]));
        if (graphSize.ContainsKey(-1)) graphIds.Insert(0, -1);
        var offset = new Dictionary<int, int>();
        var at = 0;
        foreach (var g in graphIds)
        {
            offset[g] = at;
            at += graphSize[g];
        }
        var byGraph = new int[_quadCount];
        for (var k = 0; k < _quadCount; k++)
        {
            var g = _quads[4 * k + 3];
            byGraph[offset[g]++] = k;
        }
        at = 0;
        foreach (var g in graphIds)
        {
            var members = new ArraySegment<int>(byGraph, at, graphSize[g]);
            at += graphSize[g];
            if (g < 0)
            {
                _indent = 0;
                WriteGraph(members);
                continue;
            }
            WriteTerm(g);
            _out.Ascii(" {\n");
            _indent = 4;
            WriteGraph(members);
            _out.Ascii("}\n");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Collect(in Quad q)
    {
        if (_asciiIris is not null) MakeIriNodes();
        if (q.Graph is not null && !_trig) throw new InvalidOperationException("Turtle cannot hold named graphs: write TriG or N-Quads instead.");
        var s = Intern(q.Subject);
        var p = Intern(q.Predicate);
        var o = Intern(q.Object);
        var g = -1;
        if (q.Graph is not null)
        {
            g = Intern(q.Graph);
            HasNamedGraphs = true;
            if (_kind[g] == Blank) _mustLabel[g] = true;
        }
        AddIds(s, p, o, g);
    }

    /// <summary>A statement whose terms are interned already (objects &lt; 0 are literal refs from <see cref="AddSpelledLiteral"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddIds(int s, int p, int o, int g)
    {
        NoteGraph(s, g);
        NoteGraph(o, g);
        if (_quads.Length < 4 * (_quadCount + 1)) Grow(ref _quads, _quads.Length * 2);
        var at = 4 * _quadCount++;
        _quads[at] = s;
        _quads[at + 1] = p;
        _quads[at + 2] = o;
        _quads[at + 3] = g;
    }

    /// <summary>A blank node used in more than one graph keeps its label.</summary>
    private void NoteGraph(int id, int g)
    {
        if (id < 0 || _kind[id] != Blank) return;
        ref var first = ref _firstGraph[id];
        if (first == 0) first = g + 2;
        else if (first != g + 2) _mustLabel[id] = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Intern(INode n)
    {
        if (n is LiteralNode l)
        {
            return ~AddLiteral(l);
        }
        var slot = RuntimeHelpers.GetHashCode(n) & (RefCacheSize - 1);
        if (ReferenceEquals(_refCache[slot], n)) return _refIds[slot];
        var id = InternSlow(n);
        _refCache[slot] = n;
        _refIds[slot] = id;
        return id;
    }

    /// <summary>The id of an IRI or blank node, interned on first sight.</summary>
    internal int InternTerm(INode n) => InternSlow(n);

    /// <summary>Room for about <paramref name="statements"/> statements and as many literals, touched only as used.</summary>
    internal void Reserve(int statements)
    {
        if (4L * statements > Array.MaxLength || _quads.Length >= 4 * statements) return;
        Grow(ref _quads, 4 * statements);
        Grow(ref _litAt, statements);
        Grow(ref _litLen, statements);
        Grow(ref _litDatatype, statements);
    }

    // Not zeroed: every slot is written before it is read, and untouched pages of a large array cost nothing.
    private static void Grow<T>(ref T[] array, int length) where T : unmanaged
    {
        var grown = GC.AllocateUninitializedArray<T>(length);
        array.CopyTo(grown, 0);
        array = grown;
    }

    /// <summary>The id of an IRI written in ASCII (as the N-Triples shortcut reads it), interned on first sight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int InternAsciiIri(ReadOnlySpan<byte> iri)
    {
        var table = _asciiIris ??= new ByteTermTable();
        var entry = table.Intern(iri, out var added);
        if (!added) return _idOfEntry[entry];
        var id = NewId(null, Iri);
        if (_idOfEntry.Length <= entry) Array.Resize(ref _idOfEntry, Math.Max(1024, entry * 2));
        _idOfEntry[entry] = id;
        _entryOfId[id] = entry + 1;
        return id;
    }

    /// <summary>Gives the IRIs read as bytes their nodes, so that nodes from <see cref="Quad"/> can join them.</summary>
    private void MakeIriNodes()
    {
        var table = _asciiIris!;
        _asciiIris = null;
        for (var e = 0; e < table.Count; e++)
        {
            var id = _idOfEntry[e];
            var node = new IriNode(Encoding.Latin1.GetString(table[e]));
            _terms[id] = node;
            _ids[node] = id;
            _entryOfId[id] = 0;
        }
    }

    private int NewId(INode? n, byte kind)
    {
        var id = _terms.Count;
        _terms.Add(n);
        if (_kind.Length <= id)
        {
            Array.Resize(ref _kind, _kind.Length * 2);
            Array.Resize(ref _firstGraph, _kind.Length);
            Array.Resize(ref _mustLabel, _kind.Length);
        }
        if (_entryOfId.Length <= id) Array.Resize(ref _entryOfId, _kind.Length);
        _kind[id] = kind;
        return id;
    }

    private int InternSlow(INode n)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, n, out var exists);
        if (exists) return slot;
        var id = NewId(n, n switch { IriNode => Iri, BlankNode => Blank, _ => Quoted });
        slot = id;
        if (n is TripleNode t)
        {
            // Blank nodes inside triple terms keep their labels; the terms are interned so they get spellings.
            var stack = new Stack<TripleNode>();
            stack.Push(t);
            while (stack.Count > 0)
            {
                var tt = stack.Pop().Triple;
                foreach (var part in (ReadOnlySpan<INode>)[tt.Subject, tt.Predicate, tt.Object])
                {
                    if (part is LiteralNode pl)
                    {
                        InternSlow(pl.Datatype);
                        continue;
                    }
                    if (part is TripleNode inner) { stack.Push(inner); continue; }
                    var pid = InternSlow(part);
                    if (_kind[pid] == Blank) _mustLabel[pid] = true;
                }
            }
        }
        return id;
    }

    /// <summary>Ranks IRIs by their text once, so that ordering them later compares integers.</summary>
    private void PrepareIds()
    {
        var n = _terms.Count;
        _rank = new int[n];
        _formAt = new int[n];
        _formLen = new int[n];
        Array.Fill(_formAt, -1);
        _local = new int[n];
        Array.Fill(_local, -1);
        _objectRefs = new int[n];
        _candidate = new bool[n];
        _inline = new bool[n];
        _listCell = new bool[n];
        _reached = new bool[n];
        _typeId = IdOf(Vocab.Rdf.TypeNode);
        _firstId = IdOf(Vocab.Rdf.FirstNode);
        _restId = IdOf(Vocab.Rdf.RestNode);
        _nilId = IdOf(Vocab.Rdf.NilNode);
        var iris = new List<int>();
        for (var id = 0; id < n; id++) if (_kind[id] == Iri) iris.Add(id);
        var ids = iris.ToArray();
        // On a large graph the second core ranks the IRIs while this one groups statements (which needs no ranks).
        if (ids.Length >= ParallelFrom) _ranking = Task.Run(() => RankIris(ids));
        else RankIris(ids);
    }

    /// <summary>Below this many IRIs or subjects, a second thread costs more than it saves.</summary>
    private const int ParallelFrom = 20_000;

    private Task? _ranking;

    private void RankIris(int[] ids)
    {
        if (_asciiIris is { } table)
        {
            // ASCII bytes sort as their UTF-16 strings do.
            Array.Sort(ids, (a, b) => table[_entryOfId[a] - 1].SequenceCompareTo(table[_entryOfId[b] - 1]));
        }
        else
        {
            var keys = new string[ids.Length];
            for (var i = 0; i < ids.Length; i++) keys[i] = ((IriNode)_terms[ids[i]]!).Value;
            Array.Sort(keys, ids, StringComparer.Ordinal);
        }
        for (var i = 0; i < ids.Length; i++) _rank[ids[i]] = i;
    }

    private int IdOf(IriNode n)
    {
        if (_ids.TryGetValue(n, out var id)) return id;
        if (_asciiIris is null || !Ascii.IsValid(n.Value)) return None;
        var entry = _asciiIris.Find(Encoding.ASCII.GetBytes(n.Value));
        return entry < 0 ? None : _idOfEntry[entry];
    }

    // ------------------------------------------------------------------ ordering

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte KindOf(int r) => r < 0 ? Literal : _kind[r];

    /// <summary>
    /// Term order: IRIs by text, then blank nodes by what they say (then label), then literals, then triple terms.
    /// With <paramref name="masked"/>, blank nodes and triple terms compare equal among themselves (for signatures).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CompareRefs(int a, int b, bool masked)
    {
        if (a == b) return 0;
        var ka = KindOf(a);
        var kb = KindOf(b);
        if (ka != kb) return ka - kb;
        switch (ka)
        {
            case Iri: return _rank[a] - _rank[b];
            case Blank: return masked ? 0 : _rank[a] - _rank[b];
            case Literal:
            {
                var c = LiteralBytes(~a).SequenceCompareTo(LiteralBytes(~b));
                if (c != 0) return c;
                var da = _litDatatype[~a];
                var db = _litDatatype[~b];
                return da == db ? 0 : da < 0 ? -1 : db < 0 ? 1 : _rank[da] - _rank[db];
            }
            default: return masked ? 0 : TermOrder.Instance.Compare(_terms[a], _terms[b]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PredicateKey(int p) => p == _typeId ? -1 : _rank[p];

    private int ComparePo(Po x, Po y, bool masked)
    {
        if (x.P != y.P) return PredicateKey(x.P) - PredicateKey(y.P);
        return CompareRefs(x.O, y.O, masked);
    }

    /// <summary>
    /// Sorts one subject's predicate-object pairs: most subjects have a few, which an insertion sort compiled with
    /// the rest of the writer orders faster than the generic sort (whose code for Po a fresh process must first JIT).
    /// Equal pairs are interchangeable, so the algorithm does not change the output.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortPo(Span<Po> span, bool masked)
    {
        if (span.Length > 32)
        {
            span.Sort(new PoOrder(this, masked));
            return;
        }
        for (var i = 1; i < span.Length; i++)
        {
            var x = span[i];
            var j = i - 1;
            while (j >= 0 && ComparePo(span[j], x, masked) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }
            span[j + 1] = x;
        }
    }

    private readonly struct PoOrder(TurtleSink w, bool masked) : IComparer<Po>
    {
        public int Compare(Po x, Po y) => w.ComparePo(x, y, masked);
    }

    /// <summary>
    /// What blank node <paramref name="a"/> says compared with what <paramref name="b"/> says, other blank nodes masked:
    /// orders blank nodes by content rather than by label, so relabelling a graph rarely changes its bytes.
    /// </summary>
    private int CompareSignatures(int a, int b)
    {
        var la = _local[a];
        var lb = _local[b];
        var na = la < 0 ? 0 : _count[la];
        var nb = lb < 0 ? 0 : _count[lb];
        for (var i = 0; i < Math.Min(na, nb); i++)
        {
            var c = ComparePo(_po[_start[la] + i], _po[_start[lb] + i], masked: true);
            if (c != 0) return c;
        }
        return na - nb;
    }

    // ------------------------------------------------------------------ one graph

    private void WriteGraph(ArraySegment<int> members)
    {
        _subjects.Clear();
        _touched.Clear();
        var subjectOf = new int[members.Count];
        var counts = new List<int>();
        for (var k = 0; k < members.Count; k++)
        {
            var q = 4 * members[k];
            var s = _quads[q];
            var o = _quads[q + 2];
            if (_local[s] < 0)
            {
                _local[s] = counts.Count;
                _subjects.Add(s);
                counts.Add(0);
                if (_objectRefs[s] == 0) _touched.Add(s);
            }
            subjectOf[k] = _local[s];
            counts[_local[s]]++;
            if (o >= 0 && _kind[o] == Blank)
            {
                if (_objectRefs[o]++ == 0 && _local[o] < 0) _touched.Add(o);
            }
        }
        _start = new int[counts.Count + 1];
        for (var i = 0; i < counts.Count; i++) _start[i + 1] = _start[i] + counts[i];
        _count = counts.ToArray();
        var fill = (int[])_start.Clone();
        _po = new Po[members.Count];
        for (var k = 0; k < members.Count; k++)
        {
            var q = 4 * members[k];
            _po[fill[subjectOf[k]]++] = new Po(_quads[q + 1], _quads[q + 2]);
        }

        if (_ranking is not null)
        {
            _ranking.Wait();
            _ranking = null;
        }
        RankBlankNodes();
        // Each subject's pairs are sorted on their own (reading only ranks and literals): two threads, half each.
        var subjects = _subjects.Count;
        if (subjects >= ParallelFrom)
        {
            var secondHalf = Task.Run(() => SortAndDeduplicate(subjects / 2, subjects));
            SortAndDeduplicate(0, subjects / 2);
            secondHalf.Wait();
        }
        else SortAndDeduplicate(0, subjects);

        // Blank nodes used once as an object, not forced to keep a label, may be written in place.
        var candidates = new List<int>();
        foreach (var id in _touched)
            if (_kind[id] == Blank && _objectRefs[id] == 1 && !_mustLabel[id])
            {
                _candidate[id] = true;
                candidates.Add(id);
            }
        FindLists(candidates);

        // Walk from the labelled subjects through inlinable objects: what is reached within the nesting bound is
        // written inline; what is not (cycles, or too deep) becomes a labelled subject of its own.
        var top = new List<int>();
        foreach (var s in _subjects)
            if (!_candidate[s]) top.Add(s);
        top.Sort((a, b) => CompareRefs(a, b, false));
        var queue = new Queue<(int Node, int Depth)>();
        foreach (var s in top) queue.Enqueue((s, 0));
        var promoted = new List<int>();
        var children = new List<int>();
        while (true)
        {
            while (queue.Count > 0)
            {
                var (node, depth) = queue.Dequeue();
                InlineChildren(node, children);
                foreach (var child in children)
                {
                    if (!_candidate[child] || _reached[child]) continue;
                    _reached[child] = true;
                    if (depth + 1 > TurtleWriter.MaxNesting)
                    {
                        promoted.Add(child);
                        Unlist(child);
                        queue.Enqueue((child, 0));
                    }
                    else
                    {
                        _inline[child] = true;
                        queue.Enqueue((child, depth + 1));
                    }
                }
            }
            var missing = NextUnreached(candidates);
            if (missing == None) break;
            _reached[missing] = true;
            promoted.Add(missing);
            Unlist(missing);
            queue.Enqueue((missing, 0));
        }
        top.AddRange(promoted);
        top.Sort((a, b) => CompareRefs(a, b, false));
        // Objects never seen as subjects, used once: plain [].
        foreach (var c in candidates)
            if (_local[c] < 0 && !_listCell[c]) _inline[c] = true;

        foreach (var s in top)
        {
            _out.Spaces(_indent);
            WriteTerm(s);
            WritePredicateObjects(_local[s], 1, inBrackets: false);
            _out.Ascii(" .\n");
        }

        foreach (var id in _touched)
        {
            _local[id] = -1;
            _objectRefs[id] = 0;
            _candidate[id] = _inline[id] = _listCell[id] = _reached[id] = false;
        }
        _lists.Clear();
        _cellsOf.Clear();
        _unreachedOrder = null;
    }

    /// <summary>Ranks this graph's blank nodes by signature, then label.</summary>
    private void RankBlankNodes()
    {
        var blanks = new List<int>();
        foreach (var id in _touched)
        {
            if (_kind[id] != Blank) continue;
            blanks.Add(id);
            var l = _local[id];
            if (l >= 0 && _count[l] > 1) SortPo(_po.AsSpan(_start[l], _count[l]), masked: true);
        }
        if (blanks.Count == 0) return;
        blanks.Sort((a, b) =>
        {
            var c = CompareSignatures(a, b);
            return c != 0 ? c : string.CompareOrdinal(((BlankNode)_terms[a]!).Label, ((BlankNode)_terms[b]!).Label);
        });
        for (var i = 0; i < blanks.Count; i++) _rank[blanks[i]] = i;
    }

    private void SortAndDeduplicate(int from, int to)
    {
        for (var l = from; l < to; l++) SortAndDeduplicate(l);
    }

    private void SortAndDeduplicate(int l)
    {
        var n = _count[l];
        if (n < 2) return;
        var span = _po.AsSpan(_start[l], n);
        SortPo(span, masked: false);
        var w = 1;
        for (var r = 1; r < n; r++)
        {
            var prev = span[w - 1];
            var cur = span[r];
            if (cur.P == prev.P && (cur.O == prev.O || (cur.O < 0 && prev.O < 0 && CompareRefs(cur.O, prev.O, masked: false) == 0))) continue;
            span[w++] = cur;
        }
        _count[l] = w;
    }

    /// <summary>A promoted list head is written as plain triples: its cells become ordinary blank nodes again.</summary>
    private void Unlist(int head)
    {
        if (!_lists.Remove(head)) return;
        foreach (var c in _cellsOf[head]) _listCell[c] = false;
        _unreachedOrder = null;
    }

    private int NextUnreached(List<int> candidates)
    {
        if (_unreachedOrder is null)
        {
            _unreachedOrder = candidates.Where(c => _local[c] >= 0 && !_reached[c]).ToList();
            _unreachedOrder.Sort((a, b) => CompareRefs(a, b, false));
            _unreachedNext = 0;
        }
        while (_unreachedNext < _unreachedOrder.Count)
        {
            var c = _unreachedOrder[_unreachedNext++];
            if (!_reached[c] && !_listCell[c]) return c;
        }
        return None;
    }

    /// <summary>Marks well-formed rdf:first/rdf:rest chains whose cells are used once and say nothing else.</summary>
    private void FindLists(List<int> candidates)
    {
        if (_firstId == None || _restId == None || _nilId == None) return;
        var restOf = new HashSet<int>();
        foreach (var c in candidates)
            if (IsCell(c, out _, out var rest) && rest >= 0 && _kind[rest] == Blank) restOf.Add(rest);
        foreach (var head in candidates)
        {
            // A head is a cell nobody reaches through rdf:rest.
            if (restOf.Contains(head) || !IsCell(head, out _, out _)) continue;
            var items = new List<int>();
            var cells = new List<int>();
            var cur = head;
            var ok = false;
            var guard = new HashSet<int>();
            while (true)
            {
                if (cur == _nilId) { ok = true; break; }
                if (cur < 0 || _kind[cur] != Blank || !_candidate[cur] || !guard.Add(cur) || !IsCell(cur, out var first, out var rest)) break;
                items.Add(first);
                cells.Add(cur);
                cur = rest;
            }
            if (!ok) continue;
            _lists[head] = items;
            _cellsOf[head] = cells;
            foreach (var cell in cells) if (cell != head) _listCell[cell] = true;
        }
    }

    private bool IsCell(int b, out int first, out int rest)
    {
        first = rest = None;
        var l = _local[b];
        if (l < 0 || _count[l] != 2) return false;
        for (var i = _start[l]; i < _start[l] + 2; i++)
        {
            if (_po[i].P == _firstId) first = _po[i].O;
            else if (_po[i].P == _restId) rest = _po[i].O;
        }
        return first != None && rest != None;
    }

    private void InlineChildren(int node, List<int> children)
    {
        children.Clear();
        if (_lists.TryGetValue(node, out var items))
        {
            foreach (var i in items) if (i >= 0 && _kind[i] == Blank) children.Add(i);
            return;
        }
        var l = _local[node];
        if (l < 0) return;
        for (var i = _start[l]; i < _start[l] + _count[l]; i++)
            if (_po[i].O >= 0 && _kind[_po[i].O] == Blank) children.Add(_po[i].O);
    }

    // ------------------------------------------------------------------ writing

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePredicateObjects(int l, int level, bool inBrackets)
    {
        if (l < 0) return;
        var from = _start[l];
        var to = from + _count[l];
        var lastP = None;
        for (var k = from; k < to; k++)
        {
            var po = _po[k];
            if (po.P == lastP)
            {
                _out.Ascii(", ");
            }
            else
            {
                if (k > from)
                {
                    _out.Ascii(" ;\n");
                    _out.Spaces(_indent + 4 * level);
                }
                else if (!inBrackets)
                {
                    _out.Byte((byte)' ');
                }
                if (po.P == _typeId) _out.Byte((byte)'a');
                else WriteTerm(po.P);
                _out.Byte((byte)' ');
                lastP = po.P;
            }
            WriteObject(po.O, level);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteObject(int o, int level)
    {
        if (o < 0)
        {
            _out.Bytes(LiteralBytes(~o));
            var dt = _litDatatype[~o];
            if (dt >= 0)
            {
                _out.Ascii("^^");
                WriteTerm(dt);
            }
            return;
        }
        if (_inline[o])
        {
            if (_lists.TryGetValue(o, out var items))
            {
                _out.Byte((byte)'(');
                foreach (var item in items)
                {
                    _out.Byte((byte)' ');
                    WriteObject(item, level + 1);
                }
                _out.Ascii(" )");
                return;
            }
            var l = _local[o];
            if (l < 0)
            {
                _out.Ascii("[]");
                return;
            }
            _out.Ascii("[\n");
            _out.Spaces(_indent + 4 * (level + 1));
            WritePredicateObjects(l, level + 1, inBrackets: true);
            _out.Byte((byte)'\n');
            _out.Spaces(_indent + 4 * level);
            _out.Byte((byte)']');
            return;
        }
        if (o == _nilId)
        {
            _out.Ascii("()");
            return;
        }
        WriteTerm(o);
    }

    /// <summary>An IRI, blank node label or triple term; spellings of IRIs and labels are encoded once and copied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteTerm(int id)
    {
        var at = _formAt[id];
        if (at < 0)
        {
            if (_kind[id] == Quoted)
            {
                WriteTripleTerm(((TripleNode)_terms[id]!).Triple);
                return;
            }
            at = Spell(id);
        }
        _out.Bytes(_arena.AsSpan(at, _formLen[id]));
    }

    private int Spell(int id)
    {
        string form;
        var entry = _entryOfId[id] - 1;
        if (entry >= 0 && _prefixByNs.Count == 0)
        {
            // Read from N-Triples as ASCII with nothing to escape: written as read.
            return Keep(id, [(byte)'<'], _asciiIris![entry], [(byte)'>']);
        }
        if (entry >= 0)
        {
            var text = Encoding.Latin1.GetString(_asciiIris![entry]);
            form = Abbreviate(text) ?? NTriplesText.Iri(text);
        }
        else if (_terms[id] is IriNode iri)
        {
            form = Abbreviate(iri.Value) ?? NTriplesText.Iri(iri.Value);
        }
        else
        {
            // Labels follow the order of first appearance in the output, so they do not depend on the input's labels.
            form = "_:b" + _nextLabel++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var len = Encoding.UTF8.GetByteCount(form);
        if (_arena.Length - _arenaLen < len) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLen + len));
        var at = _arenaLen;
        Encoding.UTF8.GetBytes(form, _arena.AsSpan(at));
        _arenaLen += len;
        _formAt[id] = at;
        _formLen[id] = len;
        return at;
    }

    private int Keep(int id, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var len = a.Length + b.Length + c.Length;
        if (_arena.Length - _arenaLen < len) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLen + len));
        var at = _arenaLen;
        a.CopyTo(_arena.AsSpan(at));
        b.CopyTo(_arena.AsSpan(at + a.Length));
        c.CopyTo(_arena.AsSpan(at + a.Length + b.Length));
        _arenaLen += len;
        _formAt[id] = at;
        _formLen[id] = len;
        return at;
    }

    private void WriteTripleTerm(Triple t)
    {
        _out.Ascii("<<( ");
        WriteNode(t.Subject);
        _out.Byte((byte)' ');
        WriteNode(t.Predicate);
        _out.Byte((byte)' ');
        WriteNode(t.Object);
        _out.Ascii(" )>>");
    }

    private void WriteNode(INode n)
    {
        if (n is LiteralNode l) WriteLiteral(l);
        else if (n is TripleNode t) WriteTripleTerm(t.Triple);
        else WriteTerm(_ids[n]);
    }

    private void WriteLiteral(LiteralNode l)
    {
        if (!SpellLiteral(_out, l)) return;
        _out.Ascii("^^");
        WriteTerm(_ids[l.Datatype]);
    }

    /// <summary>
    /// Writes a literal's spelling up to its datatype: a bare number or boolean, or the escaped string with its
    /// language tag (lower case, as in canonical N-Triples) and direction. True when "^^datatype" must follow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SpellLiteral(Utf8Output o, LiteralNode l)
    {
        if (l.Language is null)
        {
            switch (l.Datatype.Value)
            {
                case Vocab.Xsd.String:
                    o.QuotedString(l.Value);
                    return false;
                case Vocab.Xsd.Integer when TurtleLexical.IsInteger(l.Value):
                case Vocab.Xsd.Decimal when TurtleLexical.IsDecimal(l.Value):
                case Vocab.Xsd.Double when TurtleLexical.IsDouble(l.Value):
                case Vocab.Xsd.Boolean when l.Value is "true" or "false":
                    o.Text(l.Value);
                    return false;
            }
            o.QuotedString(l.Value);
            return true;
        }
        o.QuotedString(l.Value);
        o.Byte((byte)'@');
        foreach (var c in l.Language) o.Byte((byte)char.ToLowerInvariant(c));
        if (l.Direction is not null)
        {
            o.Ascii("--");
            o.Text(l.Direction);
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddLiteral(LiteralNode l)
    {
        _scratch.Reset();
        var typed = SpellLiteral(_scratch, l);
        return AddSpelledLiteral(_scratch.Written, typed ? Intern(l.Datatype) : -1);
    }

    /// <summary>
    /// Keeps a literal as its spelling up to the datatype (what <see cref="SpellLiteral"/> writes) and the id of the
    /// datatype that must follow as "^^datatype", or -1; returns its index (its object reference is the complement).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int AddSpelledLiteral(ReadOnlySpan<byte> bytes, int datatype)
    {
        if (_chunkUsed + bytes.Length > ChunkSize || _chunks.Count == 0)
        {
            // Large and never moved or zeroed by the collector: chunks cost neither copying nor clearing.
            _chunks.Add(GC.AllocateUninitializedArray<byte>(Math.Max(ChunkSize, bytes.Length)));
            _chunkUsed = 0;
        }
        var chunk = _chunks.Count - 1;
        bytes.CopyTo(_chunks[chunk].AsSpan(_chunkUsed));
        var n = _litCount++;
        if (_litAt.Length == n)
        {
            Grow(ref _litAt, n * 2);
            Grow(ref _litLen, n * 2);
            Grow(ref _litDatatype, n * 2);
        }
        _litAt[n] = ((long)chunk << 32) | (uint)_chunkUsed;
        _litLen[n] = bytes.Length;
        _litDatatype[n] = datatype;
        _chunkUsed += bytes.Length;
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> LiteralBytes(int n)
    {
        var at = _litAt[n];
        return _chunks[(int)(at >> 32)].AsSpan((int)at, _litLen[n]);
    }

    private void WriteFullIri(string iri)
    {
        _out.Byte((byte)'<');
        var span = iri.AsSpan();
        while (true)
        {
            var idx = NTriplesText.IndexOfIriSpecial(span);
            if (idx < 0) { _out.Text(span); break; }
            _out.Text(span[..idx]);
            _out.Ascii(NTriplesText.IriEscape(span[idx]));
            span = span[(idx + 1)..];
        }
        _out.Byte((byte)'>');
    }

    private string? Abbreviate(string iri)
    {
        if (_prefixByNs.Count == 0) return null;
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
}
