using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Accounts;

public static class AcceptInvitationEndpoint
{
    [WolverinePost("/accounts/invitations/acceptance")]
    [EndpointSummary("Accept an invitation")]
    [EndpointDescription("Links the membership to an account: the signed-in one, a new one (createAccount) or " +
        "one whose login and password are given; signs the browser in (session and CSRF cookies).")]
    [ProducesProblem(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
        StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Accept(AcceptInvitationRequest body, HttpContext http, IDocumentStore store)
    {
        var now = http.Now();
        await using var session = store.LightweightSession();
        var invitation = await InvitationLinks.Open(session, body.Token, now, http.RequestAborted);
        var accepting = await Acceptance.Account(http, session, body, now);
        if (accepting.Account is not { } account)
            return Results.Problem(accepting.Refusal!);
        await Acceptance.MoveMembership(session, accepting, invitation, now, http.RequestAborted);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(await AccountResponses.Of(account, store, http.RequestAborted));
    }
}
