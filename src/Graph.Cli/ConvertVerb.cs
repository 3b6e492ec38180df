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
        var sw = System.Diagnostics.Stopwatch.StartNew();
        // The gazetteer loads, the inputs are read and the articles converted at the same time: converting starts
        // with the first group of articles read. A gazetteer error is reported before an input error, as before.
        var gazetteerTime = TimeSpan.Zero;
        var gazetteerTask = Task.Run(() =>
        {
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            var loaded = GazetteerLoader.Load(gazetteerPath);
            gazetteerTime = System.Diagnostics.Stopwatch.GetElapsedTime(t0);
            return loaded;
        });
        var missing = r.Positionals.FirstOrDefault(input => !Directory.Exists(input) && !File.Exists(input));
        // Standard output cannot be taken back: there, everything is read (and any reading error reported) before the
        // first byte is written, as the temporary file gives for --out.
        var feed = new ArticleFeed(outPath is null ? int.MaxValue : 4096);
        var readTime = TimeSpan.Zero;
        if (missing is null)
        {
            new Thread(() =>
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    foreach (var input in r.Positionals) Collect(input, published, url, feed.Add, feed.ReadWarnings);
                    readTime = System.Diagnostics.Stopwatch.GetElapsedTime(t0) - feed.Waited;
                    feed.Complete();
                }
                catch (Exception e)
                {
                    feed.Complete(e);
                }
            }) { IsBackground = true, Name = "kg reader" }.Start();
        }
        try
        {
            var gazetteer = gazetteerTask.GetAwaiter().GetResult();
            if (missing is not null) throw new CliFailure($"{missing}: no such file or folder");
            return ConvertAll(feed, gazetteer, gazetteerPath, url, outPath, context, sw, () => readTime, gazetteerTime);
        }
        finally
        {
            feed.Cancel();
        }
    }

    private static int ConvertAll(ArticleFeed feed, Gazetteer gazetteer, string gazetteerPath, string? url, string? outPath, CliContext context,
        System.Diagnostics.Stopwatch sw, Func<TimeSpan> readTime, TimeSpan gazetteerTime)
    {
        // Nothing is written before it is known that there is something to convert (and, with --url, only one article).
        feed.WaitFor(outPath is null ? int.MaxValue : url is null ? 1 : 2);
        if (outPath is null) feed.ThrowIfFailed();
        if (url is not null && feed.Count > 1) throw new UsageException("--url applies to a single article");
        if (feed.Count == 0)
        {
            feed.ThrowIfFailed();
            foreach (var w in feed.ReadWarnings.Concat(feed.IdWarnings)) context.Err.WriteLine("kg convert: " + w);
            throw new CliFailure("no article could be read");
        }
        var warnings = new List<string>();

        var extractor = new Extractor(gazetteer);
        var emitter = new RdfEmitter(gazetteer);
        long facts = 0, rounds = 0;
        var ext = outPath is null ? ".trig" : Path.GetExtension(outPath).ToLowerInvariant();
        var turtle = ext is ".trig" or ".ttl";
        // JSON-LD is one document compacted with the project's context (ontology/context.jsonld beside the gazetteer).
        var jsonLd = ext == ".jsonld" ? new List<Quad>() : null;
        // Per-phase times summed over worker threads, for bench runs (KG_BENCH=1): where the time goes.
        long extractTicks = 0, emitTicks = 0, formatTicks = 0, writeTicks = 0, extractBytes = 0, emitBytes = 0, formatBytes = 0;
        var trig = ext == ".trig";
        var nquads = ext == ".nq";

        // Articles are independent: they are cut into groups of consecutive articles, each group is converted and
        // serialised (as UTF-8) on some core, and the groups are written in input order as they come. Each group is
        // one Turtle document whose statements are sorted, so the grouping is fixed: the output is byte-identical
        // from run to run and whatever the number of cores. The prefixes are written once, before the first group.
        const int GroupSize = 4, Window = 64, ProgressEvery = 256;
        var workers = Environment.ProcessorCount;
        var fast = new ConvertTurtle?[workers];
        var texts = new StringBuilder?[workers];
        var lists = new List<Quad>?[workers];
        var freeBuffers = new System.Collections.Concurrent.ConcurrentBag<ByteBuffer>();

        ConvertedGroup ConvertGroup(Article[] articles, int worker)
        {
            var count = articles.Length;
            var result = new ConvertedGroup { Count = count };
            // A group's statements are dropped once serialised, so each worker reuses one list (JSON-LD keeps them all).
            List<Quad> all;
            if (jsonLd is not null) all = new List<Quad>(count * 512);
            else
            {
                all = lists[worker] ??= new List<Quad>(GroupSize * 1024);
                all.Clear();
            }
            for (var j = 0; j < count; j++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var f = extractor.Extract(articles[j]);
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                result.Facts += emitter.Emit(f, all);
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                result.Rounds += f.RoundCount;
                foreach (var warning in f.Warnings) result.Warnings.Add(f.Article.Id + ": " + warning);
                Interlocked.Add(ref extractBytes, a1 - a0);
                Interlocked.Add(ref emitBytes, a2 - a1);
                Interlocked.Add(ref extractTicks, t1 - t0);
                Interlocked.Add(ref emitTicks, t2 - t1);
            }
            if (jsonLd is not null)
            {
                result.Quads = all;
                return result;
            }
            var f0 = GC.GetAllocatedBytesForCurrentThread();
            var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            if (!freeBuffers.TryTake(out var bytes)) bytes = new ByteBuffer(1 << 18);
            bytes.Clear();
            if (turtle)
            {
                // The converter's statements have one simple shape that a lean writer handles; anything else (a
                // gazetteer edited to say something unusual) goes through the general writer, with the same bytes.
                if (!(fast[worker] ??= new ConvertTurtle(Ns.Prefixes)).TryWrite(all, bytes))
                {
                    var ms = new MemoryStream();
                    Graph.Formats.TurtleWriter.Write(all, Ns.Prefixes, ms, trig: trig);
                    var doc = ms.GetBuffer().AsSpan(0, (int)ms.Length);
                    bytes.Bytes(doc[PrefixEnd(doc)..]);
                }
            }
            else
            {
                var text = texts[worker] ??= new StringBuilder();
                text.Clear();
                using (var sw1 = new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" })
                    Graph.Formats.NQuadsWriter.Write(all, sw1, quads: nquads);
                bytes.Utf8(text);
            }
            result.Bytes = bytes;
            Interlocked.Add(ref formatTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t3);
            Interlocked.Add(ref formatBytes, GC.GetAllocatedBytesForCurrentThread() - f0);
            return result;
        }

        var done = 0;
        void WriteAll(Stream? stream, TextWriter? w)
        {
            var decoder = new UTF8Encoding(false).GetDecoder();
            char[] chars = [];
            void Write(ReadOnlySpan<byte> b)
            {
                if (stream is not null)
                {
                    stream.Write(b);
                    return;
                }
                if (chars.Length < b.Length + 1) chars = new char[b.Length + 1];
                var n = decoder.GetChars(b, chars, flush: false);
                w!.Write(chars, 0, n);
            }
            if (turtle) Write(PrefixLines(trig));
            var progress = context.ErrIsTerminal;
            OrderedParallel.Run(feed.Groups(GroupSize), workers, Window, (_, articles, worker) => ConvertGroup(articles, worker), (g, group) =>
            {
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                if (group.Quads is not null) jsonLd!.AddRange(group.Quads);
                if (group.Bytes is { } bytes)
                {
                    Write(bytes.Written);
                    freeBuffers.Add(bytes);
                }
                facts += group.Facts;
                rounds += group.Rounds;
                warnings.AddRange(group.Warnings);
                writeTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
                done += group.Count;
                // The total is what has been read so far: reading runs ahead of converting, and is soon complete.
                if (progress && done % ProgressEvery == 0 && feed.Count is var total)
                {
                    var bar = done * 30 / total;
                    context.Err.Write($"\r[{new string('#', bar)}{new string('.', 30 - bar)}] {done}/{total}");
                }
            });
            if (progress && done >= 20) context.Err.WriteLine($"\r[{new string('#', 30)}] {done}/{done}");
            if (jsonLd is not null)
            {
                var contextFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(gazetteerPath)) ?? ".", "context.jsonld");
                var ctx = File.Exists(contextFile) ? Graph.Formats.JsonLd.JsonLdWriter.LoadContext(contextFile) : null;
                if (w is not null) Graph.Formats.JsonLd.JsonLdWriter.Write(jsonLd, w, Ns.Prefixes, ctx);
                else
                {
                    using var sw2 = new StreamWriter(stream!, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    Graph.Formats.JsonLd.JsonLdWriter.Write(jsonLd, sw2, Ns.Prefixes, ctx);
                }
            }
        }
        var syncTime = TimeSpan.Zero;
        if (outPath is null)
        {
            WriteAll(null, context.Out);
            context.Out.Flush();
        }
        else
        {
            syncTime = AtomicFile.Write(outPath, stream => WriteAll(stream, null));
        }
        // Reading's warnings come first, then the repeated ids, then the articles' own, as when reading came first.
        foreach (var w in feed.ReadWarnings.Concat(feed.IdWarnings).Concat(warnings)) context.Err.WriteLine("kg convert: warning: " + w);
        context.Err.WriteLine($"kg convert: {done} article(s), {rounds} round(s), {facts} fact(s), {feed.ReadWarnings.Count + feed.IdWarnings.Count + warnings.Count} warning(s)" + (outPath is null ? "" : " → " + outPath));
        if (context.Bench)
        {
            static TimeSpan T(long ticks) => System.Diagnostics.Stopwatch.GetElapsedTime(0, ticks);
            static string S(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
            context.Err.WriteLine($"bench: seconds={S(sw.Elapsed)} articles={done} gazetteer={S(gazetteerTime)} read={S(readTime())} extract={S(T(extractTicks))} emit={S(T(emitTicks))} format={S(T(formatTicks))} write={S(T(writeTicks))} sync={S(syncTime)} cpu={S(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime)} allocatedMB={GC.GetTotalAllocatedBytes() >> 20} (extract={extractBytes >> 20} emit={emitBytes >> 20} format={formatBytes >> 20}) gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }
        return 0;
    }

    /// <summary>Where a Turtle document's statements start: after the prefix block and the blank line that closes it (the line break is kept).</summary>
    private static int PrefixEnd(ReadOnlySpan<byte> doc)
    {
        var at = doc.IndexOf("\n\n"u8);
        return at < 0 ? 0 : at + 1;
    }

    /// <summary>The prefix lines the Turtle writer starts every document with (UTF-8), up to the blank line.</summary>
    private static byte[] PrefixLines(bool trig)
    {
        var probe = new Quad(new IriNode("http://example.org/s"), new IriNode("http://example.org/p"), new IriNode("http://example.org/o"));
        var ms = new MemoryStream();
        Graph.Formats.TurtleWriter.Write([probe], Ns.Prefixes, ms, trig);
        var doc = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        var end = PrefixEnd(doc);
        return doc[..end].ToArray();
    }

    /// <summary>What one group of articles gives: counts and warnings in input order, and its serialisation.</summary>
    private sealed class ConvertedGroup
    {
        public long Facts, Rounds;
        public List<string> Warnings { get; } = [];
        public List<Quad>? Quads;
        public int Count;
        public ByteBuffer? Bytes;
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

    private static void Collect(string input, DateOnly? published, string? url, Action<Article> add, List<string> warnings)
    {
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) warnings.Add($"{input}: no .txt files");
            foreach (var f in files) ReadText(f, published, url, add, warnings);
            return;
        }
        if (!File.Exists(input)) throw new CliFailure($"{input}: no such file or folder");
        if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            ReadJsonLines(input, published, add, warnings);
        else
            ReadText(input, published, url, add, warnings);
    }

    private static void ReadText(string path, DateOnly? published, string? url, Action<Article> add, List<string> warnings)
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
        add(new Article { Id = id, Text = text, Published = published ?? DateOnly.FromDateTime(info.LastWriteTimeUtc), Url = url, PublishedIsFallback = fallback });
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

    private static void ReadJsonLines(string path, DateOnly? published, Action<Article> add, List<string> warnings)
    {
        // One line at a time, on the reading thread: the converters start on the first articles while the rest is read.
        var fileDate = new Lazy<DateOnly>(() => DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path)));
        using var reader = new StreamReader(path, new UTF8Encoding(false, true), false, 1 << 16);
        var names = new DefaultJsonNameTable();
        var lineNo = 0;
        while (true)
        {
            string? line;
            try { line = reader.ReadLine(); }
            catch (DecoderFallbackException)
            {
                warnings.Add($"{path}:{lineNo + 1}: invalid UTF-8; the rest of the file is skipped");
                return;
            }
            if (line is null) return;
            lineNo++;
            var (article, lineWarnings) = ParseJsonLine(path, lineNo, line, published, fileDate, names);
            if (lineWarnings is not null) warnings.AddRange(lineWarnings);
            if (article is not null) add(article);
        }
    }

    /// <summary>A "published" value's date: its first ten characters as YYYY-MM-DD.</summary>
    private static bool TryDate(string p, out DateOnly date)
    {
        if (IsoDate(p) is { } iso)
        {
            date = iso;
            return true;
        }
        return DateOnly.TryParseExact(p.Length >= 10 ? p[..10] : p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// The date of a value starting with a valid YYYY-MM-DD, or null for anything else, which the general parser then
    /// judges: the usual case without the cost of format parsing.
    /// </summary>
    private static DateOnly? IsoDate(string p)
    {
        if (p.Length < 10 || p[4] != '-' || p[7] != '-') return null;
        static int Digits(string s, int from, int count)
        {
            var n = 0;
            for (var i = from; i < from + count; i++)
            {
                var c = s[i];
                if (c is < '0' or > '9') return -1;
                n = n * 10 + (c - '0');
            }
            return n;
        }
        int year = Digits(p, 0, 4), month = Digits(p, 5, 2), day = Digits(p, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>Newtonsoft's character buffers, reused from line to line instead of grown anew for every article.</summary>
    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null) System.Buffers.ArrayPool<char>.Shared.Return(array);
        }
    }

    /// <summary>One JSON Lines record: the article, and warnings in the order they arise (a skipped line has no article).</summary>
    private static (Article?, List<string>?) ParseJsonLine(string path, int lineNo, string line, DateOnly? published, Lazy<DateOnly> fileDate, JsonNameTable names)
    {
        List<string>? warnings = null;
        void Warn(string w) => (warnings ??= []).Add(w);
        if (string.IsNullOrWhiteSpace(line)) return (null, null);
        string? text = null, rawId = null, p = null, url = null;
        try
        {
            // The four fields are read straight off the token stream: no JObject per article.
            using var jr = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, ArrayPool = CharPool.Instance, PropertyNameTable = names };
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
            Warn($"{path}:{lineNo}: malformed JSON ({e.Message.Split('\n')[0].TrimEnd('.')}); line skipped");
            return (null, warnings);
        }
        if (string.IsNullOrWhiteSpace(text)) { Warn($"{path}:{lineNo}: no \"text\"; line skipped"); return (null, warnings); }
        // A UTF-16 unit never takes more than 3 UTF-8 bytes: only long texts need counting.
        if ((long)text.Length * 3 > MaxArticleBytes && Encoding.UTF8.GetByteCount(text) > MaxArticleBytes) { Warn($"{path}:{lineNo}: article too large; skipped"); return (null, warnings); }
        var id = rawId ?? Path.GetFileNameWithoutExtension(path) + "-" + lineNo.ToString(CultureInfo.InvariantCulture);
        DateOnly date;
        var fallback = false;
        if (p is not null && TryDate(p, out var d)) date = d;
        else if (published is { } given) date = given;
        else
        {
            date = fileDate.Value;
            fallback = true;
            Warn($"{path}:{lineNo}: no valid \"published\"; using {date:yyyy-MM-dd}");
        }
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) { Warn($"{path}:{lineNo}: \"url\" is not an absolute URL; ignored"); url = null; }
        return (new Article { Id = id, Text = text, Published = date, Url = url, PublishedIsFallback = fallback }, warnings);
    }
}
