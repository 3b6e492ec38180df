using System.Globalization;
using System.Text;
using Graph.News;
using Graph.Rdf;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Cli;

/// <summary>`kg convert`: Arabic news articles about the Astana talks → RDF (facts in the default graph, with evidence).</summary>
public sealed class ConvertVerb : IVerb
{
    /// <summary>Larger inputs are not news articles; refusing them keeps memory and time bounded.</summary>
    public const int MaxArticleBytes = 8 << 20;

    public string Name => "convert";

    public string Summary => "convert Arabic news articles (text files, folders, JSON Lines) to RDF with evidence";

    public string Help => """
        Usage: kg convert FILE|DIR|CORPUS.jsonl... [--published YYYY-MM-DD] [--url URL] [--out FILE.trig|.ttl|.nq|.nt|.jsonld]
                          [--gazetteer ontology/entities.ttl]

        Extracts rounds of the Astana talks (number, dates, place, status), guarantors, participants, observers,
        designated groups, what final statements affirm/call for/condemn, and announcements, from Arabic news.
        Every fact is in the default graph; each has an ast:Evidence node pointing at the article and at NIF spans
        whose offsets count Unicode code points of the input text (text[begin:end] is the evidence).

        Inputs:
          FILE.txt       one article (UTF-8). Its id is the file name without extension.
          DIR            every *.txt below it, in name order.
          CORPUS.jsonl   one JSON object a line: {"id", "url", "published", "text"}. A malformed line is reported
                         with its line number and skipped; the others are converted.
        Options:
          --published    publication date of text-file articles (relative dates such as «اليوم» resolve against
                         it). Without it the file's modification date (UTC) is used, with a warning, and the
                         article is marked ast:datePublishedIsGuess.
          --url          the article's URL (one article only).
          --out          output file; the extension picks the syntax (.trig, .ttl, .nt, .nq, or .jsonld
                         compacted with ontology/context.jsonld; all facts are in the default graph, so the same
                         statements are valid in each). Default: stdout.
          --gazetteer    the gazetteer (default: ontology/entities.ttl found from the current folder upwards, else
                         the copy installed beside kg). Edit it to add entities or aliases; no rebuild needed.
        A closing summary (articles, rounds, facts, warnings) goes to stderr; a progress bar too when stderr is a
        terminal. Exit 0 when at least one article was converted, 1 when none could be.
        """;

