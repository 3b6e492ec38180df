using System.Net;
using System.Net.Http.Headers;

namespace Graph.Sparql.Remote;

/// <summary>HTTP authentication for a store: user and password (Digest, or Basic if the server asks for it), or a bearer token.</summary>
public sealed class RemoteCredentials
{
    private RemoteCredentials(string? user, string? password, string? token)
    {
        User = user;
        Password = password;
        Token = token;
    }

    public string? User { get; }
    public string? Password { get; }
    public string? Token { get; }

    public static RemoteCredentials UserPassword(string user, string password) => new(user, password, null);

    public static RemoteCredentials Bearer(string token) => new(null, null, token);

    /// <summary>The socket handler for these credentials: .NET answers a Digest or Basic challenge itself.</summary>
    internal static HttpMessageHandler CreateHandler(RemoteCredentials? credentials)
    {
        var h = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (credentials?.User is not null)
        {
            h.Credentials = new NetworkCredential(credentials.User, credentials.Password);
            // After the first challenge the handler answers up front, so each big upload is not sent twice.
            h.PreAuthenticate = true;
        }
        return h;
    }

    internal void Apply(HttpRequestMessage request)
    {
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }
}
