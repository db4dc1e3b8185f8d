using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class PayoutReissueEndpoint
{
    /// <summary>
    /// A reversed payout paid again on its own: a new payout on the distribution stream and its money taken from
    /// the pool again, both streams checked against the versions decided on, in one transaction. Each payout is
    /// reissued at most once; send an Idempotency-Key to have a retry answered like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/payouts/{payoutId}/reissue"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Reissue a reversed payout")]
    [EndpointDescription(
        "Pays a reversed payout again, once, as a new payout with its own id and reference; the money is taken " +
        "from its pool again. 409 not-reversed, already-reissued, insufficient-funds.")]
    [ProducesResponseType<PayoutResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Reissue(
        Guid networkId, Guid payoutId, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var owner = await DistributionStreams.OwnerOfPayout(session, payoutId, cancellation);
            var stream = await DistributionStreams.FetchExisting(session, owner, cancellation);
            var proposal = stream.Aggregate!.Proposal;
            var poolStream = await PoolStreams.Fetch(session, proposal.PoolId, cancellation);
            var pool = poolStream.Aggregate ?? Pool.Empty(proposal.NetworkId, proposal.ProjectId, proposal.Currency);
            var command = new ReissuePayout(payoutId, http.Caller().MemberId);
            var (reissue, drawn) = Settling.Decide(command, stream.Aggregate, pool, now);
            stream.AppendOne(reissue);
            poolStream.AppendOne(drawn);
            var after = Distribution.Evolve(stream.Aggregate, reissue)!;
            var payouts = await TreasuryResponses.PayoutsOf(session, after, cancellation);
            var payout = payouts.Payouts.Single(p => p.PayoutId == reissue.PayoutId);
            return new Outcome(StatusCodes.Status201Created, $"/networks/{networkId}/distributions/{owner}", payout);
        });
}
