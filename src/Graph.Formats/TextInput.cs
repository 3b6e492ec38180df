using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Unicode;
using Graph.Rdf;

namespace Graph.Formats;

/// <summary>
/// Buffered character input shared by the hand-written readers: decodes UTF-8 in blocks (invalid bytes are an
/// error at their position, not a replacement character), tracks line and column, and never holds more than a
/// buffer of the document, so any input size streams.
/// </summary>
internal abstract class TextInput
{
    private const int BlockChars = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextReader? _reader;
    private readonly byte[]? _bytes;
    private int _bytesStart, _bytesEnd;
    private bool _sourceDone;
    private bool _invalidUtf8;

    protected char[] Buf = new char[BlockChars * 2];
    protected int Pos, Len;
    private long _bufStartAbs;

    private long _line = 1;
    private long _lineStartAbs;
    private long _lastCrAbs = -2;
    private long _droppedSurrogatesOnLine;

    protected TextInput(Stream stream, string? sourceName)
    {
        _stream = stream;
        _bytes = new byte[BlockChars];
        SourceName = sourceName;
        SkipBom();
    }

    protected TextInput(TextReader reader, string? sourceName)
    {
        _reader = reader;
        SourceName = sourceName;
        SkipBom();
    }

    public string? SourceName { get; }

    private void SkipBom()
    {
        if (Peek() == 0xFEFF) { Pos++; _lineStartAbs = 1; }
    }

    protected const int Eof = -1;

    protected int Peek() => Pos < Len ? Buf[Pos] : PeekSlow(0);

    /// <summary>The character <paramref name="k"/> places ahead, or -1 past the end.</summary>
    protected int PeekAt(int k) => Pos + k < Len ? Buf[Pos + k] : PeekSlow(k);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PeekSlow(int k)
    {
        while (Pos + k >= Len)
        {
            if (!Fill())
            {
                if (_invalidUtf8) throw ErrorAt(_bufStartAbs + Len, "invalid UTF-8 byte sequence");
                return Eof;
            }
        }
        return Buf[Pos + k];
    }

    /// <summary>Makes sure <paramref name="n"/> characters are buffered if the input has them; returns how many are.</summary>
    protected int Ensure(int n)
    {
        while (Len - Pos < n && Fill()) { }
        return Len - Pos;
    }

    /// <summary>Reads more characters into the buffer, compacting first. False at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill()
    {
        if (_sourceDone) return false;
        if (Pos > 0)
        {
            DropBefore(Pos);
            Array.Copy(Buf, Pos, Buf, 0, Len - Pos);
            _bufStartAbs += Pos;
            Len -= Pos;
            Pos = 0;
        }
        if (Buf.Length - Len < BlockChars) Array.Resize(ref Buf, Buf.Length * 2);
        var before = Len;
        if (_reader is not null)
        {
            var n = _reader.Read(Buf, Len, Buf.Length - Len);
            if (n <= 0) { _sourceDone = true; return false; }
            Len += n;
            return true;
        }
        while (Len == before)
        {
            if (_bytesEnd - _bytesStart < 8 && !_sourceDone)
            {
                if (_bytesStart > 0)
                {
                    Array.Copy(_bytes!, _bytesStart, _bytes!, 0, _bytesEnd - _bytesStart);
                    _bytesEnd -= _bytesStart;
                    _bytesStart = 0;
                }
                var read = _stream!.Read(_bytes!, _bytesEnd, _bytes!.Length - _bytesEnd);
                if (read <= 0) _sourceDone = true;
                else _bytesEnd += read;
            }
            var status = Utf8.ToUtf16(_bytes.AsSpan(_bytesStart, _bytesEnd - _bytesStart), Buf.AsSpan(Len), out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: _sourceDone);
            _bytesStart += bytesRead;
            Len += charsWritten;
            if (status == OperationStatus.InvalidData)
            {
                _invalidUtf8 = true;
                _sourceDone = true;
                _bytesStart = _bytesEnd;
                return Len > before;
            }
            if (_sourceDone && _bytesStart >= _bytesEnd) return Len > before;
            if (status == OperationStatus.NeedMoreData && _sourceDone)
            {
                _invalidUtf8 = true;
                return Len > before;
            }
        }
        return true;
    }

    /// <summary>Keeps the code-point column right when characters of the current line leave the buffer.</summary>
    private void DropBefore(int pos)
    {
        var from = (int)Math.Max(0, _lineStartAbs - _bufStartAbs);
        for (var i = from; i < pos; i++)
            if (char.IsLowSurrogate(Buf[i])) _droppedSurrogatesOnLine++;
    }

