using System.Runtime.InteropServices;

namespace Graph.Cli;

/// <summary>Writes a file through a temporary sibling and a rename, so a failure never leaves a half-written file.</summary>
public static class AtomicFile
{
    /// <summary>Writes the file; returns how long the final flush to disk (fsync) took.</summary>
    public static TimeSpan Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        // Like `mkdir -p`: an output folder that does not exist yet is made, so `--out out/x.trig` works on a fresh clone.
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        try
        {
            TimeSpan sync;
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writeback = new WritebackStream(fs)) write(writeback);
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                fs.Flush(true);
                sync = System.Diagnostics.Stopwatch.GetElapsedTime(t0);
            }
            File.Move(tmp, full, overwrite: true);
            return sync;
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>
    /// Passes writes on to the file and, every few megabytes, asks the kernel to start writing the part just written
    /// to disk (Linux sync_file_range, which does not wait): the disk works while the program goes on making output,
    /// and the closing fsync, which durability needs, finds little left to do.
    /// </summary>
    private sealed class WritebackStream(FileStream file) : Stream
    {
        private const long Chunk = 8 << 20;
        private long _written, _started;
        private bool _enabled = OperatingSystem.IsLinux();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            file.Write(buffer);
            _written += buffer.Length;
            if (_enabled && _written - _started >= Chunk) StartWriteback();
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private void StartWriteback()
        {
            file.Flush();
            // Everything up to what is still in FileStream's buffer has reached the kernel; the range is a hint only.
            var end = _written;
            try
            {
                if (SyncFileRange((int)file.SafeFileHandle.DangerousGetHandle(), _started, end - _started, SyncFileRangeWrite) != 0) _enabled = false;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _enabled = false;
            }
            _started = end;
        }
    }

    private const uint SyncFileRangeWrite = 2;

    // All arguments are blittable, so the plain import needs no marshalling code (LibraryImport would need unsafe code).
    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(int fd, long offset, long nbytes, uint flags);
}
