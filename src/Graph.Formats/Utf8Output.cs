using System.Runtime.CompilerServices;
using System.Text;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// A byte buffer that writers fill with UTF-8 and that empties into a stream, or, decoded, into a TextWriter.
/// Writing bytes directly skips the UTF-16 → UTF-8 pass of a StreamWriter and lets cached term spellings be copied.
/// </summary>
internal sealed class Utf8Output
{
    // Strings are encoded in pieces of at most this many chars so a 100 MB literal needs no 300 MB buffer.
    private const int Piece = 1 << 13;

    private byte[] _buf = new byte[1 << 16];
    private int _pos;
    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly Decoder? _decoder;
    private char[]? _chars;

    public Utf8Output(Stream stream) => _stream = stream;

    /// <summary>An output that keeps everything in its buffer (see <see cref="Written"/>), growing it as needed.</summary>
    public Utf8Output()
    {
    }

    /// <summary>What a capturing output holds.</summary>
    public ReadOnlySpan<byte> Written => _buf.AsSpan(0, _pos);

    public void Reset() => _pos = 0;

    private bool Capturing => _stream is null && _text is null;

    public Utf8Output(TextWriter text)
    {
        _text = text;
        _decoder = new UTF8Encoding(false).GetDecoder();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b)
    {
        if (_pos == _buf.Length) MakeRoom(1);
        _buf[_pos++] = b;
    }

    /// <summary>Writes a string known to be ASCII (syntax, escapes, prefixes checked by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ascii(string s)
    {
        Ensure(s.Length);
        var dst = _buf.AsSpan(_pos, s.Length);
        for (var i = 0; i < s.Length; i++) dst[i] = (byte)s[i];
        _pos += s.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bytes(ReadOnlySpan<byte> b)
    {
        while (b.Length > 0)
        {
            if (_pos == _buf.Length) MakeRoom(b.Length);
            var n = Math.Min(b.Length, _buf.Length - _pos);
            b[..n].CopyTo(_buf.AsSpan(_pos));
            _pos += n;
            b = b[n..];
        }
    }

    public void Spaces(int n)
    {
        Ensure(n);
        _buf.AsSpan(_pos, n).Fill((byte)' ');
        _pos += n;
    }

    /// <summary>Encodes text as UTF-8 (unpaired surrogates become U+FFFD, as a StreamWriter would write them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<char> s)
    {
        while (s.Length > 0)
        {
            var n = s.Length;
            if (n > Piece)
            {
                n = Piece;
                if (char.IsHighSurrogate(s[n - 1])) n--;
            }
            Ensure(n * 3);
            _pos += Encoding.UTF8.GetBytes(s[..n], _buf.AsSpan(_pos));
            s = s[n..];
        }
    }

    /// <summary>"value" with the canonical N-Triples escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void QuotedString(ReadOnlySpan<char> s)
    {
        Byte((byte)'"');
        while (true)
        {
            var idx = NTriplesText.IndexOfStringSpecial(s);
            if (idx < 0) { Text(s); break; }
            Text(s[..idx]);
            Ascii(NTriplesText.StringEscape(s[idx]));
            s = s[(idx + 1)..];
        }
        Byte((byte)'"');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int n)
    {
        if (_buf.Length - _pos < n) MakeRoom(n);
    }

    private void MakeRoom(int n)
    {
        if (Capturing)
        {
            Array.Resize(ref _buf, (int)Math.Min(Array.MaxLength, Math.Max((long)_buf.Length * 2, (long)_pos + n)));
            return;
        }
        Drain();
        if (_buf.Length < n) _buf = new byte[Math.Max(n, _buf.Length * 2)];
    }

    /// <summary>Hands what is buffered to the stream or TextWriter (neither is flushed itself).</summary>
    public void Drain() => Drain(final: false);

    public void Complete() => Drain(final: true);

    private void Drain(bool final)
    {
        if (Capturing) return;
        if (_stream is not null) _stream.Write(_buf, 0, _pos);
        else
        {
            _chars ??= new char[_buf.Length + 4];
            if (_chars.Length < _pos + 4) _chars = new char[_pos + 4];
            var n = _decoder!.GetChars(_buf, 0, _pos, _chars, 0, final);
            _text!.Write(_chars, 0, n);
        }
        _pos = 0;
    }
}
