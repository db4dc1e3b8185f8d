using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using Wolverine.Http;

namespace OpenValue.Api.Accounts;

public static class CurrentAccountEndpoint
{
    [WolverineGet("/accounts/me")]
    [EndpointSummary("The signed-in account")]
    [EndpointDescription("The account of this browser's session and the networks it is a member of.")]
    [ProducesProblem(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<AccountResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Me(HttpContext http, IDocumentStore store)
    {
        await using var query = store.QuerySession();
        return await CookieSessions.Current(http, query) is { } signedIn
            ? Results.Ok(await AccountResponses.Of(signedIn.Account, store, http.RequestAborted))
            : Results.Problem(Problems.Create(401, "unauthenticated", "Not signed in."));
    }
}
