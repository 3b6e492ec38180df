namespace Graph.News;

/// <summary>
/// Numbers the word tests (a word set, a cue list with a slack, a topic pattern word) whose answers are cached per
/// word text in <see cref="CueBits"/>: rules ask the same few hundred questions about every token, and the answer
/// depends only on the word, so each is computed once per distinct word and thread.
/// </summary>
/// <remarks>
/// A test gets its number when its list is built (once per process), so asking costs a field read and a bit test;
/// tests beyond <see cref="Capacity"/> get -1 and are answered uncached (correct, only slower).
/// </remarks>
internal static class WordTestSlots
{
    /// <summary>Bits per word: 8 words of 64, twice (known, hit).</summary>
    public const int Capacity = 512;
    public const int Words = Capacity / 64;

    private static int s_next;

    public static int Take()
    {
        var n = Interlocked.Increment(ref s_next) - 1;
        return n < Capacity ? n : -1;
    }
}

/// <summary>A set of normalised words with its own cache slot (see <see cref="WordTestSlots"/>); build it once, never change it.</summary>
public sealed class WordSet : HashSet<string>
{
    internal int Slot { get; } = WordTestSlots.Take();

    public WordSet(IEnumerable<string> words) : base(words, StringComparer.Ordinal) { }
}

/// <summary>
/// A closed list of normalised words or stems, tested against tokens exactly (<see cref="Cues.Exactly(Token, WordList)"/>)
/// or as stems with a slack (<see cref="Cues.Has(Token, WordList, int)"/>), each kind of test with its own cache slot.
/// </summary>
internal sealed class WordList(string[] words)
{
    public string[] Words { get; } = words;

    /// <summary>A list written as one space-separated string of words, normalised («وفق وفقا بحسب»).</summary>
    public static WordList Of(string spaced) => new(NormalizedText.Key(spaced).Split(' '));
    public int Length => Words.Length;
    public string this[int i] => Words[i];

    private int _exactSlot = Unassigned;
    private readonly int[] _stemSlots = [Unassigned, Unassigned, Unassigned, Unassigned, Unassigned, Unassigned, Unassigned, Unassigned];
    private const int Unassigned = -2;

    /// <summary>The slot of the exact-word test, taken on first use so lists never asked about take none.</summary>
    public int ExactSlot => _exactSlot != Unassigned ? _exactSlot : TakeOnce(ref _exactSlot);

    /// <summary>The slot of the stem test with this slack (0–7; others are uncached).</summary>
    public int StemSlot(int slack)
    {
        if ((uint)slack >= (uint)_stemSlots.Length) return -1;
        var s = _stemSlots[slack];
        return s != Unassigned ? s : TakeOnce(ref _stemSlots[slack]);
    }

    private static int TakeOnce(ref int field)
    {
        lock (s_lock)
        {
            if (field == Unassigned) Volatile.Write(ref field, WordTestSlots.Take());
            return field;
        }
    }

    private static readonly object s_lock = new();
}
