using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Security;

public static class ListPersonalTokensEndpoint
{
    [WolverineGet("/networks/{networkId}/members/{memberId}/tokens")]
    [EndpointSummary("List a member's personal API tokens")]
    [EndpointDescription("The member themself only: each token's id, name and creation instant, never its secret.")]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<PersonalTokensResponse> List(
        Guid networkId, Guid memberId, HttpContext http, IQuerySession session)
    {
        await PersonalTokens.Own(http, session, memberId);
        var tokens = await PersonalTokens.Of(session, networkId, memberId, http.RequestAborted);
        return new PersonalTokensResponse([.. tokens.Select(PersonalTokenResponse.From)]);
    }
}
