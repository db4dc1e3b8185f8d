using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Founding;

public sealed record FounderRequest(string? Name);

public sealed record FoundNetworkRequest(string? Name, string? Currency, FounderRequest? Founder);

public sealed record NetworkFoundedResponse(Guid NetworkId, Guid MemberId, string Token);

public static class FoundNetworkEndpoint
{
    public const string FoundingKeyHeader = "X-Founding-Key";

    /// <summary>
    /// Anyone may found a network unless <c>OpenValue:FoundingKey</c> is configured; then the request must
    /// carry that key. The network id is the tenant of everything the network will hold.
    /// </summary>
    [WolverinePost("/networks")]
    [EndpointSummary("Found a network")]
    [EndpointDescription(
        "Creates the network; the founder becomes its first member, holding every role. The founder's token is " +
        "shown once: keep it.")]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<NetworkFoundedResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(
        FoundNetworkRequest body, HttpContext http, IDocumentStore store, IClock clock, Idempotency idempotency, IOptions<OpenValueOptions> options)
    {
        if (options.Value.FoundingKey is { Length: > 0 } key && http.Request.Headers[FoundingKeyHeader] != key)
            return Results.Problem(Problems.Create(403, "founding-closed", $"Founding a network needs the {FoundingKeyHeader} header of this server."));

        var networkId = Guid.CreateVersion7();
        await using var session = store.LightweightSession(networkId.ToString());
        return await idempotency.Once(http, session, "founding", body, () =>
        {
            var now = clock.GetCurrentInstant();
            var founderId = Guid.CreateVersion7();
            var events = Domain.Networks.Founding.Decide(new FoundNetwork(body.Name, body.Currency, body.Founder?.Name), networkId, founderId, now);
            session.Events.StartStream<Network>(networkId, events);
            var (token, access) = AccessToken.Issue(networkId, founderId, now);
            session.Store(access);
            return Task.FromResult(Outcome.Created($"/networks/{networkId}", new NetworkFoundedResponse(networkId, founderId, token)));
        });
    }
}
