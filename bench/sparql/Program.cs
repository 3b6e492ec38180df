using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Formats;
using Graph.Rdf;
using Graph.Sparql;
using Graph.Sparql.Evaluation;
using Graph.Sparql.Results;
using Graph.Sparql.Syntax;
using Graph.Store;

// Loads one data file once, then times each query (parse + evaluate + write JSON or N-Triples, as `kg query` with
// KG_BENCH=1 measures it) several times. Usage:
//   dotnet run -c Release --project bench/sparql -- DATA.nt [--reps N] [--explain] [--no-optimise] QUERY.rq...
var reps = 5;
var explain = false;
var optimise = true;
var data = (string?)null;
var queries = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--reps": reps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--explain": explain = true; break;
        case "--no-optimise": optimise = false; break;
        default:
            if (data is null) data = args[i];
            else queries.Add(args[i]);
            break;
    }
}
if (data is null || queries.Count == 0)
{
    Console.Error.WriteLine("usage: SparqlBench DATA.nt [--reps N] [--explain] [--no-optimise] QUERY.rq...");
    return 2;
}
var load = Stopwatch.StartNew();
var store = new QuadStore();
DatasetFiles.LoadDefault(store, data);
var snapshot = store.Snapshot();
Console.WriteLine($"loaded {snapshot.QuadCount} quads in {load.Elapsed.TotalSeconds:0.00} s");
// Under `perf record --control fifo:CTL -D -1`, PERF_CTL=CTL starts sampling only once the data is loaded.
if (Environment.GetEnvironmentVariable("PERF_CTL") is { } ctl) File.WriteAllText(ctl, "enable\n");
double geo = 0;
foreach (var qf in queries)
{
    var text = File.ReadAllText(qf);
    var times = new List<double>();
    var cpus = new List<double>();
    long rows = 0;
    string? plan = null;
    for (var r = 0; r < reps; r++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var query = QueryParser.Parse(text, qf, DatasetFiles.FileUrl(qf));
        var parsed = sw.Elapsed.TotalMilliseconds;
        var result = QueryEngine.Execute(query, snapshot, new QueryOptions { Optimise = optimise, CountRows = explain });
        var planned = sw.Elapsed.TotalMilliseconds;
        var sink = new CountingStream();
        if (result.Form is Graph.Sparql.Algebra.QueryForm.Select)
            ResultsFormats.Get("json").WriteSolutions(sink, result.Variables, result.Rows);
        else if (result.Form is Graph.Sparql.Algebra.QueryForm.Ask)
            ResultsFormats.Get("json").WriteBoolean(sink, result.Boolean);
        else
        {
            using var tw = new StreamWriter(sink, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            RdfFormats.Get(RdfFormat.NTriples).Writer!(result.Triples.Select(t => new Quad(t)), new Dictionary<string, string>(), tw);
            tw.Flush();
        }
        times.Add(sw.Elapsed.TotalMilliseconds);
        cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds);
        rows = sink.Lines;
        if (explain && r == reps - 1) plan = result.Explain();
        if (r == 0 && Environment.GetEnvironmentVariable("PHASES") == "1")
            Console.WriteLine($"  first run: parse {parsed:0.0} ms, plan {planned - parsed:0.0} ms, evaluate+write {times[0] - planned:0.0} ms");
    }
    var first = times[0];
    var firstCpu = cpus[0];
    cpus.Sort();
    times.Sort();
    geo += Math.Log(times[0]);
    Console.WriteLine($"{Path.GetFileNameWithoutExtension(qf),-24} first {first,7:0.0} ms (cpu {firstCpu,6:0}) best {times[0],7:0.0} ms (cpu {cpus[0],6:0})  median {times[times.Count / 2],7:0.0} ms  lines {rows}");
    if (plan is not null) Console.Write(plan);
}
Console.WriteLine($"geomean best {Math.Exp(geo / queries.Count):0.0} ms");
return 0;

/// <summary>Discards what is written, counting newlines (a rough row count).</summary>
sealed class CountingStream : Stream
{
    public long Lines;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => 0;
    public override long Position { get; set; }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) { }
    public override void Write(byte[] buffer, int offset, int count) => Lines += buffer.AsSpan(offset, count).Count((byte)'\n');
    public override void Write(ReadOnlySpan<byte> buffer) => Lines += buffer.Count((byte)'\n');
}
