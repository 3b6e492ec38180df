using System.Globalization;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Graph.TestSupport;

/// <summary>
/// Runs a CsCheck generator against a property with a seed we choose, so CI sees the same inputs on every run.
/// CsCheck's own <c>Sample</c> only fixes the first iteration's seed and spreads the rest over threads, which would
/// make a red CI run impossible to reproduce; here iteration i draws from PCG stream i of one seed, on one thread.
/// </summary>
/// <remarks>
/// KG_PROPERTY_ITER=N multiplies every property's iteration count by N (a long run);
/// KG_PROPERTY_SEED=S fixes the seed (a decimal number), or "random" picks one and prints it.
/// A failure names the seed and the iteration, and shows the failing input.
/// </remarks>
public static class PropertyRuns
{
    public const string IterationsVariable = "KG_PROPERTY_ITER";
    public const string SeedVariable = "KG_PROPERTY_SEED";
    public const ulong CiSeed = 20_261_129;

    private static readonly Lazy<ulong> s_seed = new(ChooseSeed);

    public static ulong Seed => s_seed.Value;

    public static int Multiplier
    {
        get
        {
            var v = Environment.GetEnvironmentVariable(IterationsVariable);
            if (string.IsNullOrEmpty(v)) return 1;
            return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InvalidOperationException($"{IterationsVariable} must be a positive whole number, not '{v}'");
        }
    }

    /// <summary>Checks <paramref name="property"/> on <paramref name="ciIterations"/> × multiplier inputs; returns how many ran.</summary>
    public static int Check<T>(Gen<T> gen, Action<T> property, int ciIterations, Func<T, string>? print = null)
    {
        var n = ciIterations * Multiplier;
        for (var i = 0; i < n; i++)
        {
            var pcg = new PCG((uint)i, Seed);
            var input = gen.Generate(pcg, null, out _);
            try
            {
                property(input);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var shown = print is null ? input?.ToString() ?? "null" : print(input);
                throw new AssertFailedException(
                    $"property failed at iteration {i} of {n} (reproduce with {SeedVariable}={Seed}): {e.GetType().Name}: {e.Message}\ninput:\n{shown}", e);
            }
        }
        return n;
    }

    private static ulong ChooseSeed()
    {
        var v = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrEmpty(v)) return CiSeed;
        if (v.Equals("random", StringComparison.OrdinalIgnoreCase))
        {
            var s = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
            Console.WriteLine($"{SeedVariable}={s}");
            return s;
        }
        return ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable} must be a decimal number or 'random', not '{v}'");
    }
}
