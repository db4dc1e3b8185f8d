using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record CancelDistributionRequest(string? Reason = null);

public static class CancelDistributionEndpoint
{
    /// <summary>
    /// Both streams are version-checked: a cancellation racing a payout or another reservation loses cleanly.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/cancellation"), Allow(Role.Treasurer)]
    [EndpointSummary("Cancel a distribution")]
    [EndpointDescription(
        "Before payout; the reserved amount returns to the pool. Cancelling a cancelled distribution changes " +
        "nothing.")]
    public static Task<DistributionResponse> Cancel(
        Guid distributionId, CancelDistributionRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var stream = await DistributionStreams.FetchExisting(session, distributionId, cancellation);
            var command = new CancelDistribution(distributionId, body.Reason, http.Caller().MemberId);
            var (events, poolEvents) = Settling.Decide(command, stream.Aggregate!, now);
            if (events.Length > 0)
            {
                stream.AppendMany(events);
                (await PoolStreams.Fetch(session, stream.Aggregate!.Proposal.PoolId, cancellation))
                    .AppendMany(poolEvents);
            }
            return await TreasuryResponses.Of(session, events.Aggregate(stream.Aggregate, Distribution.Evolve)!,
                cancellation);
        });
}
