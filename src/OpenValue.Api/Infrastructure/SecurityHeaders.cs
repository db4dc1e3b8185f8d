using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Headers every response gets: no MIME sniffing; no caching of anything under /networks or /accounts (member
/// data, and the responses that carry tokens); a Content-Security-Policy on the HTML pages. It also applies the
/// request body limit: a body declared larger than <see cref="OpenValueOptions.MaxRequestBodyBytes"/> is 413 at
/// once, and one that grows past it while being read fails on the server's own limit (413 as well).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<OpenValueOptions> options)
{
    /// <summary>
    /// The API reference page loads its script and styles from this server, and configures them inline.
    /// </summary>
    public const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
            return Problems.Write(context, Problems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large",
                $"The request body may be at most {limit} bytes (got {context.Request.ContentLength})."));

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            var path = context.Request.Path;
            if (path.StartsWithSegments("/networks") || path.StartsWithSegments("/accounts"))
                headers.CacheControl = "no-store";
            if (path.StartsWithSegments("/docs"))
                headers.ContentSecurityPolicy = DocsPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
