namespace Graph.Cli;

/// <summary>A tiny option parser: `--name value`, `--name=value`, flags, and positionals, in any order.</summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="valued">Options that take a value (e.g. "--out").</param>
    /// <param name="flags">Options without a value (e.g. "--explain").</param>
    public ArgReader(string[] args, IEnumerable<string> valued, IEnumerable<string> flags)
    {
        var valuedSet = new HashSet<string>(valued, StringComparer.Ordinal);
        var flagSet = new HashSet<string>(flags, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                Positionals.AddRange(args[(i + 1)..]);
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a.Length == 2 && a != "-"))
            {
                string name = a, value = "";
                var eq = a.IndexOf('=');
                var hasInline = eq > 0 && a.StartsWith("--", StringComparison.Ordinal);
                if (hasInline) { name = a[..eq]; value = a[(eq + 1)..]; }
                if (valuedSet.Contains(name))
                {
                    if (!hasInline)
                    {
                        if (i + 1 >= args.Length) throw new UsageException($"option {name} needs a value");
                        value = args[++i];
                    }
                    if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
                    list.Add(value);
                }
                else if (flagSet.Contains(name) && !hasInline) _flags.Add(name);
                else throw new UsageException($"unknown option {a}");
            }
            else Positionals.Add(a);
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name)
    {
        if (!_options.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw new UsageException($"option {name} given more than once");
        return list[0];
    }

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var list) ? list : [];
}
