using Graph.Rdf;

namespace Graph.Formats.JsonLd;

/// <summary>Makes an IRI relative to a base (the inverse of RFC 3986 resolution), for compacting document-relative IRIs.</summary>
internal static class RelativeIri
{
    public static string Make(string baseIri, string iri)
    {
        var b = Split(baseIri);
        var t = Split(iri);
        if (b is null || t is null || b.Value.Root != t.Value.Root) return iri;
        var baseSegments = Iri.RemoveDotSegments(b.Value.Path).Split('/').ToList();
        var targetSegments = Iri.RemoveDotSegments(t.Value.Path).Split('/').ToList();
        // The last target segment stays unless a query or fragment follows, so "" never stands for the base document itself by accident.
        var keep = t.Value.Query is not null || t.Value.Fragment is not null ? 0 : 1;
        while (baseSegments.Count > 0 && targetSegments.Count > keep && baseSegments[0] == targetSegments[0])
        {
            baseSegments.RemoveAt(0);
            targetSegments.RemoveAt(0);
        }
        var sb = new System.Text.StringBuilder();
        if (baseSegments.Count > 0)
            for (var i = 0; i < baseSegments.Count - 1; i++) sb.Append("../");
        sb.Append(string.Join('/', targetSegments));
        if (t.Value.Query is not null) sb.Append('?').Append(t.Value.Query);
        if (t.Value.Fragment is not null) sb.Append('#').Append(t.Value.Fragment);
        var result = sb.ToString();
        if (result.Length == 0) return "./";
        // A first segment with a colon would read as a scheme.
        var firstSegmentEnd = result.IndexOfAny(['/', '?', '#']);
        if (result[..(firstSegmentEnd < 0 ? result.Length : firstSegmentEnd)].Contains(':') || result[0] == '@') result = "./" + result;
        return Iri.Resolve(baseIri, result) == iri ? result : iri;
    }

    private static (string Root, string Path, string? Query, string? Fragment)? Split(string iri)
    {
        var colon = iri.IndexOf(':');
        if (colon <= 0) return null;
        var pathStart = colon + 1;
        if (iri.Length > colon + 2 && iri[colon + 1] == '/' && iri[colon + 2] == '/')
        {
            var end = iri.IndexOfAny(['/', '?', '#'], colon + 3);
            pathStart = end < 0 ? iri.Length : end;
        }
        string? fragment = null, query = null;
        var rest = iri[pathStart..];
        var hash = rest.IndexOf('#');
        if (hash >= 0) { fragment = rest[(hash + 1)..]; rest = rest[..hash]; }
        var q = rest.IndexOf('?');
        if (q >= 0) { query = rest[(q + 1)..]; rest = rest[..q]; }
        return (iri[..pathStart], rest, query, fragment);
    }
}
