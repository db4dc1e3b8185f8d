using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Privacy;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public static class GetPayoutDetailsEndpoint
{
    [WolverineGet("/networks/{networkId}/members/{memberId}/payout-details")]
    [EndpointSummary("Get a member's payout details")]
    [EndpointDescription(
        "The member themself and treasurers only (403 otherwise). 404 payout-details-not-set when the member has " +
        "set none, or their personal data was erased.")]
    [ProducesResponseType<PayoutDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<PayoutDetailsResponse> Get(Guid memberId, HttpContext http, IQuerySession session)
    {
        var caller = http.Caller();
        if (caller.MemberId != memberId && !caller.Holds(Role.Treasurer))
            throw RuleViolation.Forbidden("self-or-treasurer",
                "Only the member themself and treasurers read payout details.");
        return await OpenedPayoutDetails.Read(session, memberId, http.RequestAborted);
    }
}
