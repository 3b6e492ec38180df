using System.Text;

namespace Graph.Cli.Tests;

/// <summary>Runs `kg` in-process over memory streams, with a temporary folder per test.</summary>
public abstract class CliTestBase
{
    protected string Dir { get; private set; } = "";

    [TestInitialize]
    public void CreateFolder() => Dir = Directory.CreateTempSubdirectory("kg-cli-tests-").FullName;

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(Dir, recursive: true);

    protected string WriteFile(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    /// <summary>`kg ARGS` with <paramref name="stdin"/> as standard input; KG_BENCH=1 when <paramref name="bench"/>.</summary>
    protected static (int Code, string Out, string Err) RunKg(string stdin, bool bench, params string[] args)
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var output = new MemoryStream();
        var outWriter = new StreamWriter(output, new UTF8Encoding(false));
        var err = new StringWriter();
        var ctx = new CliContext(new StreamReader(input), input, outWriter, output, err) { Bench = bench };
        var code = Program.Run(args, ctx);
        outWriter.Flush();
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }
}
