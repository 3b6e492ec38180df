namespace Graph.News;

/// <summary>One entity of the gazetteer (ontology/entities.ttl).</summary>
public sealed class Entity
{
    public required string Key { get; init; }
    public string Iri => Ns.Id + Key;
    /// <summary>Local name of the ast: class (State, City, Region, Organisation, Process, DesignatedGroup, Person, Agency, Document).</summary>
    public string Type { get; set; } = "Thing";
    public string? LabelEn { get; set; }
    public string? LabelAr { get; set; }
    /// <summary>Names that identify the entity wherever they occur.</summary>
    public List<string> Names { get; } = [];
    /// <summary>Short or generic names that identify it only inside a cue (e.g. «المعارضة» after «وفد»).</summary>
    public List<string> ContextNames { get; } = [];
    /// <summary>Adjectives (nisba) that stand for the entity: «الروسي»، «الروسية».</summary>
    public List<string> Adjectives { get; } = [];
    /// <summary>Key of the state a city lies in.</summary>
    public string? Country { get; set; }
    /// <summary>Key of the body a person speaks for by office (a UN envoy represents the UN).</summary>
    public string? Represents { get; set; }
    /// <summary>Verified identity links (owl:sameAs), e.g. the Wikidata item.</summary>
    public List<string> SameAs { get; } = [];
}

public enum NameKind { Name, Context, Adjective }

/// <summary>The entities, indexed by the token sequences of their normalised names.</summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Entity> _byKey = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Entity> Entities => _byKey;

    internal PhraseTrie<(string Key, NameKind Kind)> Exact { get; } = new();

    /// <summary>Person names by consonant skeleton: transliterated names vary in long vowels and emphatics.</summary>
    internal PhraseTrie<(string Key, NameKind Kind)> Skeleton { get; } = new();

    public Entity? Get(string key) => _byKey.GetValueOrDefault(key);

    public Entity GetOrAdd(string key)
    {
        if (!_byKey.TryGetValue(key, out var e)) _byKey[key] = e = new Entity { Key = key };
        return e;
    }

    // Slots caching, per word text, whether a token can start a name (see WordTestSlots); new ones on every Index,
    // so answers cached before a re-index are never read.
    private int _nameStartSlot = -1, _skeletonStartSlot = -1;

    /// <summary>True when some form of the token (proclitics stripped) is the first word of a name.</summary>
    internal bool MayStartName(Token t)
    {
        if (t.IsNumber) return false;
        var slot = _nameStartSlot;
        if (slot < 0) return MayStartNameUncached(t);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, MayStartNameUncached(t));
    }

    private bool MayStartNameUncached(Token t)
    {
        foreach (var (form, _) in t.Forms) if (Exact.ContainsFirst(form)) return true;
        return false;
    }

    /// <summary>A word without the conjunction «و» or «ف» before it (when at least four letters are left): how person names are looked up by skeleton.</summary>
    internal static ReadOnlySpan<char> WithoutConjunction(string w) => w.Length > 4 && (w[0] == 'و' || w[0] == 'ف') ? w.AsSpan(1) : w;

    /// <summary>True when the skeleton of the token, without a conjunction, is the first word of a person name's skeleton.</summary>
    internal bool MayStartSkeleton(Token t)
    {
        if (t.IsNumber) return false;
        var slot = _skeletonStartSlot;
        if (slot < 0) return MayStartSkeletonUncached(t);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, MayStartSkeletonUncached(t));
    }

    private bool MayStartSkeletonUncached(Token t)
    {
        var word = WithoutConjunction(t.Text);
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return Skeleton.ContainsFirst(buffer[..SkeletonOf(word, buffer)]);
    }

    /// <summary>Builds the name index; call after all entities are loaded.</summary>
    public void Index()
    {
        _nameStartSlot = WordTestSlots.Take();
        _skeletonStartSlot = WordTestSlots.Take();
        foreach (var e in _byKey.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var n in e.Names) Add(e, n, NameKind.Name);
            foreach (var n in e.ContextNames) Add(e, n, NameKind.Context);
            foreach (var n in e.Adjectives) Add(e, n, NameKind.Adjective);
        }
    }

    private void Add(Entity e, string name, NameKind kind)
    {
        var key = NormalizedText.Key(name);
        if (key.Length == 0) return;
        var words = key.Split(' ');
        Exact.Add(words, (e.Key, kind));
        if (e.Type == "Person" && kind == NameKind.Name)
        {
            var sk = words.Select(SkeletonOf).ToArray();
            if (sk.Sum(s => s.Length) >= 5) Skeleton.Add(sk, (e.Key, kind));
        }
    }

    /// <summary>Consonant skeleton of a transliterated name: long vowels dropped after the first letter, emphatics folded.</summary>
    public static string SkeletonOf(string word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..SkeletonOf(word, buffer)]);
    }

    /// <summary>Writes the skeleton of <paramref name="word"/> into <paramref name="into"/> (at least as long as the word); returns its length.</summary>
    public static int SkeletonOf(ReadOnlySpan<char> word, Span<char> into)
    {
        var n = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i] switch
            {
                'ص' or 'ث' => 'س', 'ط' => 'ت', 'ض' => 'د', 'ظ' or 'ذ' => 'ز', 'ق' => 'ك', 'ة' => 'ه', 'ى' => 'ي', 'ؤ' => 'و', 'ئ' => 'ي', 'غ' => 'ج',
                var o => o,
            };
            if (i > 0 && c is 'ا' or 'و' or 'ي') continue;
            if (n > 0 && into[n - 1] == c) continue;
            into[n++] = c;
        }
        return n;
    }
}

/// <summary>A trie over word sequences.</summary>
internal sealed class PhraseTrie<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<T>? Values;
    }

    private readonly Node _root = new();

    public void Add(IReadOnlyList<string> words, T value)
    {
        var n = _root;
        foreach (var w in words)
        {
            n.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!n.Next.TryGetValue(w, out var child)) n.Next[w] = child = new Node();
            n = child;
        }
        n.Values ??= [];
        if (!n.Values.Contains(value)) n.Values.Add(value);
    }

    /// <summary>The longest match starting with <paramref name="first"/> and continuing with words from <paramref name="next"/>; returns the number of words matched.</summary>
    public int Longest(string first, Func<int, string?> next, out List<T>? values)
    {
        values = null;
        if (_root.Next is null || !_root.Next.TryGetValue(first, out var n)) return 0;
        var best = 0;
        var len = 1;
        while (true)
        {
            if (n.Values is not null) { best = len; values = n.Values; }
            if (n.Next is null) break;
            var w = next(len);
            if (w is null || !n.Next.TryGetValue(w, out var child)) break;
            n = child;
            len++;
        }
        return best;
    }

    public bool ContainsFirst(string word) => _root.Next is not null && _root.Next.ContainsKey(word);

    public bool ContainsFirst(ReadOnlySpan<char> word) => _root.Next is not null && _root.Next.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);
}
