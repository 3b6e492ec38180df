using System.Buffers.Binary;
using Graph.Server.Engine;

namespace Graph.Server.Durability;

/// <summary>
/// The append-only log of acknowledged change sets. A record is [length u32][CRC-32C u32][payload], payload =
/// [sequence u64][change set]; each append is fsynced before it returns, so a change acknowledged to a client
/// survives a crash. A crash during an append leaves a torn tail, which <see cref="Read"/> detects and drops.
/// </summary>
internal sealed class Journal : IDisposable
{
    public const int HeaderSize = 8;

    /// <summary>Larger records cannot have been written by us (the request body limit is far lower): a length beyond it is a torn header.</summary>
    public const int MaxRecordSize = 1 << 30;

    private readonly FileStream _file;
    private bool _broken;

    private Journal(FileStream file) => _file = file;

    public long Length => _file.Length;

    /// <summary>The valid records of a journal file, and where the valid prefix ends.</summary>
    public sealed record Contents(List<(ulong Sequence, ChangeSet Changes)> Records, long ValidLength, long FileLength);

    public static Contents Read(string path)
    {
        var records = new List<(ulong, ChangeSet)>();
        if (!File.Exists(path)) return new Contents(records, 0, 0);
        var bytes = File.ReadAllBytes(path);
        long pos = 0;
        while (bytes.Length - pos >= HeaderSize)
        {
            var len = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)pos, 4));
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)pos + 4, 4));
            if (len < 8 || len > MaxRecordSize || len > bytes.Length - pos - HeaderSize) break;
            var payload = bytes.AsSpan((int)(pos + HeaderSize), (int)len);
            if (Crc32C.Compute(payload) != crc) break;
            ChangeSet changes;
            ulong seq;
            try
            {
                using var r = new BinaryReader(new MemoryStream(bytes, (int)(pos + HeaderSize), (int)len, writable: false));
                seq = r.ReadUInt64();
                changes = QuadCodec.ReadChanges(r);
                if (r.BaseStream.Position != len) break;
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
            {
                break;
            }
            records.Add((seq, changes));
            pos += HeaderSize + len;
        }
        return new Contents(records, pos, bytes.Length);
    }

    /// <summary>Opens the journal for appending, first cutting it to <paramref name="validLength"/> (dropping a torn tail).</summary>
    public static Journal OpenForAppend(string path, long validLength)
    {
        var isNew = !File.Exists(path);
        var fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        if (fs.Length != validLength)
        {
            fs.SetLength(validLength);
            fs.Flush(true);
        }
        fs.Seek(0, SeekOrigin.End);
        if (isNew) FileSync.Directory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new Journal(fs);
    }

    public static byte[] Encode(ulong sequence, ChangeSet changes)
    {
        var ms = new MemoryStream();
        ms.Write(new byte[HeaderSize]);
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(sequence);
            QuadCodec.WriteChanges(w, changes);
        }
        var buf = ms.GetBuffer();
        var len = (int)ms.Length - HeaderSize;
        if (len > MaxRecordSize) throw new SparqlRequestException(SparqlErrorKind.TooCostly, "the change is too large to record");
        BinaryPrimitives.WriteUInt32LittleEndian(buf.AsSpan(0, 4), (uint)len);
        BinaryPrimitives.WriteUInt32LittleEndian(buf.AsSpan(4, 4), Crc32C.Compute(buf.AsSpan(HeaderSize, len)));
        return buf.AsSpan(0, (int)ms.Length).ToArray();
    }

    /// <summary>Appends and fsyncs one record. On failure the journal is cut back so no garbage sits before later records.</summary>
    public void Append(ulong sequence, ChangeSet changes)
    {
        if (_broken) throw new IOException("the journal could not be repaired after a failed write; restart the server");
        var record = Encode(sequence, changes);
        var before = _file.Length;
        try
        {
            _file.Write(record);
            _file.Flush(true);
        }
        catch (IOException)
        {
            try
            {
                _file.SetLength(before);
                _file.Seek(0, SeekOrigin.End);
                _file.Flush(true);
            }
            catch (IOException)
            {
                _broken = true;
            }
            throw;
        }
    }

    /// <summary>Empties the journal once a snapshot holds everything it recorded.</summary>
    public void Reset()
    {
        _file.SetLength(0);
        _file.Seek(0, SeekOrigin.Begin);
        _file.Flush(true);
    }

    public void Dispose() => _file.Dispose();
}
