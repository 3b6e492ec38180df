using System.Text;
using Graph.Rdf;

namespace Graph.Server.Formats;

/// <summary>
/// Line-oriented RDF writers (N-Triples, N-Quads, and Turtle / TriG as prefix-free statements, which both
/// grammars accept). The pretty writers of Graph.Formats replace these once merged.
/// </summary>
internal static class RdfWriters
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    public static void NTriples(Stream output, IEnumerable<Triple> triples)
    {
        using var w = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var t in triples) w.WriteLine(t.ToString());
    }

    public static void NQuads(Stream output, IEnumerable<Quad> quads)
    {
        using var w = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var q in quads) w.WriteLine(q.ToString());
    }

    public static void TriG(Stream output, IEnumerable<Quad> quads)
    {
        using var w = new StreamWriter(output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        INode? open = null;
        var inGraph = false;
        foreach (var q in quads)
        {
            if (!inGraph || !Equals(open, q.Graph))
            {
                if (inGraph && open is not null) w.WriteLine("}");
                open = q.Graph;
                inGraph = true;
                if (open is not null) w.WriteLine(open.ToString() + " {");
            }
            if (open is not null) w.Write("  ");
            w.WriteLine(q.Triple.ToString());
        }
        if (inGraph && open is not null) w.WriteLine("}");
    }
}
