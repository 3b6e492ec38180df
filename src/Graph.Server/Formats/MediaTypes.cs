namespace Graph.Server.Formats;

/// <summary>Accept-header negotiation (RFC 9110 §12.5.1): the offer with the highest quality wins, ties go to the server's order.</summary>
public static class MediaTypes
{
    /// <summary>"type/subtype" in lower case, without parameters.</summary>
    public static string Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return "";
        var semi = contentType.IndexOf(';');
        return (semi < 0 ? contentType : contentType[..semi]).Trim().ToLowerInvariant();
    }

    private readonly record struct Range(string Type, string Subtype, double Q);

    private static List<Range> ParseAccept(string accept)
    {
        var list = new List<Range>();
        foreach (var part in accept.Split(','))
        {
            var pieces = part.Split(';');
            var mt = pieces[0].Trim().ToLowerInvariant();
            var slash = mt.IndexOf('/');
            if (slash <= 0 || slash == mt.Length - 1) continue;
            var q = 1.0;
            foreach (var p in pieces.Skip(1))
            {
                var kv = p.Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(kv[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                    q = Math.Clamp(v, 0, 1);
            }
            list.Add(new Range(mt[..slash], mt[(slash + 1)..], q));
        }
        return list;
    }

    /// <summary>
    /// The index of the offer to send, or -1 when none is acceptable. Each offer is a list of media types
    /// naming the same format (e.g. application/sparql-results+json and application/json).
    /// </summary>
    public static int Choose(string? accept, IReadOnlyList<IReadOnlyList<string>> offers)
    {
        if (string.IsNullOrWhiteSpace(accept)) return offers.Count > 0 ? 0 : -1;
        var ranges = ParseAccept(accept);
        if (ranges.Count == 0) return offers.Count > 0 ? 0 : -1;
        var best = -1;
        var bestQ = 0.0;
        for (var i = 0; i < offers.Count; i++)
        {
            // Wildcards match an offer's main media type only: text/* should not pick XML results through text/xml.
            var q = offers[i].Select((mt, k) => QualityOf(mt, ranges, wildcards: k == 0)).Max();
            if (q > bestQ) { best = i; bestQ = q; }
        }
        return best;
    }

    /// <summary>The quality the most specific matching range gives <paramref name="mediaType"/>.</summary>
    private static double QualityOf(string mediaType, List<Range> ranges, bool wildcards)
    {
        var slash = mediaType.IndexOf('/');
        var (type, sub) = (mediaType[..slash], mediaType[(slash + 1)..]);
        var specificity = -1;
        var q = 0.0;
        foreach (var r in ranges)
        {
            int s;
            if (r.Type == type && r.Subtype == sub) s = 2;
            else if (wildcards && r.Type == type && r.Subtype == "*") s = 1;
            else if (wildcards && r.Type == "*" && r.Subtype == "*") s = 0;
            else continue;
            if (s > specificity) { specificity = s; q = r.Q; }
        }
        return q;
    }
}
