using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Privacy;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public static class ErasureEndpoint
{
    /// <summary>
    /// The event and the destruction of the member's key in one transaction: both happen, or neither.
    /// </summary>
    [WolverinePost("/networks/{networkId}/members/{memberId}/erasure"), Allow(Role.Steward)]
    [EndpointSummary("Erase a member's personal data")]
    [EndpointDescription(
        "Destroys the member's key, so their name, the free text they wrote and their payout details can no " +
        "longer be read anywhere (crypto-shredding); reads show them as 'erased member'. Their id, roles, " +
        "amounts, points, shares and the ledger stay as they were, and the event chain still verifies. 409 " +
        "already-erased the second time.")]
    [ProducesResponseType<MemberResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public static Task<MemberResponse> Erase(Guid networkId, Guid memberId, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var stream = await NetworkLookup.FetchForWriting(session, networkId, cancellation);
            var member = await session.LoadAsync<MemberView>(memberId, cancellation);
            var command = new EraseMember(memberId, http.Caller().MemberId);
            stream.AppendMany(PayoutDetails.Decide(command, stream.Aggregate!, member?.ToMember(), now));
            MemberKeys.Shred(session, memberId);
        }, () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));
}
