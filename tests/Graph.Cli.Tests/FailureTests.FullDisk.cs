using System.Diagnostics;
using System.Text;

namespace Graph.Cli.Tests;

/// <summary>
/// A disk that fills up while kg saves: the command fails with a clear message and the file that was there before
/// is untouched (AtomicFile writes a sibling and renames only after a complete, flushed write). The full disk is a
/// small tmpfs the test mounts, which needs root (CI runs as root); without it the test fails, it never skips.
/// </summary>
[TestClass]
public sealed class FailureTestsFullDisk : CliTestBase
{
    private string? _mount;

    [TestCleanup]
    public void Unmount()
    {
        if (_mount is not null) Run("umount", _mount);
    }

    [TestMethod]
    public void AFullDiskWhileSavingLeavesThePreviousFileIntact()
    {
        _mount = MountSmallDisk(Path.Combine(Dir, "small-disk"), "256k");
        var target = Path.Combine(_mount, "out.nt");
        const string previous = "<http://example.org/old> <http://example.org/p> \"kept\" .\n";
        File.WriteAllText(target, previous);

        // About 2 MB of N-Triples to write onto 256 KiB.
        var big = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
            big.Append("<http://example.org/s").Append(i).Append("> <http://example.org/p> \"a value long enough to fill the disk ").Append(i).Append("\" .\n");
        var input = WriteFile("big.nt", big.ToString());

        var (code, _, err) = RunKg("", false, "parse", input, "--to", "ntriples", "--out", target);

        Assert.AreEqual(1, code, "a full disk is a failure (exit 1): " + err);
        StringAssert.Contains(err, "out.nt", "the message names the file being written");
        Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + err);
        Assert.AreEqual(previous, File.ReadAllText(target), "the previous file must be intact");
        CollectionAssert.AreEqual(new[] { "out.nt" }, Directory.GetFiles(_mount).Select(Path.GetFileName).ToArray(), "no temporary file is left behind");
    }

    [TestMethod]
    public void AFullDiskWhileSavingAQueryResultLeavesThePreviousFileIntact()
    {
        _mount = MountSmallDisk(Path.Combine(Dir, "small-disk"), "64k");
        var target = Path.Combine(_mount, "answer.json");
        File.WriteAllText(target, "{\"previous\": true}");
        var data = new StringBuilder();
        for (var i = 0; i < 5_000; i++) data.Append("<http://example.org/s").Append(i).Append("> <http://example.org/p> \"value ").Append(i).Append("\" .\n");
        var input = WriteFile("data.nt", data.ToString());

        var (code, _, err) = RunKg("", false, "query", "--data", input, "-e", "SELECT * { ?s ?p ?o }", "--results", "json", "--out", target);

        Assert.AreEqual(1, code, err);
        Assert.IsFalse(err.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + err);
        Assert.AreEqual("{\"previous\": true}", File.ReadAllText(target));
        Assert.HasCount(1, Directory.GetFiles(_mount), "no temporary file is left behind");
    }

    private static string MountSmallDisk(string path, string size)
    {
        Directory.CreateDirectory(path);
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal))
            Assert.Fail("the full-disk test mounts a small tmpfs and needs root (CI runs as root); run the tests as root");
        var (code, err) = Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path);
        if (code != 0) Assert.Fail($"could not mount a {size} tmpfs at {path} for the full-disk test (mount exit {code}: {err}); it needs root and CAP_SYS_ADMIN");
        return path;
    }

    private static (int Code, string Err) Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + program);
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err.Trim());
    }
}
