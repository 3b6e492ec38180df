namespace Graph.Sparql.Remote;

/// <summary>A remote SPARQL or Graph Store endpoint failed, refused, timed out or answered something unreadable.</summary>
public sealed class RemoteEndpointException : Exception
{
    public RemoteEndpointException(string endpoint, string message, int? status = null, string? body = null, Exception? inner = null)
        : base(Compose(endpoint, message, status, body), inner)
    {
        Endpoint = endpoint;
        Status = status;
        Body = body;
    }

    public string Endpoint { get; }

    /// <summary>The HTTP status, or null when no answer came (refused, timed out, not allowed).</summary>
    public int? Status { get; }

    /// <summary>The start of the answer's body, for the user to read.</summary>
    public string? Body { get; }

    private static string Compose(string endpoint, string message, int? status, string? body)
    {
        var s = endpoint + ": " + message;
        if (status is int code) s += " (HTTP " + code + ")";
        if (!string.IsNullOrWhiteSpace(body)) s += ": " + Excerpt(body);
        return s;
    }

    /// <summary>The first line or so of a server's error text: enough to act on, not a page of HTML.</summary>
    internal static string Excerpt(string body)
    {
        var t = body.Trim().ReplaceLineEndings(" ");
        return t.Length <= 300 ? t : t[..300] + "…";
    }
}
