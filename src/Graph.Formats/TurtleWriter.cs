using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Turtle and TriG writer: prefixes, subjects grouped with ';' and ',', 'a', bare numbers and booleans,
/// collections, nested [ ] for blank nodes used once, triple terms. Subjects, predicates (rdf:type first) and objects
/// are sorted and blank nodes renamed in order of appearance, so the same graph always gives the same bytes.
/// </summary>
/// <remarks>
/// Built for speed on millions of triples: IRIs and blank nodes are interned to integer ids once, sorted once into
/// ranks so that grouping and ordering compare integers, and each IRI's spelling is encoded to UTF-8 once and then
/// copied. Literals are not interned (most occur once); they are compared as terms only between objects of one
/// subject and predicate.
/// </remarks>
public static class TurtleWriter
{
    /// <summary>Nesting deeper than this is written with labels instead of [ ] or ( ), which keeps recursion bounded.</summary>
    internal const int MaxNesting = 64;

    public static void Write(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, TextWriter output, bool trig)
    {
        var sink = Collect(quads, trig);
        sink.WriteTo(output, prefixes);
    }

    /// <summary>Writes UTF-8 (no BOM) to <paramref name="output"/>; the stream is neither flushed nor closed.</summary>
    public static void Write(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, Stream output, bool trig)
    {
        var sink = Collect(quads, trig);
        sink.WriteTo(output, prefixes);
    }

    private static TurtleSink Collect(IEnumerable<Quad> quads, bool trig)
    {
        var sink = new TurtleSink(trig);
        if (quads is List<Quad> list)
            foreach (ref readonly var q in CollectionsMarshal.AsSpan(list)) sink.Quad(q);
        else
            foreach (var q in quads) sink.Quad(q);
        return sink;
    }

    public static string ToString(IEnumerable<Quad> quads, IReadOnlyDictionary<string, string> prefixes, bool trig)
    {
        var ms = new MemoryStream();
        Write(quads, prefixes, ms, trig);
        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }
}
