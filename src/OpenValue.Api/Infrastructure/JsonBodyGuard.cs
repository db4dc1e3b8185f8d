using Microsoft.AspNetCore.Http.Metadata;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Refuses a missing body, or the JSON literal <c>null</c>, on every route that binds a JSON request body.
/// System.Text.Json reads <c>null</c> as a null request object, which no endpoint expects (it was a 500 on
/// sixteen routes); refusing it here, before binding, covers every route at once. Any other body that is not
/// a JSON object of the request's shape fails deserialisation, and <see cref="BindingProblems"/> words that
/// problem. Only the first non-blank byte is read, so a good request costs nothing more.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next)
{
    private const int MaxLeadingWhitespace = 4096;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null }
            && !await StartsWithValue(context.Request))
        {
            await Problems.Write(context, Problems.Invalid("body",
                "The request needs a JSON object as its body (got an empty body or null)."));
            return;
        }
        await next(context);
    }

    /// <summary>Whether the body's first non-blank byte starts a JSON value other than <c>null</c>.</summary>
    private static async Task<bool> StartsWithValue(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = new byte[256];
        var seen = 0;
        try
        {
            while (seen < MaxLeadingWhitespace)
            {
                var read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted);
                if (read == 0)
                    return false;
                seen += read;
                foreach (var b in buffer.AsSpan(0, read))
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                        return b != (byte)'n';
            }
            return true; // Far too much white space: the JSON reader refuses it with its own words.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
