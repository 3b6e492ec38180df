using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>
/// The default loader: file: URLs (and plain paths) only, plus optional URL prefixes mapped to local folders.
/// It never opens a network connection; any other URL is refused with a clear error.
/// </summary>
public sealed class FileDocumentLoader : IDocumentLoader
{
    private readonly List<(string Prefix, string Folder)> _mappings = [];
    private readonly Dictionary<string, RemoteDocument> _cache = new(StringComparer.Ordinal);

    /// <summary>Serves URLs starting with <paramref name="urlPrefix"/> from <paramref name="folder"/> (a local mirror).</summary>
    public FileDocumentLoader Map(string urlPrefix, string folder)
    {
        _mappings.Add((urlPrefix, folder));
        return this;
    }

    public RemoteDocument Load(string url)
    {
        if (_cache.TryGetValue(url, out var cached)) return cached;
        string? path = null;
        foreach (var (prefix, folder) in _mappings)
            if (url.StartsWith(prefix, StringComparison.Ordinal))
                path = Path.Combine(folder, Uri.UnescapeDataString(url[prefix.Length..].Split('#', '?')[0]));
        if (path is null && url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            path = new Uri(url).LocalPath;
        if (path is null)
            throw new JsonLdException("loading document failed",
                $"{url} is not a local file and network access is disabled (use a loader with an allow-list to permit hosts).");
        if (!File.Exists(path))
            throw new JsonLdException("loading document failed", $"{url}: the file {path} does not exist.");
        var doc = new RemoteDocument(url, JsonLdJson.Parse(File.ReadAllText(path), path, 512));
        _cache[url] = doc;
        return doc;
    }
}
