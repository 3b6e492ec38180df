using System.Text;

namespace Graph.Rdf;

/// <summary>IRI syntax checks and RFC 3986 §5 reference resolution.</summary>
public static class Iri
{
    /// <summary>True when <paramref name="iri"/> starts with a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").</summary>
    public static bool IsAbsolute(string iri) => SchemeLength(iri) > 0;

    /// <inheritdoc cref="IsAbsolute(string)"/>
    public static bool IsAbsolute(ReadOnlySpan<char> iri) => SchemeLength(iri) > 0;

    private static int SchemeLength(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0])) return 0;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':') return i;
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return 0;
        }
        return 0;
    }

    /// <summary>
    /// True when <paramref name="iri"/> is an absolute IRI that N-Triples can carry unescaped: a scheme, and no space,
    /// control character or any of &lt; &gt; " { } | ^ ` \ (the characters RFC 3987 excludes from every IRI).
    /// </summary>
    public static bool IsValid(string iri) => Validate(iri) is null;

    /// <summary>Null when <paramref name="iri"/> is valid (see <see cref="IsValid"/>), else why it is not.</summary>
    public static string? Validate(string iri)
    {
        ArgumentNullException.ThrowIfNull(iri);
        if (!IsAbsolute(iri)) return $"'{iri}' is not an absolute IRI (it has no scheme)";
        foreach (var c in iri)
        {
            if (c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\' || c is >= '\u007F' and <= '\u009F')
                return $"'{iri}' contains U+{(int)c:X4}, which an IRI may not contain";
        }
        return null;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 §5.2.2, strict).</summary>
    public static string Resolve(string baseIri, string reference)
    {
        var r = Split(reference);
        if (r.Scheme is not null)
            return Recompose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        var b = Split(baseIri);
        string? authority, path, query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }
            authority = b.Authority;
        }
        return Recompose(b.Scheme, authority, path, query, r.Fragment);
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    private static Parts Split(string s)
    {
        string? scheme = null, authority = null, query = null, fragment = null;
        var i = 0;
        var sl = SchemeLength(s);
        if (sl > 0) { scheme = s[..sl]; i = sl + 1; }
        var hash = s.IndexOf('#', i);
        var end = hash < 0 ? s.Length : hash;
        if (hash >= 0) fragment = s[(hash + 1)..];
        var q = s.IndexOf('?', i, end - i);
        var pathEnd = q < 0 ? end : q;
        if (q >= 0) query = s[(q + 1)..end];
        if (pathEnd - i >= 2 && s[i] == '/' && s[i + 1] == '/')
        {
            var slash = s.IndexOf('/', i + 2, pathEnd - i - 2);
            var aEnd = slash < 0 ? pathEnd : slash;
            authority = s[(i + 2)..aEnd];
            i = aEnd;
        }
        return new Parts(scheme, authority, s[i..pathEnd], query, fragment);
    }

    private static string Merge(Parts b, string relPath)
    {
        if (b.Authority is not null && b.Path.Length == 0) return "/" + relPath;
        var last = b.Path.LastIndexOf('/');
        return last < 0 ? relPath : b.Path[..(last + 1)] + relPath;
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    public static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0) return path;
        var input = path;
        var output = new StringBuilder(path.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) input = input[3..];
            else if (input.StartsWith("./", StringComparison.Ordinal)) input = input[2..];
            else if (input.StartsWith("/./", StringComparison.Ordinal)) input = input[2..];
            else if (input == "/.") input = "/";
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input == "/.." ? "/" : input[3..];
                var cut = output.Length - 1;
                while (cut >= 0 && output[cut] != '/') cut--;
                output.Length = Math.Max(cut, 0);
            }
            else if (input == "." || input == "..") input = "";
            else
            {
                var start = input[0] == '/' ? 1 : 0;
                var next = input.IndexOf('/', start);
                if (next < 0) next = input.Length;
                output.Append(input, 0, next);
                input = input[next..];
            }
        }
        return output.ToString();
    }

    private static string Recompose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null) sb.Append(scheme).Append(':');
        if (authority is not null) sb.Append("//").Append(authority);
        sb.Append(path);
        if (query is not null) sb.Append('?').Append(query);
        if (fragment is not null) sb.Append('#').Append(fragment);
        return sb.ToString();
    }
}
