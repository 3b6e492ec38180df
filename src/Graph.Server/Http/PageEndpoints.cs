using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;

namespace Graph.Server.Http;

/// <summary>
/// The query page and its example queries, all embedded in the assembly (page/*, and queries/**/*.rq from the
/// repository's queries/ folder at build time), so the page works offline and wherever the binary is copied.
/// </summary>
internal static class PageEndpoints
{
    private static readonly Assembly s_assembly = typeof(PageEndpoints).Assembly;

    private static readonly Dictionary<string, string> s_types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    public static void Map(WebApplication app)
    {
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], ctx => Send(ctx, "page/index.html"));
        app.MapMethods("/page/{name}", [HttpMethods.Get, HttpMethods.Head], ctx => Send(ctx, "page/" + (string?)ctx.Request.RouteValues["name"]));
        app.MapGet("/examples", async ctx =>
        {
            ctx.Response.ContentType = "application/json; charset=utf-8";
            await ctx.Response.WriteAsync(JsonConvert.SerializeObject(Examples().Select(e => new { name = e.Name, query = e.Query }))).ConfigureAwait(false);
        });
    }

    public sealed record Example(string Name, string Query);

    /// <summary>The embedded example queries, by path under queries/, sorted.</summary>
    public static List<Example> Examples() =>
        s_assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("queries/", StringComparison.Ordinal) && n.EndsWith(".rq", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Example(n["queries/".Length..^3].Replace('\\', '/'), ReadText(n)))
            .ToList();

    private static string ReadText(string resource)
    {
        using var s = s_assembly.GetManifestResourceStream(resource)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static async Task Send(HttpContext ctx, string resource)
    {
        var type = s_types.GetValueOrDefault(Path.GetExtension(resource));
        using var s = type is null ? null : s_assembly.GetManifestResourceStream(resource);
        if (s is null)
        {
            throw new HttpErrorException(new HttpError(StatusCodes.Status404NotFound, "no such page"));
        }
        ctx.Response.ContentType = type;
        ctx.Response.ContentLength = s.Length;
        // The page talks only to this server: no inline script, no other origins.
        ctx.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await s.CopyToAsync(ctx.Response.Body, ctx.RequestAborted).ConfigureAwait(false);
    }
}
