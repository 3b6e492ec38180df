using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Graph.Sparql.Remote;

/// <summary>One stored answer: what was asked, when, and the body as received.</summary>
public sealed record CachedResponse(string Endpoint, string Query, string ContentType, DateTimeOffset Retrieved, string Body);

/// <summary>
/// An on-disk cache of remote query answers keyed by endpoint and exact query text, so that rerunning a federated
/// query or `kg link` gives the same answer without the network. One JSON file per answer, named by the SHA-256 of
/// the key, written through a temporary file and a rename so a crash never leaves a torn entry.
/// </summary>
public sealed class ResponseCache
{
    public ResponseCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>$XDG_CACHE_HOME/kg/service, else ~/.cache/kg/service.</summary>
    public static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "kg", "service");
    }

    public static string Key(string endpoint, string query)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(endpoint + "\n" + query));
        return Convert.ToHexStringLower(bytes);
    }

    public string PathFor(string endpoint, string query) => Path.Combine(Directory, Key(endpoint, query) + ".json");

    public bool TryGet(string endpoint, string query, out CachedResponse response)
    {
        response = null!;
        var path = PathFor(endpoint, query);
        if (!File.Exists(path)) return false;
        JObject o;
        try
        {
            using var r = new JsonTextReader(new StreamReader(path, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
            o = JObject.Load(r);
        }
        catch (JsonException)
        {
            return false; // a damaged entry is treated as absent and overwritten by the next fetch
        }
        var ep = o.Value<string>("endpoint");
        var q = o.Value<string>("query");
        var ct = o.Value<string>("contentType");
        var retrieved = o.Value<string>("retrieved");
        var body = o.Value<string>("body");
        // The file name is a hash: check the key itself so a collision or a hand-edited file cannot answer another query.
        if (ep != endpoint || q != query || ct is null || body is null || retrieved is null
            || !DateTimeOffset.TryParse(retrieved, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            return false;
        response = new CachedResponse(endpoint, query, ct, when, body);
        return true;
    }

    public void Put(CachedResponse response)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(response.Endpoint, response.Query);
        var o = new JObject
        {
            ["endpoint"] = response.Endpoint,
            ["query"] = response.Query,
            ["contentType"] = response.ContentType,
            ["retrieved"] = response.Retrieved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["body"] = response.Body,
        };
        var tmp = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            File.WriteAllText(tmp, o.ToString(Formatting.Indented), new UTF8Encoding(false));
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
