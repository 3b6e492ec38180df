using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Graph.Server.Tests;

/// <summary>
/// A loopback "SPARQL endpoint" that misbehaves on purpose: it either never answers, or answers every request with
/// the same fixed HTTP response (e.g. garbage labelled as SPARQL results).
/// </summary>
internal sealed class StubEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];

    private StubEndpoint(string? response)
    {
        _listener.Start();
        _ = Task.Run(() => AcceptAsync(response));
    }

    /// <summary>Accepts connections and reads requests, but never answers.</summary>
    public static StubEndpoint Hanging() => new(null);

    /// <summary>Answers 200 with <paramref name="body"/> as <paramref name="contentType"/>.</summary>
    public static StubEndpoint Answering(string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        return new($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}");
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/sparql";

    public int Requests { get; private set; }

    private async Task AcceptAsync(string? response)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients) _clients.Add(client);
                Requests++;
                _ = Task.Run(async () =>
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0) return;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    if (response is null) return; // keep the connection open, say nothing
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
                    client.Close();
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients) foreach (var c in _clients) c.Dispose();
        _stop.Dispose();
    }
}
