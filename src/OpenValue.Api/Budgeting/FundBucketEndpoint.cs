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

public sealed record FundBucketRequest(MoneyInput? Amount);

/// <summary>
/// Every bucket write decides on the round stream's version, so two members funding the last room in a bucket (or
/// the last of one budget) at once cannot both succeed: the loser gets 409 and nothing is kept.
/// </summary>
public static class FundBucketEndpoint
{
    /// <summary>
    /// Retried with the same Idempotency-Key, a funding answers as the first time instead of moving the money twice.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/funding"), Idempotent]
    [EndpointSummary("Fund a bucket")]
    [EndpointDescription(
        "Moves some of the caller's budget into a bucket while the window is open; a negative amount takes it back " +
        "out. Refused beyond the bucket's maximum, the caller's remaining budget or the cap per member per bucket.")]
    [ProducesResponseType<FundingResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<IResult> Fund(
        Guid roundId, Guid bucketId, FundBucketRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var member = http.Caller().MemberId;
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var funded = Funding.Decide(new FundBucket(bucketId, body.Amount, member), stream.Aggregate!, now);
            stream.AppendOne(funded);
            var round = Round.Evolve(stream.Aggregate, funded)!;
            return new Outcome(StatusCodes.Status200OK, null,
                await RoundResponses.FundingOf(session, round, bucketId, member, http.RequestAborted));
        });
}
