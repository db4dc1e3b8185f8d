using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OpenValue.Api.WebApp;

/// <summary>
/// Serves the built web app (src/OpenValue.Web's dist, copied beside the app as webapp/) at /app: its files as
/// they are, and index.html for every other path under /app so the browser's router takes deep links. One
/// endpoint does both, so the app's middleware order (routing before the caller guard) needs no static-file stage.
/// </summary>
public static class WebAppHosting
{
    public const string Path = "/app";

    // No inline script or style anywhere in the app: scripts, styles and API calls come from this origin only.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapWebApp(this WebApplication app)
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "webapp");
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        app.MapMethods(Path + "/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http,
            string? path) => Serve(http, files, path))
            .ExcludeFromDescription();
    }

    private static async Task Serve(HttpContext http, IFileProvider files, string? path)
    {
        var file = string.IsNullOrEmpty(path) ? null : files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false } && ContentTypes.TryGetContentType(file.Name, out var type))
        {
            // Vite puts a content hash in every asset's name, so an asset never changes under its URL.
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            await Send(http, file, type);
            return;
        }
        // A missing asset is a 404, not the page: a stale tab asking for an old bundle must not get HTML as script.
        if (path?.StartsWith("assets/", StringComparison.Ordinal) == true || !files.GetFileInfo("index.html").Exists)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync(path is null || files.GetFileInfo("index.html").Exists ? "Not found."
                : "The web app is not built: ./openvalue.sh run builds it (it needs Node.js 20.19 or newer).");
            return;
        }
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        await Send(http, files.GetFileInfo("index.html"), "text/html; charset=utf-8");
    }

    private static async Task Send(HttpContext http, IFileInfo file, string contentType)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = file.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.SendFileAsync(file, http.RequestAborted);
    }
}
