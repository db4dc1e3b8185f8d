using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Security;

public static class CreatePersonalTokenEndpoint
{
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
            await PersonalTokens.Own(http, session, memberId);
            var name = body.Name?.Trim() ?? "";
            if (name.Length is 0 or > PersonalTokens.MaxNameLength)
                throw RuleViolation.Invalid("name",
                    $"'name' must be 1 to {PersonalTokens.MaxNameLength} characters.");
            var held = await PersonalTokens.Of(session, networkId, memberId, http.RequestAborted);
            if (held.Count >= PersonalTokens.MaxTokens)
                throw RuleViolation.Conflict("too-many-tokens",
                    $"A member holds at most {PersonalTokens.MaxTokens} personal tokens: revoke one first.");
            var (token, access) = AccessToken.Issue(networkId, memberId, now);
            var id = Guid.CreateVersion7();
            session.Store(access with { PersonalTokenId = id, Name = name });
            return Outcome.CreatedWithCredential($"/networks/{networkId}/members/{memberId}/tokens",
                new PersonalTokenCreatedResponse(id, name, now, token));
        });
}
