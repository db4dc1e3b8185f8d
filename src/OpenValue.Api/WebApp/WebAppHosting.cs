using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OpenValue.Api.WebApp;

/// <summary>
/// Serves the built web app (src/OpenValue.Web's dist, copied beside the app as webapp/) at /app: its files
/// as they are, and index.html for every other path under /app so the browser's router takes deep links.
/// </summary>
public static class WebAppHosting
{
    public const string Path = "/app";

    // No inline script or style anywhere in the app: scripts, styles and API calls come from this origin only.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void MapWebApp(this WebApplication app)
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "webapp");
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            // Vite puts a content hash in every asset's name, so an asset never changes under its URL.
            OnPrepareResponse = context => Headers(context.Context.Response, context.File.Name.EndsWith(".html", StringComparison.Ordinal)),
        });
        app.MapGet(Path + "/{**path}", (HttpContext http) => Index(http, files)).ExcludeFromDescription();
    }

    private static void Headers(HttpResponse response, bool html)
    {
        response.Headers.CacheControl = html ? "no-cache" : "public, max-age=31536000, immutable";
        if (html)
            response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
    }

    private static async Task Index(HttpContext http, IFileProvider files)
    {
        var index = files.GetFileInfo("index.html");
        // A missing asset is a 404, not the page: a stale tab asking for an old bundle must not get HTML as script.
        if (http.Request.Path.StartsWithSegments(Path + "/assets"))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!index.Exists)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("The web app is not built: ./openvalue.sh run builds it (it needs Node.js 20 or newer).");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        Headers(http.Response, html: true);
        await http.Response.SendFileAsync(index, http.RequestAborted);
    }
}
