using System.Runtime.InteropServices;

namespace Graph.Server.Durability;

/// <summary>fsync for directories: a rename or a new file is durable only once its directory entry is.</summary>
internal static partial class FileSync
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    public static void Directory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // Windows has no directory fsync; NTFS journals metadata.
        var fd = Open(path, OperatingSystem.IsLinux() ? ReadOnlyDirectory : 0);
        if (fd < 0) throw new IOException($"cannot open folder {path} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"cannot sync folder {path} (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            Close(fd);
        }
    }
}
