using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record ReversePayoutRequest(string? Reason);

public static class ReversePayoutEndpoint
{
    /// <summary>
    /// A compensating event on the distribution and the money back in its pool, in one transaction. A second
    /// reversal of the same payout is 409; send an Idempotency-Key to have a retry answered like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/payouts/{payoutId}/reversal"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Reverse a payout")]
    [EndpointDescription(
        "With a reason; the money returns to the pool it came from. A second reversal is 409 already-reversed.")]
    [ProducesResponseType<PayoutResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Reverse(
        Guid payoutId, ReversePayoutRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var owner = await DistributionStreams.OwnerOfPayout(session, payoutId, cancellation);
            var stream = await DistributionStreams.FetchExisting(session, owner, cancellation);
            var command = new ReversePayout(payoutId, body.Reason, http.Caller().MemberId);
            var (reversal, returned) = Settling.Decide(command, stream.Aggregate!, now);
            stream.AppendOne(reversal);
            (await PoolStreams.Fetch(session, returned.PoolId, cancellation)).AppendOne(returned);
            var after = Distribution.Evolve(stream.Aggregate, reversal)!;
            var payout = (await TreasuryResponses.PayoutsOf(session, after, cancellation)).Payouts
                .Single(p => p.PayoutId == payoutId);
            return new Outcome(StatusCodes.Status200OK, null, payout);
        });
}
