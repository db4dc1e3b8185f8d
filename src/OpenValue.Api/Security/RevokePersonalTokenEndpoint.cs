using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Security;

public static class RevokePersonalTokenEndpoint
{
    [WolverineDelete("/networks/{networkId}/members/{memberId}/tokens/{tokenId}"), EmptyResponse]
    [EndpointSummary("Revoke a personal API token")]
    [EndpointDescription("The member themself only. The token stops working at once.")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task Revoke(
        Guid networkId, Guid memberId, Guid tokenId, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async _ =>
        {
            await PersonalTokens.Own(http, session, memberId);
            var token = (await PersonalTokens.Of(session, networkId, memberId, http.RequestAborted))
                .SingleOrDefault(t => t.PersonalTokenId == tokenId)
                ?? throw RuleViolation.NotFound("token-not-found", $"Member {memberId} has no token {tokenId}.");
            session.Delete(token);
        });
}
