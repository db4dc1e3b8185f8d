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
public static class PersonalTokens
{
    /// <summary>Enough for every script a person runs; a bound on what one member can store.</summary>
    public const int MaxTokens = 20;

    public const int MaxNameLength = 80;

    public static async Task Own(HttpContext http, IQuerySession session, Guid memberId)
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
    public static async Task<IReadOnlyList<AccessToken>> Of(
        IQuerySession session, Guid networkId, Guid memberId, CancellationToken cancellation) =>
        (await session.Query<AccessToken>()
            .Where(t => t.NetworkId == networkId && t.MemberId == memberId && t.PersonalTokenId != null)
            .ToListAsync(cancellation))
        .OrderBy(t => t.IssuedAt).ThenBy(t => t.PersonalTokenId).ToList();
}
