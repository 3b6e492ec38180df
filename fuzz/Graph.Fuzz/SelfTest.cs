namespace Graph.Fuzz;

/// <summary>
/// Targets that fail on purpose when the input starts with "!": `fuzz/run.sh --selftest` runs them to show that
/// the pipeline really reports an exception, a stack overflow and a hang, so a zero in the results is earned.
/// </summary>
internal static class SelfTest
{
    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["selftest-exception"] = s => { if (Bang(s)) throw new InvalidOperationException("self-test crash"); },
        ["selftest-stackoverflow"] = s => { if (Bang(s)) Recurse(0); },
        ["selftest-hang"] = s => { if (Bang(s)) Thread.Sleep(Timeout.Infinite); },
    };

    // The input goes through the (instrumented) N-Triples reader first: AFL++ refuses a target that shows no coverage.
    private static bool Bang(Stream s)
    {
        var copy = new MemoryStream();
        s.CopyTo(copy);
        copy.Position = 0;
        Targets.All["ntriples"](copy);
        return copy.Length > 0 && copy.GetBuffer()[0] == '!';
    }

    private static int Recurse(int depth) => depth < 0 ? depth : Recurse(depth + 1) + 1;
}
