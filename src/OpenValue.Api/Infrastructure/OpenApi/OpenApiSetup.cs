namespace OpenValue.Api.Infrastructure.OpenApi;

/// <summary>
/// The served OpenAPI document (<c>/openapi/v1.json</c>) is the contract the web app and outside tools are
/// generated from, so it must say what the server really does. ASP.NET Core builds it from the endpoints'
/// metadata; these transformers add, in one place, what the metadata cannot carry: how NodaTime values and
/// exact decimals travel, which request fields may be left out, who may call each operation, and every
/// refusal it can give. A test lints the document and validates a journey's real responses against it.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddOpenValueOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer<ContractOperations>();
            options.AddDocumentTransformer<ContractDocument>();
        });
}

/// <summary>
/// Documents a refusal an endpoint gives beyond those every operation of its kind can give (see
/// <see cref="ContractOperations"/>): a 403 for a rule about who may act, a 409 on a read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesProblemAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<int> StatusCodes { get; } = statusCodes;
}
