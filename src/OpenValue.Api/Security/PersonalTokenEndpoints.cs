using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Security;

public sealed record CreatePersonalTokenRequest(string? Name);

/// <summary>A personal token as listed: never its secret, nor its hash.</summary>
public sealed record PersonalTokenResponse(Guid TokenId, string Name, Instant CreatedAt)
{
    public static PersonalTokenResponse From(AccessToken t) => new(t.PersonalTokenId!.Value, t.Name ?? "", t.IssuedAt);
}

public sealed record PersonalTokensResponse(IReadOnlyList<PersonalTokenResponse> Tokens);

/// <summary>The one response that carries the secret: shown once, at creation.</summary>
public sealed record PersonalTokenCreatedResponse(Guid TokenId, string Name, Instant CreatedAt, string Token);

/// <summary>
/// Personal API tokens: a member makes named bearer tokens for scripts and tools, lists and revokes them. Each
/// is an <see cref="AccessToken"/> (stored as its SHA-256 only) that acts with the member's roles of the moment,
/// as their member token does; a reissue of the member's token revokes these too. Only the member themself may
/// see or touch them, not even a steward, since each is a credential of that member.
/// </summary>
public static class PersonalTokenEndpoints
{
    /// <summary>Enough for every script a person runs; a bound on what one member can store.</summary>
    public const int MaxTokens = 20;

    public const int MaxNameLength = 80;

    [WolverineGet("/networks/{networkId}/members/{memberId}/tokens")]
    [EndpointSummary("List a member's personal API tokens")]
    [EndpointDescription("The member themself only: each token's id, name and creation instant, never its secret.")]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<PersonalTokensResponse> List(
        Guid networkId, Guid memberId, HttpContext http, IQuerySession session)
    {
        await Own(http, session, memberId);
        var tokens = await Of(session, networkId, memberId, http.RequestAborted);
        return new PersonalTokensResponse([.. tokens.Select(PersonalTokenResponse.From)]);
    }

    [WolverinePost("/networks/{networkId}/members/{memberId}/tokens"), Idempotent]
    [EndpointSummary("Create a personal API token")]
    [EndpointDescription(
        "The member themself only. Returns the token once; it acts as a bearer token with the member's roles. " +
        "At most 20 per member (409 too-many-tokens).")]
    [ProducesResponseType<PersonalTokenCreatedResponse>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public static Task<IResult> Create(
        Guid networkId, Guid memberId, CreatePersonalTokenRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            await Own(http, session, memberId);
            var name = body.Name?.Trim() ?? "";
            if (name.Length is 0 or > MaxNameLength)
                throw RuleViolation.Invalid("name", $"'name' must be 1 to {MaxNameLength} characters.");
            if ((await Of(session, networkId, memberId, http.RequestAborted)).Count >= MaxTokens)
                throw RuleViolation.Conflict("too-many-tokens",
                    $"A member holds at most {MaxTokens} personal tokens: revoke one first.");
            var (token, access) = AccessToken.Issue(networkId, memberId, now);
            var id = Guid.CreateVersion7();
            session.Store(access with { PersonalTokenId = id, Name = name });
            return Outcome.CreatedWithCredential($"/networks/{networkId}/members/{memberId}/tokens",
                new PersonalTokenCreatedResponse(id, name, now, token));
        });

    [WolverineDelete("/networks/{networkId}/members/{memberId}/tokens/{tokenId}"), EmptyResponse]
    [EndpointSummary("Revoke a personal API token")]
    [EndpointDescription("The member themself only. The token stops working at once.")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task Revoke(
        Guid networkId, Guid memberId, Guid tokenId, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async _ =>
        {
            await Own(http, session, memberId);
            var token = (await Of(session, networkId, memberId, http.RequestAborted))
                .SingleOrDefault(t => t.PersonalTokenId == tokenId)
                ?? throw RuleViolation.NotFound("token-not-found", $"Member {memberId} has no token {tokenId}.");
            session.Delete(token);
        });

    private static async Task Own(HttpContext http, IQuerySession session, Guid memberId)
    {
        if (http.Caller().MemberId != memberId)
        {
            if (await session.LoadAsync<MemberView>(memberId, http.RequestAborted) is null)
                throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
            throw RuleViolation.Forbidden("own-tokens-only",
                "Only the member themself can see or change their tokens.");
        }
    }

    /// <summary>The member's personal tokens, oldest first (the token table is global: hence the filter).</summary>
    private static async Task<IReadOnlyList<AccessToken>> Of(
        IQuerySession session, Guid networkId, Guid memberId, CancellationToken cancellation) =>
        (await session.Query<AccessToken>()
            .Where(t => t.NetworkId == networkId && t.MemberId == memberId && t.PersonalTokenId != null)
            .ToListAsync(cancellation))
        .OrderBy(t => t.IssuedAt).ThenBy(t => t.PersonalTokenId).ToList();
}
