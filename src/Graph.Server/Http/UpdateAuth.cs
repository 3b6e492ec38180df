using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Graph.Server.Http;

/// <summary>The bearer-token check for updates. Both sides are hashed first so the compare takes the same time whatever the lengths.</summary>
internal sealed class UpdateAuth(string? token)
{
    private readonly byte[]? _expected = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool IsReadOnly => _expected is null;

    /// <summary>Null when allowed; otherwise the error to send (403 read-only or wrong token, 401 no token).</summary>
    public HttpError? Check(HttpRequest request)
    {
        if (_expected is null) return new HttpError(StatusCodes.Status403Forbidden, "this endpoint is read-only (start it with --update-token to allow updates)");
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(header) || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return new HttpError(StatusCodes.Status401Unauthorized, "updates need 'Authorization: Bearer TOKEN'") { Challenge = true };
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _expected) ? null : new HttpError(StatusCodes.Status403Forbidden, "the update token is wrong");
    }
}

/// <summary>An error the protocol layer sends as a short text message.</summary>
internal sealed record HttpError(int Status, string Message)
{
    /// <summary>Adds `WWW-Authenticate: Bearer` (RFC 6750) to a 401.</summary>
    public bool Challenge { get; init; }
}

/// <summary>Thrown inside handlers to end the request with <see cref="Error"/>.</summary>
internal sealed class HttpErrorException(HttpError error) : Exception(error.Message)
{
    public HttpError Error { get; } = error;
}
