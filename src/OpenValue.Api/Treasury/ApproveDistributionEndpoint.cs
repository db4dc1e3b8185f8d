using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class ApproveDistributionEndpoint
{
    /// <summary>
    /// A second approval is 409; send an Idempotency-Key to have a retry answered like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/approval"), Allow(Role.Treasurer)]
    [Idempotent]
    [EndpointSummary("Approve a distribution")]
    [EndpointDescription("By a treasurer other than the proposer, when the network requires a second approval.")]
    [ProducesResponseType<DistributionResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Approve(Guid distributionId, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var stream = await DistributionStreams.FetchExisting(session, distributionId, cancellation);
            var distribution = stream.Aggregate!;
            var network = await NetworkLookup.ForMoney(session, distribution.Proposal.NetworkId, cancellation);
            var approver = await session.LoadAsync<MemberView>(http.Caller().MemberId, cancellation);
            var command = new ApproveDistribution(distributionId, http.Caller().MemberId);
            var events = Settling.Decide(command, distribution, approver?.Vouchings ?? [], network.CoolingOff, now);
            stream.AppendMany(events);
            var approved = events.Aggregate<object, Distribution?>(distribution, Distribution.Evolve)!;
            return new Outcome(StatusCodes.Status200OK, null,
                await TreasuryResponses.Of(session, approved, cancellation));
        });
}
