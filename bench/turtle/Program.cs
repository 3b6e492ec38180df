using System.Diagnostics;
using Graph.Formats;
using Graph.Rdf;

// Times, for one N-Triples file, in-process and over several rounds: the full parser alone, the full parser into the
// Turtle collector, the N-Triples shortcut into it, and writing; with the bytes allocated and collections per phase.
// Usage: dotnet run -c Release --project bench/turtle -- FILE.nt [--rounds N]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: TurtleBench FILE.nt [--rounds N]");
    return 2;
}
var file = args[0];
var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;

for (var r = 1; r <= rounds; r++)
{
    var counter = new CountingSink();
    var parse = Phase(() => RdfReader.Parse(file, RdfFormat.NTriples, null, counter));
    var sink = new TurtleSink(trig: false);
    var collect = Phase(() => RdfReader.Parse(file, RdfFormat.NTriples, null, sink));
    var write = Phase(() => sink.WriteTo(Stream.Null));
    TurtleSink? fast = null;
    var scan = Phase(() =>
    {
        using var fs = File.OpenRead(file);
        fast = TurtleSink.TryCollectNTriples(fs, trig: false) ?? throw new InvalidOperationException($"{file} needs the full parser");
    });
    var write2 = Phase(() => fast!.WriteTo(Stream.Null));
    Console.WriteLine($"round {r}, {counter.Count} triples: parse alone {parse}; parse + collect {collect}; write {write}; shortcut {scan}; write {write2}");
}
return 0;

static string Phase(Action action)
{
    GC.Collect();
    var gcs = GC.CollectionCount(0);
    var bytes = GC.GetTotalAllocatedBytes(precise: true);
    var sw = Stopwatch.StartNew();
    action();
    var s = sw.Elapsed.TotalSeconds;
    return FormattableString.Invariant($"{s:F3} s ({(GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6:F0} MB, {GC.CollectionCount(0) - gcs} GCs)");
}

internal sealed class CountingSink : IRdfSink
{
    public long Count;

    public void Quad(in Quad quad) => Count++;
}