    public int Run(string[] args, CliContext context)
    {
        var r = new ArgReader(args, ["--published", "--url", "--out", "--gazetteer"], []);
        if (r.Positionals.Count == 0) throw new UsageException("give at least one article file, folder or .jsonl corpus");
        DateOnly? published = null;
        if (r.Value("--published") is { } pub)
        {
            if (!DateOnly.TryParseExact(pub, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--published must be YYYY-MM-DD, not '{pub}'");
            published = d;
        }
        var url = r.Value("--url");
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) throw new UsageException($"--url must be an absolute URL, not '{url}'");
        var outPath = r.Value("--out");
        if (outPath is not null)
        {
            var outExt = Path.GetExtension(outPath).ToLowerInvariant();
            if (outExt is not (".trig" or ".ttl" or ".nt" or ".nq" or ".jsonld"))
                throw new UsageException($"--out must end in .trig, .ttl, .nt, .nq or .jsonld (got '{outExt}')");
        }
        var gazetteerPath = r.Value("--gazetteer") ?? FindGazetteer()
            ?? throw new CliFailure("ontology/entities.ttl not found (give --gazetteer PATH)");
        if (!File.Exists(gazetteerPath)) throw new CliFailure($"gazetteer {gazetteerPath} does not exist");
        var gazetteer = GazetteerLoader.Load(gazetteerPath);

        var warnings = new List<string>();
        var articles = new List<Article>();
        var readTime = System.Diagnostics.Stopwatch.StartNew();
        foreach (var input in r.Positionals) Collect(input, published, url, articles, warnings);
        readTime.Stop();
        if (url is not null && articles.Count > 1) throw new UsageException("--url applies to a single article");
        if (articles.Count == 0)
        {
            foreach (var w in warnings) context.Err.WriteLine("kg convert: " + w);
            throw new CliFailure("no article could be read");
        }
        // Ids must be unique so that articles do not merge by accident.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var id = articles[i].Id;
            if (ids.TryGetValue(id, out var count))
            {
                ids[id] = count + 1;
                var fresh = id + "-" + (count + 1).ToString(CultureInfo.InvariantCulture);
                warnings.Add($"article id '{id}' repeats; this one is '{fresh}'");
                articles[i] = new Article { Id = fresh, Text = articles[i].Text, Published = articles[i].Published, Url = articles[i].Url, PublishedIsFallback = articles[i].PublishedIsFallback };
            }
            else ids[id] = 1;
        }

        var extractor = new Extractor(gazetteer);
        var emitter = new RdfEmitter(gazetteer);
        long facts = 0, rounds = 0;
        var progress = context.ErrIsTerminal && articles.Count >= 20;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ext = outPath is null ? ".trig" : Path.GetExtension(outPath).ToLowerInvariant();
        var turtle = ext is ".trig" or ".ttl";
        // JSON-LD is one document compacted with the project's context (ontology/context.jsonld beside the gazetteer).
        var jsonLd = ext == ".jsonld" ? new List<Quad>() : null;
        // Per-phase times summed over worker threads, for bench runs (KG_BENCH=1): where the time goes.
        long extractTicks = 0, emitTicks = 0, formatTicks = 0, writeTicks = 0, extractBytes = 0, emitBytes = 0, formatBytes = 0;
        var trig = ext == ".trig";
        var nquads = ext == ".nq";

        // Articles are independent: a batch is cut into groups of consecutive articles, each group is converted
        // and serialised on some core, and the groups are written in input order. The grouping is fixed, so the
        // output is byte-identical from run to run and whatever the number of cores.
        const int GroupSize = 4, GroupsPerBatch = 64;
        (ArticleFacts[] Facts, List<Quad>? Quads, StringBuilder? Text) ConvertGroup(int from, int count)
        {
            var facts = new ArticleFacts[count];
            var all = new List<Quad>();
            for (var j = 0; j < count; j++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var f = extractor.Extract(articles[from + j]);
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                all.AddRange(emitter.Emit(f));
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                facts[j] = f;
                Interlocked.Add(ref extractBytes, a1 - a0);
                Interlocked.Add(ref emitBytes, a2 - a1);
                Interlocked.Add(ref extractTicks, t1 - t0);
                Interlocked.Add(ref emitTicks, t2 - t1);
            }
            if (jsonLd is not null) return (facts, all, null);
            var f0 = GC.GetAllocatedBytesForCurrentThread();
            var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            // A StringBuilder grows in small chunks: a group's text never becomes one large-object-heap string.
            var text = new StringBuilder();
            using (var sw1 = new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                // One Turtle/TriG document: the prefixes once (the first group), then each group's statements by subject.
                if (turtle) Graph.Formats.TurtleWriter.Write(all, Ns.Prefixes, sw1, trig: trig);
                else Graph.Formats.NQuadsWriter.Write(all, sw1, quads: nquads);
            }
            if (turtle && from > 0) text.Remove(0, PrefixEnd(text));
            Interlocked.Add(ref formatTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t3);
            Interlocked.Add(ref formatBytes, GC.GetAllocatedBytesForCurrentThread() - f0);
            return (facts, null, text);
        }

        void WriteAll(TextWriter w)
        {
            const int BatchSize = GroupSize * GroupsPerBatch;
            var groups = new (ArticleFacts[] Facts, List<Quad>? Quads, StringBuilder? Text)[GroupsPerBatch];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            for (var from = 0; from < articles.Count; from += BatchSize)
            {
                var count = Math.Min(BatchSize, articles.Count - from);
                var groupCount = (count + GroupSize - 1) / GroupSize;
                var first = from;
                void Group(int g) => groups[g] = ConvertGroup(first + g * GroupSize, Math.Min(GroupSize, count - g * GroupSize));
                if (groupCount == 1 || options.MaxDegreeOfParallelism == 1)
                    for (var g = 0; g < groupCount; g++) Group(g);
                else
                    Parallel.For(0, groupCount, options, Group);
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var g = 0; g < groupCount; g++)
                {
                    var (fs, quads, text) = groups[g];
                    groups[g] = default;
                    if (quads is not null) jsonLd!.AddRange(quads);
                    if (text is not null)
                        foreach (var chunk in text.GetChunks()) w.Write(chunk.Span);
                    for (var j = 0; j < fs.Length; j++)
                    {
                        var f = fs[j];
                        facts += f.Facts.Select(x => (x.Subject, x.Predicate, x.Object)).Distinct().Count();
                        rounds += f.RoundCount;
                        foreach (var warning in f.Warnings) warnings.Add(f.Article.Id + ": " + warning);
                    }
                }
                writeTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
                if (progress)
                {
                    var doneCount = from + count;
                    var done = doneCount * 30 / articles.Count;
                    context.Err.Write($"\r[{new string('#', done)}{new string('.', 30 - done)}] {doneCount}/{articles.Count}");
                }
            }
            if (progress) context.Err.WriteLine();
            if (jsonLd is not null)
            {
                var contextFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(gazetteerPath)) ?? ".", "context.jsonld");
                var ctx = File.Exists(contextFile) ? Graph.Formats.JsonLd.JsonLdWriter.LoadContext(contextFile) : null;
                Graph.Formats.JsonLd.JsonLdWriter.Write(jsonLd, w, Ns.Prefixes, ctx);
            }
        }
        if (outPath is null)
        {
            WriteAll(context.Out);
            context.Out.Flush();
        }
        else
        {
            AtomicFile.Write(outPath, stream =>
            {
                using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                WriteAll(w);
            });
        }
        foreach (var w in warnings) context.Err.WriteLine("kg convert: warning: " + w);
        context.Err.WriteLine($"kg convert: {articles.Count} article(s), {rounds} round(s), {facts} fact(s), {warnings.Count} warning(s)" + (outPath is null ? "" : " → " + outPath));
        if (context.Bench)
        {
            static TimeSpan T(long ticks) => System.Diagnostics.Stopwatch.GetElapsedTime(0, ticks);
            static string S(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
            context.Err.WriteLine($"bench: seconds={S(sw.Elapsed)} articles={articles.Count} read={S(readTime.Elapsed)} extract={S(T(extractTicks))} emit={S(T(emitTicks))} format={S(T(formatTicks))} write={S(T(writeTicks))} cpu={S(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime)} allocatedMB={GC.GetTotalAllocatedBytes() >> 20} (extract={extractBytes >> 20} emit={emitBytes >> 20} format={formatBytes >> 20}) gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }
        return 0;
    }

    /// <summary>Where a Turtle document's statements start: after the prefix block and the blank line that closes it (the line break is kept).</summary>
    private static int PrefixEnd(StringBuilder text)
    {
        var previous = '\0';
        var i = 0;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n' && previous == '\n') return i;
                previous = c;
                i++;
            }
        }
        return 0;
    }

    private static string? FindGazetteer()
    {
        var env = Environment.GetEnvironmentVariable("KG_GAZETTEER");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "ontology", "entities.ttl");
            if (File.Exists(p)) return p;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "ontology", "entities.ttl");
        return File.Exists(beside) ? beside : null;
    }

    private static void Collect(string input, DateOnly? published, string? url, List<Article> articles, List<string> warnings)
    {
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) warnings.Add($"{input}: no .txt files");
            foreach (var f in files) ReadText(f, published, url, articles, warnings);
            return;
        }
        if (!File.Exists(input)) throw new CliFailure($"{input}: no such file or folder");
        if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            ReadJsonLines(input, published, articles, warnings);
        else
            ReadText(input, published, url, articles, warnings);
    }

    private static void ReadText(string path, DateOnly? published, string? url, List<Article> articles, List<string> warnings)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxArticleBytes)
        {
            warnings.Add($"{path}: {info.Length / (1 << 20)} MB is too large for a news article (limit {MaxArticleBytes >> 20} MB); skipped");
            return;
        }
        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes, path, warnings);
        if (text is null) return;
        var id = Path.GetFileNameWithoutExtension(path);
        var fallback = published is null;
        if (fallback) warnings.Add($"{path}: no --published date; using the file's modification date {DateOnly.FromDateTime(info.LastWriteTimeUtc):yyyy-MM-dd} to resolve relative dates");
        articles.Add(new Article { Id = id, Text = text, Published = published ?? DateOnly.FromDateTime(info.LastWriteTimeUtc), Url = url, PublishedIsFallback = fallback });
    }

    /// <summary>Strict UTF-8 with a clear message for binary data, invalid bytes and empty files.</summary>
    private static string? Decode(byte[] bytes, string source, List<string> warnings)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            warnings.Add($"{source}: empty article; skipped");
            return null;
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            warnings.Add($"{source}: binary data (NUL byte at offset {nul}); skipped");
            return null;
        }
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            // A byte-order mark stays: offsets count code points of the text exactly as decoded.
            if (!text.Any(NormalizedText.IsArabicLetter)) warnings.Add($"{source}: no Arabic text; nothing to extract");
            return text;
        }
        catch (DecoderFallbackException e)
        {
            warnings.Add($"{source}: invalid UTF-8 at byte offset {e.Index}; skipped");
            return null;
        }
    }

    private static void ReadJsonLines(string path, DateOnly? published, List<Article> articles, List<string> warnings)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, true));
        var lineNo = 0;
        while (true)
        {
            string? line;
            try { line = reader.ReadLine(); }
            catch (DecoderFallbackException) { warnings.Add($"{path}:{lineNo + 1}: invalid UTF-8; the rest of the file is skipped"); return; }
            if (line is null) return;
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string? text = null, rawId = null, p = null, url = null;
            try
            {
                // The four fields are read straight off the token stream: no JObject per article.
                using var jr = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
                if (!jr.Read() || jr.TokenType != JsonToken.StartObject) throw new JsonReaderException("expected a JSON object");
                while (jr.Read() && jr.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)jr.Value!;
                    if (name is "text" or "id" or "published" or "url")
                    {
                        if (!jr.Read()) throw new JsonReaderException($"no value for \"{name}\"");
                        string? value = jr.TokenType switch
                        {
                            JsonToken.String => (string)jr.Value!,
                            // An article is text: a number or boolean there is a broken line, not an article.
                            JsonToken.Integer or JsonToken.Float or JsonToken.Boolean when name != "text" => Convert.ToString(jr.Value, CultureInfo.InvariantCulture),
                            JsonToken.Null => null,
                            _ => throw new JsonReaderException($"\"{name}\" must be a string"),
                        };
                        switch (name)
                        {
                            case "text": text = value; break;
                            case "id": rawId = value; break;
                            case "published": p = value; break;
                            default: url = value; break;
                        }
                    }
                    else
                    {
                        jr.Read();
                        jr.Skip();
                    }
                }
                if (jr.TokenType != JsonToken.EndObject) throw new JsonReaderException("unterminated object");
            }
            catch (JsonException e)
            {
                warnings.Add($"{path}:{lineNo}: malformed JSON ({e.Message.Split('\n')[0].TrimEnd('.')}); line skipped");
                continue;
            }
            if (string.IsNullOrWhiteSpace(text)) { warnings.Add($"{path}:{lineNo}: no \"text\"; line skipped"); continue; }
            if (Encoding.UTF8.GetByteCount(text) > MaxArticleBytes) { warnings.Add($"{path}:{lineNo}: article too large; skipped"); continue; }
            var id = rawId ?? Path.GetFileNameWithoutExtension(path) + "-" + lineNo.ToString(CultureInfo.InvariantCulture);
            DateOnly date;
            var fallback = false;
            if (p is not null && DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else if (published is { } given) date = given;
            else
            {
                date = DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
                fallback = true;
                warnings.Add($"{path}:{lineNo}: no valid \"published\"; using {date:yyyy-MM-dd}");
            }
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) { warnings.Add($"{path}:{lineNo}: \"url\" is not an absolute URL; ignored"); url = null; }
            articles.Add(new Article { Id = id, Text = text, Published = date, Url = url, PublishedIsFallback = fallback });
        }
    }
}
