using System.Text;

namespace Graph.Formats.Tests;

/// <summary>A read-only stream made of text pieces each repeated some number of times, so huge inputs need no memory.</summary>
internal sealed class RepeatingStream : Stream
{
    private readonly List<(byte[] Bytes, long Times)> _parts = [];
    private int _part;
    private long _done;
    private int _offset;

    public RepeatingStream Add(string text, long times = 1)
    {
        _parts.Add((Encoding.UTF8.GetBytes(text), times));
        return this;
    }

    public RepeatingStream AddBytes(byte[] bytes, long times = 1)
    {
        _parts.Add((bytes, times));
        return this;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _part < _parts.Count)
        {
            var (bytes, times) = _parts[_part];
            if (_done >= times || bytes.Length == 0) { _part++; _done = 0; _offset = 0; continue; }
            var n = Math.Min(count - written, bytes.Length - _offset);
            Array.Copy(bytes, _offset, buffer, offset + written, n);
            written += n;
            _offset += n;
            if (_offset == bytes.Length) { _offset = 0; _done++; }
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
