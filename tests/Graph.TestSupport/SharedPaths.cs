namespace Graph.TestSupport;

/// <summary>Where the repository and the read-only ../shared folder (W3C suites, corpora) are.</summary>
public static class SharedPaths
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root: the folder holding Graph.sln.</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>../shared beside the repository, or KG_SHARED when set. Fails loudly when missing: a suite that cannot find its data must not pass.</summary>
    public static string Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("KG_SHARED");
            var dir = string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")) : Path.GetFullPath(env);
            if (!Directory.Exists(dir))
                throw new InvalidOperationException($"The shared folder {dir} is missing: the W3C suites and corpora must be at ../shared beside the repository (or set KG_SHARED).");
            return dir;
        }
    }

    /// <summary>A path under ../shared that must exist.</summary>
    public static string InShared(params string[] parts)
    {
        var p = Path.Combine([Shared, .. parts]);
        if (!File.Exists(p) && !Directory.Exists(p))
            throw new InvalidOperationException($"Expected {p} in the shared folder; it is missing.");
        return p;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Graph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
    }
}
