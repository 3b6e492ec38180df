using System.Diagnostics;
using System.Text;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Sparql.Remote;

/// <summary>How far an upload is.</summary>
public readonly record struct UploadProgress(long Sent, long Total, int Batches, TimeSpan Elapsed)
{
    public double TriplesPerSecond => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;
}

/// <summary>What an upload did.</summary>
public sealed record UploadSummary(long Triples, int Batches, int Retries, TimeSpan Elapsed, bool Replaced);

/// <summary>How to upload one file.</summary>
public sealed record UploadOptions
{
    /// <summary>Triples per request. Virtuoso 7.2.5 deadlocks on single uploads much above 100k new triples.</summary>
    public int BatchSize { get; init; } = 100_000;

    /// <summary>Delete the graph first, so it ends holding exactly the file (GSP PUT semantics, in batches).</summary>
    public bool Replace { get; init; }

    /// <summary>Rewrite blank nodes as IRIs under the graph's .well-known/genid/ so they keep their identity across batches.</summary>
    public bool Skolemize { get; init; }

    /// <summary>The syntax; null takes it from the file extension.</summary>
    public RdfFormat? Format { get; init; }

    public string? BaseIri { get; init; }
}

/// <summary>
/// Pushes a file into one graph of a store through the Graph Store Protocol, in batches of bounded size. The whole
/// file is parsed before anything is sent, so bad input is reported with its position and the remote graph is left
/// as it was.
/// </summary>
public sealed class GraphUploader(GraphStoreClient client)
{
    public UploadSummary Push(string path, string graph, UploadOptions options, Action<UploadProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "the batch size must be at least 1");
        var format = options.Format ?? RdfFormats.FromPath(path)?.Format
            ?? throw new RdfParseException("cannot tell the syntax from the file extension (use .nt, .ttl, .nq or .trig, or give the format)", path, 0, 0);

        // Pass 1: the whole file must parse, fit one graph and be expressible to the store before the first request.
        var check = new CheckSink(path);
        RdfReader.Parse(path, format, options.BaseIri, check);
        var batches = (int)((check.Count + options.BatchSize - 1) / options.BatchSize);
        if (check.HasBlankNodes && batches > 1 && !options.Skolemize)
            throw new RdfParseException($"the file has blank nodes and needs {batches} requests of {options.BatchSize} triples: a blank node "
                + "would become a different node in each request. Use a batch size of at least " + check.Count
                + " or --skolemize (blank nodes become IRIs under " + SkolemPrefix(graph) + ")", path, 0, 0);

        var clock = Stopwatch.StartNew();
        if (options.Replace) client.Delete(graph, cancellation);

        // Pass 2: stream the file again, a batch at a time.
        var send = new BatchSink(client, graph, options.BatchSize, options.Skolemize ? SkolemPrefix(graph) : null, check.Count, clock, progress, cancellation);
        using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            RdfReader.Parse(input, format, new RdfReadOptions(path, options.BaseIri, PreserveBlankNodeLabels: true), send);
        send.Flush();
        return new UploadSummary(send.Sent, send.Batches, client.Retries, clock.Elapsed, options.Replace);
    }

    /// <summary>RDF 1.1 §3.5 skolem IRIs: a /.well-known/genid/ path under the graph's authority when it has one.</summary>
    public static string SkolemPrefix(string graph) =>
        Uri.TryCreate(graph, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.GetLeftPart(UriPartial.Authority) + "/.well-known/genid/kg-" + ShortHash(graph) + "-"
            : "urn:kg:genid:" + ShortHash(graph) + ":";

    private static string ShortHash(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];

    private sealed class CheckSink(string path) : IRdfSink
    {
        public long Count { get; private set; }
        public bool HasBlankNodes { get; private set; }

        public void Quad(in Quad quad)
        {
            if (quad.Graph is not null)
                throw new RdfParseException("the file holds a named graph (" + quad.Graph + "); kg push writes one graph: give a triples file", path, 0, 0);
            if (quad.Subject is TripleNode || quad.Object is TripleNode)
                throw new RdfParseException("triple terms (RDF 1.2) cannot be sent to a SPARQL 1.1 store: " + quad.Triple, path, 0, 0);
            if (quad.Subject is BlankNode || quad.Object is BlankNode) HasBlankNodes = true;
            Count++;
        }
    }

    private sealed class BatchSink(GraphStoreClient client, string graph, int batchSize, string? skolem, long total, Stopwatch clock,
        Action<UploadProgress>? progress, CancellationToken cancellation) : IRdfSink
    {
        private readonly StringBuilder _sb = new();
        private int _inBatch;

        public long Sent { get; private set; }
        public int Batches { get; private set; }

        public void Quad(in Quad quad)
        {
            Append(quad.Subject);
            _sb.Append(' ');
            NTriplesText.AppendIri(_sb, quad.Predicate.Value);
            _sb.Append(' ');
            Append(quad.Object);
            _sb.Append(" .\n");
            if (++_inBatch >= batchSize) Flush();
        }

        private void Append(INode n)
        {
            if (n is BlankNode b && skolem is not null) NTriplesText.AppendIri(_sb, skolem + b.Label);
            else _sb.Append(n.ToString());
        }

        public void Flush()
        {
            if (_inBatch == 0) return;
            cancellation.ThrowIfCancellationRequested();
            try
            {
                client.Post(graph, _sb.ToString(), cancellation);
            }
            catch (RemoteEndpointException e)
            {
                var stored = Sent == 0
                    ? "before any triple was stored"
                    : $"after {Sent} of {total} triples were stored (the graph now holds a partial upload; rerun with --replace)";
                throw new RemoteEndpointException(e.Endpoint, $"batch {Batches + 1} failed {stored}: " + e.Message, null, null, e);
            }
            Sent += _inBatch;
            Batches++;
            _inBatch = 0;
            _sb.Clear();
            progress?.Invoke(new UploadProgress(Sent, total, Batches, clock.Elapsed));
        }
    }
}
