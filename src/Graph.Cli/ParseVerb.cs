using System.Diagnostics;
using System.Text;
using Graph.Formats;
using Graph.Formats.JsonLd;
using Graph.Rdf;

namespace Graph.Cli;

/// <summary>`kg parse`: reads one RDF document and writes it in another syntax (the conformance harness drives this).</summary>
public sealed class ParseVerb : IVerb
{
    public string Name => "parse";

    public string Summary => "parse an RDF file (N-Triples, N-Quads, Turtle, TriG, JSON-LD, RDF/XML) and write it out, e.g. as N-Triples";

    public string Help => """
        Usage: kg parse FILE|- [--format turtle|ntriples|nquads|trig|jsonld|rdfxml] [--base IRI] [--to ntriples|nquads|turtle|trig|jsonld|rdfxml] [--context FILE] [--out FILE]

        Parses FILE (or standard input for '-') and writes its statements.
          --format F   input syntax; by default from the extension (.nt .nq .ttl .trig .jsonld .rdf .owl .xml); required for '-'
          --base IRI   base IRI for relative IRIs (without one, a relative IRI is an error unless the document sets @base)
          --to F       output syntax; default N-Quads when the input syntax has named graphs, else N-Triples
          --context F  with --to jsonld: compact with this JSON-LD context (e.g. ontology/context.jsonld)
          --out FILE   write there (atomically: no partial file on error) instead of standard output

        N-Triples and N-Quads output is canonical and streamed; Turtle and TriG output is sorted and grouped.
        Remote JSON-LD contexts are never fetched: only local files are read.
        Blank node labels are kept as written. Exit: 0 success, 1 bad input (FILE:LINE:COL: message), 2 usage error.
        """;

    public int Run(string[] args, CliContext context)
    {
        var a = new ArgReader(args, ["--format", "--base", "--to", "--out", "--context"], []);
        if (a.Positionals.Count != 1) throw new UsageException(a.Positionals.Count == 0 ? "give a FILE to parse, or - for standard input" : "give exactly one FILE");
        var file = a.Positionals[0];
        var stdin = file == "-";

        RdfFormatInfo input;
        var formatName = a.Value("--format");
        if (formatName is not null)
            input = ReadableFormat(formatName) ?? throw new UsageException($"unknown --format '{formatName}' (turtle, ntriples, nquads, trig, jsonld, rdfxml)");
        else if (stdin)
            throw new UsageException("reading standard input needs --format");
        else
            input = RdfFormats.FromPath(file) is { Reader: not null } f ? f : throw new UsageException($"cannot tell the syntax of '{file}' from its extension: give --format");

        var baseIri = a.Value("--base");
        if (baseIri is not null && !Iri.IsAbsolute(baseIri)) throw new UsageException($"--base must be an absolute IRI, not '{baseIri}'");

        var toName = a.Value("--to");
        RdfFormatInfo output;
        if (toName is not null)
            output = WritableFormat(toName) ?? throw new UsageException($"unknown --to '{toName}' (ntriples, nquads, turtle, trig, jsonld, rdfxml)");
        else
            output = RdfFormats.Get(input.HasNamedGraphs ? RdfFormat.NQuads : RdfFormat.NTriples);

        var contextPath = a.Value("--context");
        if (contextPath is not null && output.Format != RdfFormat.JsonLd) throw new UsageException("--context goes with --to jsonld");
        if (contextPath is not null && !File.Exists(contextPath)) throw new CliFailure($"{contextPath}: no such file");

        var outPath = a.Value("--out");
        if (!stdin && !File.Exists(file)) throw new CliFailure($"{file}: no such file");

        var sw = Stopwatch.StartNew();
        var options = new RdfReadOptions(file, baseIri, PreserveBlankNodeLabels: true);
        if (outPath is null)
        {
            Convert(input, output, options, stdin ? context.InStream : null, file, contextPath, context.Out);
            context.Out.Flush();
        }
        else
        {
            AtomicFile.Write(outPath, stream =>
            {
                using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                Convert(input, output, options, stdin ? context.InStream : null, file, contextPath, w);
            });
        }
        if (context.Bench)
            context.Err.WriteLine("bench: seconds=" + sw.Elapsed.TotalSeconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    private static RdfFormatInfo? ReadableFormat(string name) => RdfFormats.FromName(name) is { Reader: not null } f ? f : null;

    private static RdfFormatInfo? WritableFormat(string name) => RdfFormats.FromName(name) is { Writer: not null } f ? f : null;

    private static void Convert(RdfFormatInfo input, RdfFormatInfo output, RdfReadOptions options, Stream? stdin, string file, string? contextPath, TextWriter writer)
    {
        using var source = stdin is null ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan) : null;
        var stream = source ?? stdin!;
        if (output.Format is RdfFormat.NTriples or RdfFormat.NQuads)
        {
            // Streamed: statements go straight from the reader to the writer.
            var quads = output.Format == RdfFormat.NQuads;
            var sink = new StreamingSink(new NQuadsWriter(writer, quads), quads, options.SourceName);
            input.Reader!(stream, options, sink);
            sink.Writer.Flush();
            return;
        }
        if (contextPath is null && output.Format is RdfFormat.Turtle or RdfFormat.TriG)
        {
            // The Turtle writer collects straight from the reader: no list of quads in between. Plain N-Triples from a
            // file goes from bytes to the writer's ids without term objects; the full parser takes what that cannot.
            var turtle = input.Format == RdfFormat.NTriples && stream.CanSeek ? TurtleSink.TryCollectNTriples(stream, trig: true) : null;
            if (turtle is null)
            {
                if (stream.CanSeek) stream.Position = 0;
                turtle = new TurtleSink(trig: true);
                input.Reader!(stream, options, turtle);
            }
            if (!output.HasNamedGraphs && turtle.HasNamedGraphs)
                throw new CliFailure($"{options.SourceName}: the input has named graphs, which {output.Name} cannot hold: use --to trig");
            turtle.WriteTo(writer);
            return;
        }
        var collected = new ListSink();
        input.Reader!(stream, options, collected);
        if (!output.HasNamedGraphs && collected.Quads.Any(q => q.Graph is not null))
            throw new CliFailure($"{options.SourceName}: the input has named graphs, which {output.Name} cannot hold: use --to {(output.Format == RdfFormat.Turtle ? "trig" : "nquads")}");
        if (contextPath is not null)
            JsonLdWriter.Write(collected.Quads, writer, collected.Prefixes, JsonLdWriter.LoadContext(contextPath));
        else
            output.Writer!(collected.Quads, collected.Prefixes, writer);
    }

    private sealed class StreamingSink(NQuadsWriter writer, bool quads, string? source) : IRdfSink
    {
        public NQuadsWriter Writer => writer;

        public void Quad(in Quad quad)
        {
            if (!quads && quad.Graph is not null)
                throw new CliFailure($"{source}: the input has named graphs, which N-Triples cannot hold: use --to nquads");
            writer.Quad(quad);
        }
    }
}
