namespace Graph.Cli;

/// <summary>One `kg VERB`. Verbs are found by reflection, so adding one is adding a file.</summary>
public interface IVerb
{
    /// <summary>The word after `kg`.</summary>
    string Name { get; }

    /// <summary>One line for `kg --help`.</summary>
    string Summary { get; }

    /// <summary>The full text of `kg VERB --help`.</summary>
    string Help { get; }

    /// <summary>Runs the verb. Returns the exit code: 0 success, 1 bad input, 2 usage error.</summary>
    int Run(string[] args, CliContext context);
}

/// <summary>A mistake in how the command was called: printed with the usage, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A failure the user can act on (a missing file, bad input): printed as is, exit 1.</summary>
public sealed class CliFailure(string message) : Exception(message);
