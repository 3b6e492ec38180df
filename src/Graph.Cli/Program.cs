using System.Reflection;
using Graph.Rdf;

namespace Graph.Cli;

public static class Program
{
    public static IReadOnlyList<IVerb> Verbs { get; } = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IVerb)Activator.CreateInstance(t)!)
        .OrderBy(v => v.Name, StringComparer.Ordinal)
        .ToList();

    public static int Main(string[] args)
    {
        var ctx = CliContext.ForConsole();
        try
        {
            return Run(args, ctx);
        }
        finally
        {
            ctx.Out.Flush();
            ctx.Err.Flush();
        }
    }

    /// <summary>Runs `kg ARGS` against the given streams; never throws for user errors.</summary>
    public static int Run(string[] args, CliContext ctx)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            ctx.Out.Write(GeneralHelp());
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "--version")
        {
            ctx.Out.WriteLine("kg " + (Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? "0"));
            return 0;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            ctx.Err.WriteLine($"kg: unknown verb '{args[0]}'. Run 'kg --help' for the list.");
            return 2;
        }
        var rest = args[1..];
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            ctx.Out.Write(verb.Help.TrimEnd() + Environment.NewLine);
            return 0;
        }
        try
        {
            return verb.Run(rest, ctx);
        }
        catch (UsageException e)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: {e.Message}");
            ctx.Err.WriteLine($"Run 'kg {verb.Name} --help' for usage.");
            return 2;
        }
        catch (RdfParseException e)
        {
            ctx.Err.WriteLine(e.Describe());
            return 1;
        }
        catch (CliFailure e)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: cancelled or timed out");
            return 1;
        }
        catch (InsufficientExecutionStackException)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: input nested too deeply");
            return 1;
        }
        catch (OutOfMemoryException)
        {
            ctx.Err.WriteLine($"kg {verb.Name}: out of memory");
            return 1;
        }
    }

    private static string GeneralHelp()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("kg — a knowledge-graph toolkit: RDF formats, an in-memory store, SPARQL, and an Arabic news converter.");
        sb.AppendLine();
        sb.AppendLine("Usage: kg VERB [OPTIONS]   (kg VERB --help for a verb's options)");
        sb.AppendLine();
        sb.AppendLine("Verbs:");
        var width = Verbs.Count == 0 ? 0 : Verbs.Max(v => v.Name.Length);
        foreach (var v in Verbs)
            sb.Append("  ").Append(v.Name.PadRight(width + 2)).AppendLine(v.Summary);
        sb.AppendLine();
        sb.AppendLine("Exit codes: 0 success, 1 bad input (FILE:LINE:COL: message on stderr), 2 usage error.");
        return sb.ToString();
    }
}
