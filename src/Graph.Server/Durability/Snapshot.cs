using System.Buffers.Binary;
using Graph.Rdf;

namespace Graph.Server.Durability;

/// <summary>
/// A whole dataset at one journal sequence number: [magic][sequence u64][count u64][quads][empty graph count u64]
/// [graph names][CRC-32C u32 of all before]. Written to a temporary file, fsynced, then renamed over the previous
/// one, so a snapshot is either the old or the new. Version 1 ("KGSNAP01", no empty graphs) is still read.
/// </summary>
internal static class Snapshot
{
    private static readonly byte[] s_magic = "KGSNAP02"u8.ToArray();
    private static readonly byte[] s_magicV1 = "KGSNAP01"u8.ToArray();

    public static void Write(string path, ulong sequence, long count, IEnumerable<Quad> quads, IReadOnlyList<INode> emptyGraphs)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var crc = new CrcStream(fs);
            using (var w = new BinaryWriter(crc, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(s_magic);
                w.Write(sequence);
                w.Write(count);
                long written = 0;
                foreach (var q in quads)
                {
                    QuadCodec.WriteQuad(w, q);
                    written++;
                }
                if (written != count) throw new InvalidOperationException($"snapshot wrote {written} quads, expected {count}");
                w.Write((long)emptyGraphs.Count);
                foreach (var g in emptyGraphs) QuadCodec.WriteTerm(w, g);
            }
            Span<byte> tail = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(tail, crc.Crc);
            fs.Write(tail);
            fs.Flush(true);
        }
        File.Move(tmp, path, overwrite: true);
        FileSync.Directory(dir);
    }

    /// <summary>
    /// Reads a snapshot: its quads into <paramref name="sink"/>, the names of its empty graphs into
    /// <paramref name="emptyGraph"/>. A damaged snapshot is an error (it is never half-written).
    /// </summary>
    public static ulong Read(string path, Action<Quad> sink, Action<INode> emptyGraph)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < s_magic.Length + 20) throw new InvalidDataException($"{path} is not a kg snapshot");
        var magic = bytes.AsSpan(0, s_magic.Length);
        var v1 = magic.SequenceEqual(s_magicV1);
        if (!v1 && !magic.SequenceEqual(s_magic)) throw new InvalidDataException($"{path} is not a kg snapshot");
        var body = bytes.AsSpan(0, bytes.Length - 4);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)))
            throw new InvalidDataException($"{path} is damaged (checksum mismatch)");
        using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 4, writable: false));
        r.ReadBytes(s_magic.Length);
        var seq = r.ReadUInt64();
        var count = r.ReadInt64();
        for (long i = 0; i < count; i++) sink(QuadCodec.ReadQuad(r));
        if (!v1)
        {
            var empty = r.ReadInt64();
            for (long i = 0; i < empty; i++)
                emptyGraph(QuadCodec.ReadTerm(r) ?? throw new InvalidDataException($"{path}: an empty graph without a name"));
        }
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException($"{path} has trailing bytes");
        return seq;
    }

    /// <summary>Computes the CRC of everything written through it.</summary>
    private sealed class CrcStream(Stream inner) : Stream
    {
        public uint Crc { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Crc = Crc32C.Append(Crc, buffer);
            inner.Write(buffer);
        }
    }
}
