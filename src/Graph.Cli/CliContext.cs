namespace Graph.Cli;

/// <summary>The process's streams, so verbs can be run in-process by tests.</summary>
public sealed class CliContext
{
    public CliContext(TextReader stdin, Stream stdinStream, TextWriter stdout, Stream stdoutStream, TextWriter stderr)
    {
        In = stdin;
        InStream = stdinStream;
        Out = stdout;
        OutStream = stdoutStream;
        Err = stderr;
    }

    public TextReader In { get; }
    public Stream InStream { get; }
    public TextWriter Out { get; }
    public Stream OutStream { get; }
    public TextWriter Err { get; }

    /// <summary>True when stdout is a terminal (for table output and progress bars).</summary>
    public bool OutIsTerminal { get; init; }

    public bool ErrIsTerminal { get; init; }

    /// <summary>True when KG_BENCH=1: verbs print `bench: seconds=...` on stderr.</summary>
    public bool Bench { get; init; }

    public static CliContext ForConsole()
    {
        var stdout = Console.OpenStandardOutput();
        var outWriter = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var errWriter = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stdin = Console.OpenStandardInput();
        return new CliContext(new StreamReader(stdin, new System.Text.UTF8Encoding(false, true)), stdin, outWriter, stdout, errWriter)
        {
            OutIsTerminal = !Console.IsOutputRedirected,
            ErrIsTerminal = !Console.IsErrorRedirected,
            Bench = Environment.GetEnvironmentVariable("KG_BENCH") == "1",
        };
    }
}
