using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Graph.Server.Http;

/// <summary>
/// The update-token check: `Authorization: Bearer TOKEN`, or HTTP Basic with any user name and the token as the
/// password (for clients that cannot send a bearer token, e.g. Jena 4.5's arq.rupdate). Both sides are hashed first
/// so the compare takes the same time whatever the lengths.
/// </summary>
internal sealed class UpdateAuth(string? token)
{
    private readonly byte[]? _expected = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool IsReadOnly => _expected is null;

    /// <summary>Null when allowed; otherwise the error to send (403 read-only or wrong token, 401 no token).</summary>
    public HttpError? Check(HttpRequest request)
    {
        if (_expected is null) return new HttpError(StatusCodes.Status403Forbidden, "this endpoint is read-only (start it with --update-token to allow updates)");
        var header = request.Headers.Authorization.ToString().Trim();
        string? given = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = header["Bearer ".Length..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) given = BasicPassword(header["Basic ".Length..].Trim());
        if (given is null)
            return new HttpError(StatusCodes.Status401Unauthorized, "updates need 'Authorization: Bearer TOKEN' (or HTTP Basic with the token as password)") { Challenge = true };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(hash, _expected) ? null : new HttpError(StatusCodes.Status403Forbidden, "the update token is wrong");
    }

    /// <summary>The password of Basic credentials (RFC 7617: base64 of "user:password"), or null when they are malformed.</summary>
    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[(encoded.Length + 3) / 4 * 3];
        if (!Convert.TryFromBase64String(encoded, bytes, out var n)) return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes, 0, n);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var colon = text.IndexOf(':');
        return colon < 0 ? null : text[(colon + 1)..];
    }
}

/// <summary>An error the protocol layer sends as a short text message.</summary>
internal sealed record HttpError(int Status, string Message)
{
    /// <summary>Adds a `WWW-Authenticate` challenge to a 401 (see <see cref="ErrorMapping"/> for why it names Basic).</summary>
    public bool Challenge { get; init; }
}

/// <summary>Thrown inside handlers to end the request with <see cref="Error"/>.</summary>
internal sealed class HttpErrorException(HttpError error) : Exception(error.Message)
{
    public HttpError Error { get; } = error;
}
