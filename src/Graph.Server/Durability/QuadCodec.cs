using Graph.Rdf;
using Graph.Server.Engine;

namespace Graph.Server.Durability;

/// <summary>The binary form of terms, quads and change sets in the journal and in snapshots.</summary>
internal static class QuadCodec
{
    private const byte NoTerm = 0, Iri = 1, Blank = 2, Simple = 3, Typed = 4, Lang = 5, DirLang = 6, TripleTerm = 7;

    /// <summary>Triple terms nest; this bounds the reader's recursion (the data was written by us, so deeper is corruption).</summary>
    private const int MaxNesting = 64;

    public static void WriteTerm(BinaryWriter w, INode? node)
    {
        switch (node)
        {
            case null: w.Write(NoTerm); break;
            case IriNode i: w.Write(Iri); w.Write(i.Value); break;
            case BlankNode b: w.Write(Blank); w.Write(b.Label); break;
            case LiteralNode l when l.Language is not null && l.Direction is not null:
                w.Write(DirLang); w.Write(l.Value); w.Write(l.Language); w.Write(l.Direction); break;
            case LiteralNode l when l.Language is not null:
                w.Write(Lang); w.Write(l.Value); w.Write(l.Language); break;
            case LiteralNode l when l.IsSimple: w.Write(Simple); w.Write(l.Value); break;
            case LiteralNode l: w.Write(Typed); w.Write(l.Value); w.Write(l.Datatype.Value); break;
            case TripleNode t:
                w.Write(TripleTerm);
                WriteTerm(w, t.Triple.Subject);
                WriteTerm(w, t.Triple.Predicate);
                WriteTerm(w, t.Triple.Object);
                break;
            default: throw new InvalidOperationException("cannot encode term " + node);
        }
    }

    public static INode? ReadTerm(BinaryReader r, int depth = 0)
    {
        if (depth > MaxNesting) throw new InvalidDataException("triple terms nested too deeply");
        var tag = r.ReadByte();
        return tag switch
        {
            NoTerm => null,
            Iri => new IriNode(r.ReadString()),
            Blank => new BlankNode(r.ReadString()),
            Simple => new LiteralNode(r.ReadString()),
            Typed => ReadTyped(r),
            Lang => LiteralNode.LangString(r.ReadString(), r.ReadString()),
            DirLang => LiteralNode.LangString(r.ReadString(), r.ReadString(), r.ReadString()),
            TripleTerm => new TripleNode(new Triple(
                Required(ReadTerm(r, depth + 1)),
                Required(ReadTerm(r, depth + 1)) as IriNode ?? throw new InvalidDataException("a predicate must be an IRI"),
                Required(ReadTerm(r, depth + 1)))),
            _ => throw new InvalidDataException("unknown term tag " + tag),
        };
    }

    private static LiteralNode ReadTyped(BinaryReader r)
    {
        var value = r.ReadString();
        return LiteralNode.Typed(value, r.ReadString());
    }

    private static INode Required(INode? n) => n ?? throw new InvalidDataException("a term is missing");

    public static void WriteQuad(BinaryWriter w, in Quad q)
    {
        WriteTerm(w, q.Subject);
        WriteTerm(w, q.Predicate);
        WriteTerm(w, q.Object);
        WriteTerm(w, q.Graph);
    }

    public static Quad ReadQuad(BinaryReader r)
    {
        var s = Required(ReadTerm(r));
        var p = Required(ReadTerm(r)) as IriNode ?? throw new InvalidDataException("a predicate must be an IRI");
        var o = Required(ReadTerm(r));
        return new Quad(s, p, o, ReadTerm(r));
    }

    /// <summary>
    /// Starts a change set in the current format (2: graphs can exist empty; adds CreateGraph and DropGraph). A change
    /// set of format 1 starts with its count, never negative, so the two cannot be confused.
    /// </summary>
    private const int Format2 = -2;

    public static void WriteChanges(BinaryWriter w, ChangeSet changes)
    {
        if (changes.LeavesNoEmptyGraphs) throw new InvalidOperationException("change sets are written in the current format only");
        w.Write(Format2);
        w.Write(changes.Count);
        foreach (var c in changes.Changes)
        {
            w.Write((byte)c.Kind);
            switch (c.Kind)
            {
                case ChangeKind.Add or ChangeKind.Remove: WriteQuad(w, c.Quad); break;
                case ChangeKind.ClearGraph or ChangeKind.CreateGraph or ChangeKind.DropGraph: WriteTerm(w, c.Graph); break;
                case ChangeKind.ClearAll: break;
                default: throw new InvalidOperationException("unknown change kind " + c.Kind);
            }
        }
    }

    /// <summary>Reads a change set of either format; one of format 1 is marked to replay with that format's meaning.</summary>
    public static ChangeSet ReadChanges(BinaryReader r)
    {
        var n = r.ReadInt32();
        var legacy = n >= 0;
        if (n == Format2) n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative change count");
        var set = new ChangeSet { LeavesNoEmptyGraphs = legacy };
        for (var i = 0; i < n; i++)
        {
            var kind = (ChangeKind)r.ReadByte();
            set.Add(kind switch
            {
                ChangeKind.Add => Change.Add(ReadQuad(r)),
                ChangeKind.Remove => Change.Remove(ReadQuad(r)),
                ChangeKind.ClearGraph => Change.Clear(ReadTerm(r)),
                ChangeKind.ClearAll => Change.ClearEverything(),
                ChangeKind.CreateGraph when !legacy => Change.CreateGraph(Required(ReadTerm(r))),
                ChangeKind.DropGraph when !legacy => Change.DropGraph(Required(ReadTerm(r))),
                _ => throw new InvalidDataException("unknown change kind " + (byte)kind),
            });
        }
        return set;
    }
}
