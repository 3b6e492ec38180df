using Graph.Rdf;
using Graph.Server.Engine;
using Microsoft.AspNetCore.Http;

namespace Graph.Server.Http;

/// <summary>
/// Turns every failure into a short SPARQL-style text message with the right status. Clients never see a stack
/// trace; unexpected failures are logged on the server and reported as "internal error".
/// </summary>
internal static class ErrorMapping
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(Action<string> log) => async (ctx, next) =>
    {
        HttpError error;
        try
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }
        catch (HttpErrorException e) { error = e.Error; }
        catch (SparqlRequestException e) { error = FromKind(e); }
        catch (RdfParseException e) { error = new HttpError(StatusCodes.Status400BadRequest, e.Describe()); }
        catch (BadHttpRequestException e)
        {
            error = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new HttpError(413, "the request body is larger than this server accepts")
                : new HttpError(e.StatusCode, e.Message);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // Form reading reports its own limits this way.
            error = new HttpError(StatusCodes.Status413PayloadTooLarge, "the request body is larger than this server accepts");
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away: nobody to answer
        }
        catch (Exception e)
        {
            log($"internal error on {ctx.Request.Method} {ctx.Request.Path}: {e}");
            error = new HttpError(StatusCodes.Status500InternalServerError, "internal error (logged on the server)");
        }
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }
        await Write(ctx, error).ConfigureAwait(false);
    };

    public static HttpError FromKind(SparqlRequestException e) => e.Kind switch
    {
        SparqlErrorKind.BadRequest => new HttpError(StatusCodes.Status400BadRequest, e.Message),
        SparqlErrorKind.Forbidden => new HttpError(StatusCodes.Status403Forbidden, e.Message),
        SparqlErrorKind.NotImplemented => new HttpError(StatusCodes.Status501NotImplemented, e.Message),
        SparqlErrorKind.RemoteFailed => new HttpError(StatusCodes.Status502BadGateway, e.Message),
        _ => new HttpError(StatusCodes.Status503ServiceUnavailable, e.Message),
    };

    public static async Task Write(HttpContext ctx, HttpError error)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = error.Status;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        // The challenge names Basic (any user name, the token as password) rather than Bearer: clients that only send
        // credentials when challenged, such as Jena 4.5's arq.rupdate, cannot parse a Bearer challenge (it crashes with
        // a NullPointerException), while bearer clients send their token without waiting for one. The message says both.
        if (error.Challenge) ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"kg\", charset=\"UTF-8\"";
        if (error.Status == StatusCodes.Status413PayloadTooLarge) ctx.Response.Headers.Connection = "close";
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await ctx.Response.WriteAsync($"Error {error.Status}: {OneLine(error.Message)}\n").ConfigureAwait(false);
    }

    private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
