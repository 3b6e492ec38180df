// Load benchmark client for `kg serve` (a .NET file-based program: `dotnet run LoadBench.cs -- ARGS`).
// N concurrent clients send the given SPARQL queries round robin for a fixed time over loopback, and the
// report gives requests/s, latency percentiles and errors. Not a test: run it through bench/server/run.sh.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

var endpoint = "";
var clients = 32;
var seconds = 30.0;
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--endpoint": endpoint = args[++i]; break;
        case "--clients": clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: files.Add(args[i]); break;
    }
}
if (endpoint.Length == 0 || files.Count == 0)
{
    Console.Error.WriteLine("usage: LoadBench.cs --endpoint URL [--clients 32] [--seconds 30] QUERY.rq...");
    return 2;
}
var queries = files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToArray();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(120),
};

// One warm-up pass: the first run of each query pays for JIT, not for serving.
foreach (var q in queries) await Send(q.Text);

var samples = new ConcurrentBag<(string Query, double Ms, int Status)>();
var clock = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds);
var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
{
    for (var k = c; clock.Elapsed < deadline; k++)
    {
        var q = queries[k % queries.Length];
        var start = clock.Elapsed;
        var status = await Send(q.Text);
        samples.Add((q.Name, (clock.Elapsed - start).TotalMilliseconds, status));
    }
})).ToArray();
await Task.WhenAll(workers);
var elapsed = clock.Elapsed.TotalSeconds;

var all = samples.ToArray();
var errors = all.Where(s => s.Status != 200).GroupBy(s => s.Status).OrderBy(g => g.Key).ToList();
double Pct(IEnumerable<double> xs, double p)
{
    var a = xs.Order().ToArray();
    return a.Length == 0 ? double.NaN : a[Math.Min(a.Length - 1, (int)Math.Ceiling(p * a.Length) - 1)];
}
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"clients\t{clients}");
Console.WriteLine($"seconds\t{elapsed.ToString("0.0", inv)}");
Console.WriteLine($"requests\t{all.Length}");
Console.WriteLine($"requests_per_second\t{(all.Length / elapsed).ToString("0.0", inv)}");
Console.WriteLine($"p50_ms\t{Pct(all.Select(s => s.Ms), 0.50).ToString("0.0", inv)}");
Console.WriteLine($"p99_ms\t{Pct(all.Select(s => s.Ms), 0.99).ToString("0.0", inv)}");
Console.WriteLine($"errors\t{all.Count(s => s.Status != 200)}" + (errors.Count == 0 ? "" : "\t(" + string.Join(", ", errors.Select(g => $"{g.Key}: {g.Count()}")) + ")"));
Console.WriteLine();
Console.WriteLine("query\trequests\tp50_ms\tp99_ms\terrors");
foreach (var g in all.GroupBy(s => s.Query).OrderBy(g => g.Key, StringComparer.Ordinal))
    Console.WriteLine($"{g.Key}\t{g.Count()}\t{Pct(g.Select(s => s.Ms), 0.5).ToString("0.0", inv)}\t{Pct(g.Select(s => s.Ms), 0.99).ToString("0.0", inv)}\t{g.Count(s => s.Status != 200)}");
return all.Any(s => s.Status != 200) ? 1 : 0;

async Task<int> Send(string query)
{
    try
    {
        using var body = new FormUrlEncodedContent([new("query", query)]);
        using var req = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = body };
        req.Headers.Accept.ParseAdd("application/sparql-results+json, application/n-triples;q=0.9");
        using var res = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
        await res.Content.CopyToAsync(Stream.Null);
        return (int)res.StatusCode;
    }
    catch (HttpRequestException)
    {
        return 0;
    }
    catch (TaskCanceledException)
    {
        return -1;
    }
}
