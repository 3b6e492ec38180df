using System.Diagnostics;
using System.Globalization;
using Graph.Rdf;
using Graph.Store;
using Graph.Formats;

// Measures Graph.Store on N-Triples files: parse alone, parse + intern, index build, memory, pattern speed, commits.
// Usage: dotnet run -c Release --project bench/store -- [--skip-parse-only] [--skip-queries] FILE...
var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var skipParseOnly = args.Contains("--skip-parse-only");
var skipQueries = args.Contains("--skip-queries");
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: StoreBench [--skip-parse-only] [--skip-queries] FILE.nt...");
    return 2;
}

static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

static long ProcStatus(string field)
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith(field + ":", StringComparison.Ordinal))
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    return 0;
}

if (!skipParseOnly)
{
    var counter = new CountingSink();
    var sw0 = Stopwatch.StartNew();
    var c0 = Cpu();
    foreach (var f in files) RdfReader.Parse(f, null, null, counter);
    Console.WriteLine($"parse only (Graph.Formats reader): {counter.Count} triples in {F(sw0.Elapsed.TotalSeconds)} s, CPU {F(Cpu() - c0)} s");
    GC.Collect();
}

var store = new QuadStore();
var total = Stopwatch.StartNew();
var cpu0 = Cpu();
var loader = store.BeginLoad();
foreach (var f in files) RdfReader.Parse(f, null, null, loader);
var parsed = total.Elapsed.TotalSeconds;
var cpu1 = Cpu();
var build = Stopwatch.StartNew();
var added = loader.Commit();
var buildSeconds = build.Elapsed.TotalSeconds;
var cpu2 = Cpu();
var loadSeconds = total.Elapsed.TotalSeconds;
var peakDuringLoad = ProcStatus("VmHWM");
Console.WriteLine($"parse + intern: {F(parsed)} s; index build (commit): {F(buildSeconds)} s; total load: {F(loadSeconds)} s");
Console.WriteLine($"CPU seconds (all threads): parse + intern {F(cpu1 - cpu0)}, index build {F(cpu2 - cpu1)}");
Console.WriteLine($"quads: {added}, terms: {store.Terms.Count}, dictionary: {Mb(store.Terms.ApproximateBytes)}");
Console.WriteLine($"RSS after load: {Mb(ProcStatus("VmRSS"))}, peak RSS: {Mb(peakDuringLoad)}, managed heap: {Mb(GC.GetTotalMemory(false))}");
GC.Collect(2, GCCollectionMode.Forced, true, true);
Console.WriteLine($"after full GC: RSS {Mb(ProcStatus("VmRSS"))}, managed heap {Mb(GC.GetTotalMemory(true))}");

if (skipQueries) return 0;
var snapshot = store.Snapshot();
var sample = snapshot.Match(0, 0, 0, 0).Where((_, i) => i % 9973 == 0).ToList();
var random = new Random(1);
var sw = Stopwatch.StartNew();
long sink = 0;
const int Ops = 200_000;
for (var i = 0; i < Ops; i++)
{
    var q = sample[random.Next(sample.Count)];
    var mask = i & 15;
    sink += snapshot.Count((mask & 1) != 0 ? q.S : 0, (mask & 2) != 0 ? q.P : 0, (mask & 4) != 0 ? q.O : 0, (mask & 8) != 0 ? q.G : 0);
}
Console.WriteLine($"Count over all 16 pattern shapes: {F(sw.Elapsed.TotalMilliseconds * 1000 / Ops)} µs per call");
sw.Restart();
long scanned = 0;
foreach (var q in snapshot.Match(0, 0, 0, 0)) scanned += q.S & 1;
Console.WriteLine($"full scan: {F(snapshot.QuadCount / sw.Elapsed.TotalSeconds / 1e6)} M quads/s");
sw.Restart();
long matched = 0;
for (var i = 0; i < 20_000; i++)
{
    var q = sample[random.Next(sample.Count)];
    foreach (var m in snapshot.Match(q.S, 0, 0, 0)) matched++;
}
Console.WriteLine($"Match(s,?,?,?) enumerate: {F(sw.Elapsed.TotalMilliseconds * 1000 / 20_000)} µs per call ({matched / 20_000} quads avg)");
sw.Restart();
var terms = 0;
for (var i = 0; i < 200_000; i++) terms += store.Terms.GetTerm(2 + random.Next(store.Terms.Count)).Kind == NodeKind.Iri ? 1 : 0;
Console.WriteLine($"GetTerm (random ids): {F(sw.Elapsed.TotalMilliseconds * 1000 / 200_000)} µs per call");

sw.Restart();
var p = new IriNode("http://example.org/bench#p");
for (var i = 0; i < 10_000; i++)
{
    var n = i;
    store.Update(txn => txn.Add(new Quad(new IriNode("http://example.org/bench#s" + n), p, new LiteralNode("v"))));
}
Console.WriteLine($"10,000 single-quad transactions: {F(sw.Elapsed.TotalMilliseconds / 10_000)} ms each (delta commits and compactions)");
sw.Restart();
store.Compact();
Console.WriteLine($"final compaction: {F(sw.Elapsed.TotalSeconds)} s; quads now {store.QuadCount}; ignore: {sink + scanned + matched + terms}");
return 0;
