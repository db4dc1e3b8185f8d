using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Reads the JSON body of every route that binds one before the endpoint does, so that whatever is wrong
/// with it is one problem response with a code and the field at fault, in words a client can act on: a
/// missing body or <c>null</c> (which would reach an endpoint as a null request), a body that is not JSON, a
/// body that is not an object, or a value of the wrong type ("a number where a string is expected"). The
/// framework's own messages name .NET types; these never do. A body that passes is read again by the
/// endpoint from the buffer: the requests are small (the limit is 1 MB), and the check is one pass.
/// </summary>
public sealed class JsonBodyGuard(RequestDelegate next, IOptions<JsonOptions> json)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type }
            && await Problem(context.Request, type) is { } problem)
        {
            await Problems.Write(context, problem);
            return;
        }
        await next(context);
    }

    private async Task<Microsoft.AspNetCore.Mvc.ProblemDetails?> Problem(HttpRequest request, Type type)
    {
        request.EnableBuffering();
        try
        {
            using var document = await ParseOrNull(request);
            if (document is null)
                return Problems.Invalid("body", "The request body is not valid JSON.");
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Problems.Invalid("body",
                    $"The request needs a JSON object as its body (got {Describe(document.RootElement.ValueKind)}).");
            try
            {
                document.RootElement.Deserialize(type, json.Value.SerializerOptions);
                return null;
            }
            catch (JsonException e)
            {
                var field = JsonFields.FromPath(e.Path);
                return Problems.Invalid(field, $"'{field}' {JsonFields.Expected(type, field)}.");
            }
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<JsonDocument?> ParseOrNull(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true or false",
    };
}
