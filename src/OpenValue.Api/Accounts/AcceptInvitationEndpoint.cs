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
        // Accounts are global: the session is not the network's. A refused password still saves its failed
        // attempt (the lockout counts it); nothing else is staged then.
        await using var session = store.LightweightSession();
        return await Write.Run(http, session, async now =>
        {
            var invitation = await InvitationLinks.Open(session, body.Token, now, http.RequestAborted);
            var accepting = await Acceptance.Account(http, session, body, now);
            if (accepting.Account is not null)
                await Acceptance.MoveMembership(session, accepting, invitation, now, http.RequestAborted);
            return accepting;
        }, async accepting => accepting.Account is { } account
            ? Results.Ok(await AccountResponses.Of(account, store, http.RequestAborted))
            : Results.Problem(accepting.Refusal!));
    }
}
