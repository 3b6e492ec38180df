using Graph.Fuzz;
using SharpFuzz;

// Graph.Fuzz TARGET             run under afl-fuzz (SharpFuzz's fork server protocol on the AFL pipes)
// Graph.Fuzz replay TARGET F... run files (or every file of folders) without AFL: triage and reproducing crashes
// Graph.Fuzz list               the target names
if (args.Length == 1 && args[0] == "list")
{
    foreach (var name in Targets.All.Keys) Console.WriteLine(name);
    return 0;
}
if (args.Length >= 3 && args[0] == "replay")
    return Replay(Lookup(args[1]), args[2..]);
if (args.Length == 1)
{
    var action = Lookup(args[0]);
    WarmUp(args[0]);
    // Out of process: a stack overflow or a fail-fast kills only the child that ran the input, and SharpFuzz
    // reports it to AFL++ as a crash instead of taking the fork server (and the whole run) down with it.
    Fuzzer.OutOfProcess.Run(action);
    return 0;
}
Console.Error.WriteLine("usage: Graph.Fuzz TARGET | replay TARGET FILE|DIR... | list");
return 2;

// Loading what a target needs (the gazetteer) runs instrumented code, which writes to AFL's coverage map; before
// SharpFuzz attaches the real map, point it at a scratch buffer so the load neither crashes nor counts as coverage.
static unsafe void WarmUp(string target)
{
    var scratch = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 17);
    SharpFuzz.Common.Trace.SharedMem = scratch;
    Targets.Warm(target);
}

static Action<Stream> Lookup(string name)
{
    if (Targets.All.TryGetValue(name, out var a) || SelfTest.All.TryGetValue(name, out a)) return a;
    Console.Error.WriteLine($"unknown target '{name}'; targets: {string.Join(", ", Targets.All.Keys)}");
    Environment.Exit(2);
    return null!;
}

static int Replay(Action<Stream> action, string[] paths)
{
    var files = paths.SelectMany<string, string>(p => Directory.Exists(p)
        ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        : [p]).ToList();
    var crashes = 0;
    foreach (var f in files)
    {
        try
        {
            using var s = File.OpenRead(f);
            action(s);
        }
        catch (Exception e)
        {
            crashes++;
            Console.WriteLine($"CRASH {f}: {e.GetType().FullName}: {e.Message}");
            Console.WriteLine(e.StackTrace);
        }
    }
    Console.WriteLine($"{files.Count} inputs, {crashes} crashes");
    return crashes == 0 ? 0 : 1;
}
