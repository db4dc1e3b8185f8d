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

public static class SetPayoutDetailsEndpoint
{
    [WolverinePut("/networks/{networkId}/members/{memberId}/payout-details")]
    [EndpointSummary("Set one's payout details")]
    [EndpointDescription(
        "The member's own: an 'iban' (ISO 13616: spaces ignored; 400 invalid-iban names the failed check in " +
        "'check': characters, country, length or checksum) with an optional 'bic', or an 'accountReference' " +
        "(not both). Replaces the details set before. Stored sealed under the member's key; only the member and " +
        "treasurers read them.")]
    [ProducesResponseType<PayoutDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public static Task<PayoutDetailsResponse> Put(
        Guid networkId, Guid memberId, PayoutDetailsRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var stream = await NetworkLookup.FetchForWriting(session, networkId, cancellation);
            var command = new SetPayoutDetails(
                memberId, body.Iban, body.Bic, body.AccountReference, http.Caller().MemberId);
            var member = await session.LoadAsync<MemberView>(memberId, cancellation);
            var events = PayoutDetails.Decide(command, stream.Aggregate!, member?.ToMember(), now);
            stream.AppendMany(await new PersonalFields(session, cancellation).Seal(events));
        }, () => OpenedPayoutDetails.Read(session, memberId, http.RequestAborted));
}
