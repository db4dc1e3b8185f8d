using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Founding;

public sealed record FounderRequest(string? Name);

public sealed record FoundNetworkRequest(string? Name, string? Currency, FounderRequest? Founder);

public sealed record NetworkFoundedResponse(Guid NetworkId, Guid MemberId, string Token, string InvitationUrl);

public static class FoundNetworkEndpoint
{
    public const string FoundingKeyHeader = "X-Founding-Key";

    /// <summary>
    /// Anyone may found a network unless <c>OpenValue:FoundingKey</c> is configured; then the request must
    /// carry that key. The network id is the tenant of everything the network will hold.
    /// </summary>
    [WolverinePost("/networks"), EnableRateLimiting(AbuseLimits.FoundingPolicy), Idempotent(Founding = true)]
    [EndpointSummary("Found a network")]
    [EndpointDescription("Creates the network; the founder becomes its first member, holding every role. " +
        "The founder's token is shown once: keep it. Retry with the same Idempotency-Key (at least 32 characters) " +
        "to get the same answer.")]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<NetworkFoundedResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(
        FoundNetworkRequest body, HttpContext http, IDocumentStore store, IOptions<OpenValueOptions> options)
    {
        var given = http.Request.Headers[FoundingKeyHeader].ToString();
        if (options.Value.FoundingKey is { Length: > 0 } key && !SameSecret(given, key))
            return Results.Problem(Problems.Create(403, "founding-closed",
                $"Founding a network needs the {FoundingKeyHeader} header of this server."));

        var networkId = Guid.CreateVersion7();
        await using var session = store.LightweightSession(networkId.ToString());
        return await Write.Idempotent(http, session, async now =>
        {
            var founderId = Guid.CreateVersion7();
            var events = Domain.Networks.Founding.Decide(new FoundNetwork(body.Name, body.Currency, body.Founder?.Name),
                networkId, founderId, now);
            session.Events.StartStream<Network>(networkId,
                await new Privacy.PersonalFields(session, http.RequestAborted).Seal(events));
            var (token, access) = AccessToken.Issue(networkId, founderId, now);
            session.Store(access);
            var invitationUrl = Accounts.Invitations.Issue(session, http.Request, networkId, founderId, now);
            var response = new NetworkFoundedResponse(networkId, founderId, token, invitationUrl);
            return Outcome.CreatedWithCredential($"/networks/{networkId}", response);
        });
    }

    /// <summary>Compared in constant time (over the SHA-256 of each, so not even the length leaks).</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