    /// <summary>Call after consuming a CR or LF at <paramref name="consumedAt"/> (buffer index); CR LF counts once.</summary>
    protected void NewLine(char c, int consumedAt)
    {
        var abs = _bufStartAbs + consumedAt;
        if (c == '\n' && _lastCrAbs == abs - 1)
        {
            _lineStartAbs = abs + 1;
            return;
        }
        if (c == '\r') _lastCrAbs = abs;
        _line++;
        _lineStartAbs = abs + 1;
        _droppedSurrogatesOnLine = 0;
    }

    protected long Line => _line;

    private long ColumnOf(long abs)
    {
        var col = abs - _lineStartAbs + 1 - _droppedSurrogatesOnLine;
        var from = (int)Math.Max(0, _lineStartAbs - _bufStartAbs);
        var to = (int)Math.Min(Len, abs - _bufStartAbs);
        for (var i = from; i < to; i++)
            if (char.IsLowSurrogate(Buf[i])) col--;
        return Math.Max(col, 1);
    }

    /// <summary>The absolute character offset of Pos, for errors reported at a token's start.</summary>
    protected long AbsPos => _bufStartAbs + Pos;

    protected RdfParseException ErrorAtAbs(long abs, string message) => ErrorAt(abs, message);

    /// <summary>An error at the current position.</summary>
    protected RdfParseException Error(string message) => ErrorAt(_bufStartAbs + Pos, message);

    /// <summary>An error at buffer index <paramref name="bufferIndex"/> (which must be on the current line).</summary>
    protected RdfParseException ErrorAtIndex(int bufferIndex, string message) => ErrorAt(_bufStartAbs + bufferIndex, message);

    private RdfParseException ErrorAt(long abs, string message)
    {
        if (abs < _lineStartAbs) abs = _lineStartAbs;
        return new RdfParseException(message, SourceName, _line, ColumnOf(abs));
    }

    protected static string Describe(int c) => c switch
    {
        Eof => "end of input",
        '\n' => "end of line",
        '\r' => "end of line",
        0 => "a NUL character",
        < 0x20 => $"control character U+{c:X4}",
        _ => $"'{(char)c}'",
    };

    // ---- scratch buffer for token text that needs unescaping or spans buffer refills ----

    protected char[] Scratch = new char[256];
    protected int ScratchLen;

    /// <summary>
    /// The longest token the scratch buffer may grow to, checked only when it grows (so a token far over a length
    /// limit fails before it fills memory); <see cref="ScratchTooLong"/> makes the error.
    /// </summary>
    protected int ScratchCap = int.MaxValue;

    protected virtual RdfParseException ScratchTooLong() => Error($"a token longer than {ScratchCap} characters");

    protected void ScratchAdd(char c)
    {
        if (ScratchLen == Scratch.Length) Grow(1);
        Scratch[ScratchLen++] = c;
    }

    private void Grow(int more)
    {
        if ((long)ScratchLen + more > ScratchCap) throw ScratchTooLong();
        Array.Resize(ref Scratch, (int)Math.Min(Array.MaxLength, Math.Max(Scratch.Length * 2L, (long)ScratchLen + more)));
    }

    protected void ScratchAdd(ReadOnlySpan<char> s)
    {
        if (ScratchLen + s.Length > Scratch.Length) Grow(s.Length);
        s.CopyTo(Scratch.AsSpan(ScratchLen));
        ScratchLen += s.Length;
    }

    protected void ScratchAddCodePoint(int cp)
    {
        if (cp < 0x10000) ScratchAdd((char)cp);
        else
        {
            cp -= 0x10000;
            ScratchAdd((char)(0xD800 + (cp >> 10)));
            ScratchAdd((char)(0xDC00 + (cp & 0x3FF)));
        }
    }

    protected ReadOnlySpan<char> ScratchSpan => Scratch.AsSpan(0, ScratchLen);

    /// <summary>Reads \uXXXX or \UXXXXXXXX after the backslash and 'u'/'U' have been seen at Pos (pointing at the backslash).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected int ReadUchar()
    {
        var start = Pos;
        var kind = PeekAt(1);
        var n = kind == 'u' ? 4 : 8;
        Ensure(n + 2);
        var cp = 0;
        for (var i = 0; i < n; i++)
        {
            var h = PeekAt(2 + i);
            var v = HexValue(h);
            if (v < 0) throw ErrorAtIndex(start, $"expected {n} hex digits after \\{(char)kind}, found {Describe(h)}");
            cp = cp * 16 + v;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            throw ErrorAtIndex(start, $"\\{(char)kind} escape U+{cp:X} is not a Unicode scalar value");
        Pos += n + 2;
        return cp;
    }

    protected static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
