using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Infrastructure.OpenApi;

/// <summary>
/// Per operation: its module's tag, who may call it (bearer security and the roles its <see cref="AllowAttribute"/>
/// names), the headers it reads, and every problem response it can give. The refusals follow from how the app
/// works, so they are derived here rather than repeated on every endpoint: any input can be malformed (400),
/// a body can have the wrong media type (415), a network route needs a token of that network (401, 404) held by
/// a member who has not left it (403), a role-guarded route refuses others (403), a write decides on a stream
/// version (409), a key can be reused for another request (422), and PostgreSQL can be out of reach (503).
/// </summary>
internal sealed class ContractOperations : IOpenApiOperationTransformer
{
    public const string NetworkRoutes = "/networks/{networkId}";

    /// <summary>What decides an operation's security and refusals, read once from its route and handler.</summary>
    private sealed record Kind(bool InNetwork, IReadOnlyList<Role> Roles, bool Writes, bool Idempotent);

    public Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = (description.ActionDescriptor as ControllerActionDescriptor)?.MethodInfo;
        var kind = new Kind(
            ("/" + description.RelativePath).StartsWith(NetworkRoutes, StringComparison.Ordinal),
            method?.GetCustomAttribute<AllowAttribute>()?.Roles ?? [],
            description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE",
            method?.GetCustomAttribute<IdempotentAttribute>() is not null
            || method?.GetParameters().Any(p => p.ParameterType == typeof(Idempotency)) == true);

        operation.Tags = new HashSet<OpenApiTagReference> { new(ContractDocument.TagOf(method), context.Document) };
        operation.Description = Caller(operation.Description, kind);
        var bearer = new OpenApiSecuritySchemeReference(ContractDocument.Bearer, context.Document);
        operation.Security = [kind.InNetwork ? new() { [bearer] = [] } : new OpenApiSecurityRequirement()];
        DescribeParameters(operation, method, kind);
        DescribeResponses(operation, context.Document!, method, kind);
        return Task.CompletedTask;
    }

    private static string Caller(string? description, Kind kind)
    {
        var who = !kind.InNetwork ? "Anyone may call this; no token is needed."
            : kind.Roles.Count == 0 ? "Caller: any member of the network (bearer token)."
            : $"Caller: a member holding the {string.Join(" or ", kind.Roles.Select(Wire.Name))} role (bearer token).";
        return string.IsNullOrWhiteSpace(description) ? who : $"{description}\n\n{who}";
    }

    private static void DescribeParameters(OpenApiOperation operation, MethodInfo? method, Kind kind)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description ??= ContractSchemas.ParameterDescription(parameter.Name!);
            if (parameter.Schema is OpenApiSchema schema && parameter.In == ParameterLocation.Query)
                ContractSchemas.QueryParameter(parameter.Name!, schema);
        }
        operation.Parameters ??= [];
        if (kind.Idempotent)
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the same key with the same request answers with the first "
                              + $"response again (marked {Idempotency.ReplayedHeader}: true); the same key with "
                              + "another request is 422. Keys belong to the caller and are kept 30 days.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
        if (method?.DeclaringType == typeof(FoundNetworkEndpoint))
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = FoundNetworkEndpoint.FoundingKeyHeader,
                In = ParameterLocation.Header,
                Description = "Needed only when the server is configured with a founding key (OpenValue:FoundingKey).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
    }

    private static void DescribeResponses(OpenApiOperation operation, OpenApiDocument document, MethodInfo? method,
        Kind kind)
    {
        var responses = operation.Responses ??= [];
        // Wolverine lists an endpoint's IResult return type as a 200 of an empty object, and a bare 404 on every
        // route; the real statuses come from [ProducesResponseType] and the problems below.
        foreach (var (status, response) in responses.ToList())
            if (IsResultPlaceholder(response) || status == "404" && response.Content is not { Count: > 0 })
                responses.Remove(status);

        var statuses = new SortedSet<int>(method?.GetCustomAttribute<ProducesProblemAttribute>()?.StatusCodes ?? []);
        if (operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
            statuses.Add(400);
        if (operation.RequestBody is not null)
            statuses.UnionWith([413, 415]);
        // 429: too many failed authentications from the caller's address (NetworkCredentialHandler).
        // 403 on every network route too: a member who has left the network is refused (member-departed).
        if (kind.InNetwork)
            statuses.UnionWith([401, 403, 404, 429]);
        if (kind.Roles.Count > 0)
            statuses.Add(403);
        if (kind.InNetwork && kind.Writes)
            statuses.Add(409);
        if (kind.Idempotent)
            statuses.Add(422);
        statuses.Add(503);
        foreach (var status in statuses)
            if (!responses.ContainsKey(status.ToString()))
                responses[status.ToString()] = ContractDocument.ProblemResponse(document, status);
        // In status order, as people read them.
        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
            responses[status] = response;
    }

    private static bool IsResultPlaceholder(IOpenApiResponse response) =>
        response.Content?.Values.Any(m => m.Schema is OpenApiSchemaReference { Reference.Id: "IResult" }) == true;
}
