using System.Net;
using Graph.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Server.Http;

/// <summary>
/// The HTTP server: SPARQL 1.1 Protocol at /sparql, Graph Store HTTP Protocol at /store, the query page at /.
/// </summary>
public sealed class SparqlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SparqlServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address actually listened on (with the real port when 0 was asked).</summary>
    public Uri Address { get; }

    public Uri SparqlEndpoint => new(Address, "sparql");

    public Uri StoreEndpoint => new(Address, "store");

    public static async Task<SparqlServer> StartAsync(ServerOptions options, DatasetGate gate, ISparqlEngine engine, CancellationToken ct = default)
    {
        if (!IPAddress.TryParse(options.Bind, out var ip))
            throw new ArgumentException($"--bind needs an IP address, not '{options.Bind}'");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(SparqlServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Listen(ip, options.Port);
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxBodyBytes);
            f.KeyLengthLimit = 1024;
            f.ValueCountLimit = 1024;
        });
        var app = builder.Build();
        var context = new EndpointContext(options, gate, engine, new UpdateAuth(options.UpdateToken));
        app.Use(ErrorMapping.Middleware(options.Log));
        ProtocolEndpoints.Map(app, context);
        GraphStoreEndpoints.Map(app, context);
        PageEndpoints.Map(app);
        await app.StartAsync(ct).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return new SparqlServer(app, address);
    }

    /// <summary>Waits until the host is stopped (Ctrl+C, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What every endpoint needs.</summary>
internal sealed record EndpointContext(ServerOptions Options, DatasetGate Gate, ISparqlEngine Engine, UpdateAuth Auth);
