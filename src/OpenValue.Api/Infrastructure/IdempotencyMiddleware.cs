using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using OpenValue.Api.Security;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The request side of idempotency for every <see cref="IdempotentAttribute"/> route: when the request carries an
/// <c>Idempotency-Key</c>, it notes the key, its scope and the hash of the request as the endpoint binds it (the
/// body deserialised to the route's request type and serialised again, so whitespace and field order do not
/// matter; <c>{}</c> for a route that binds no body). <see cref="Write.Idempotent"/> then checks the key, replays
/// or keeps the response, in the transaction of the events. A body that does not bind is left for the endpoint
/// to refuse.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<JsonOptions> json)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is { } idempotent
            && context.Request.Headers[Idempotency.Header].ToString() is { Length: > 0 } key
            && await Bound(context) is { } request)
        {
            var scope = idempotent.Founding ? Idempotency.FoundingScope : context.Caller().IdempotencyScope;
            context.Features.Set(new IdempotentRequest(key, scope, Idempotency.Hash(context, request)));
        }
        await next(context);
    }

    private async Task<string?> Bound(HttpContext context)
    {
        var type = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null)
            return "{}";
        var options = json.Value.SerializerOptions;
        context.Request.EnableBuffering();
        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, options,
                context.RequestAborted);
            return value is null ? null : JsonSerializer.Serialize(value, type, options);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            context.Request.Body.Position = 0;
        }
    }
}
