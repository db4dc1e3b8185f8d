using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Budgeting;

public sealed record CancelBucketRequest(string? Reason = null);

/// <summary>
/// Every bucket write decides on the round stream's version, so two members funding the last room in a bucket (or
/// the last of one budget) at once cannot both succeed: the loser gets 409 and nothing is kept.
/// </summary>
public static class CancelBucketEndpoint
{
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/cancellation")]
    [EndpointSummary("Cancel a bucket")]
    [EndpointDescription(
        "By its owner or a steward, before the round closes: what its funders put in is theirs to spend again (the " +
        "fundings stay on record). Cancelling a cancelled bucket changes nothing.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<BucketResponse> Cancel(
        Guid roundId, Guid bucketId, CancelBucketRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var caller = http.Caller();
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var command = new CancelBucket(bucketId, body.Reason, caller.MemberId, caller.Holds(Role.Steward));
            var events = Buckets.Decide(command, stream.Aggregate!, now);
            if (events.Count > 0)
                stream.AppendMany(events);
            return events.Aggregate(stream.Aggregate, (r, e) => Round.Evolve(r, e))!;
        }, round => RoundResponses.BucketOf(session, round, bucketId, http.RequestAborted));
}
