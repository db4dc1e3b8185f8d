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

/// <summary>
/// Every bucket write decides on the round stream's version, so two members funding the last room in a bucket (or
/// the last of one budget) at once cannot both succeed: the loser gets 409 and nothing is kept.
/// </summary>
public static class ApproveBucketEndpoint
{
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/approval"), Allow(Role.Steward)]
    [EndpointSummary("Approve a bucket")]
    [EndpointDescription("Where the round's buckets need a steward's approval: members may fund it from then on.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status200OK)]
    public static Task<BucketResponse> Approve(
        Guid roundId, Guid bucketId, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var approved = Buckets.Decide(new ApproveBucket(bucketId, http.Caller().MemberId), stream.Aggregate!,
                now);
            stream.AppendOne(approved);
            return Round.Evolve(stream.Aggregate, approved)!;
        }, round => RoundResponses.BucketOf(session, round, bucketId, http.RequestAborted));
}
