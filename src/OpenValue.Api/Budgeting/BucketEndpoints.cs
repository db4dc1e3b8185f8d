using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Budgeting;

public sealed record ProposeBucketRequest(
    string? Title, MoneyInput? MinGoal, MoneyInput? MaxGoal, string? Description = null);

public sealed record FundBucketRequest(MoneyInput? Amount);

public sealed record CancelBucketRequest(string? Reason = null);

/// <summary>What an approval binds: nothing but the route.</summary>
public sealed record ApproveBucketRequest;

/// <summary>
/// Every bucket write decides on the round stream's version, so two members funding the last room in a bucket (or
/// the last of one budget) at once cannot both succeed: the loser gets 409 and nothing is kept.
/// </summary>
public static class BucketEndpoints
{
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets")]
    [EndpointSummary("Propose a bucket")]
    [EndpointDescription(
        "Something the round's money could fund, with a minimum and a maximum goal; open for funding at once, or " +
        "after a steward's approval where the round's buckets need it.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(
        Guid networkId, Guid roundId, ProposeBucketRequest body, HttpContext http, IDocumentSession session,
            IClock clock,
        Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var command = new ProposeBucket(body.Title, body.Description, body.MinGoal, body.MaxGoal,
                http.Caller().MemberId);
            var proposed = Buckets.Decide(command, Guid.CreateVersion7(), stream.Aggregate!, clock.GetCurrentInstant());
            stream.AppendOne(proposed);
            var round = Round.Evolve(stream.Aggregate, proposed)!;
            return Outcome.Created($"/networks/{networkId}/rounds/{roundId}#{proposed.BucketId}",
                await RoundResponses.BucketOf(session, round, proposed.BucketId, http.RequestAborted));
        });

    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/approval"), Allow(Role.Steward)]
    [EndpointSummary("Approve a bucket")]
    [EndpointDescription("Where the round's buckets need a steward's approval: members may fund it from then on.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status200OK)]
    public static async Task<BucketResponse> Approve(
        Guid roundId, Guid bucketId, HttpContext http, IDocumentSession session, IClock clock)
    {
        var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
        var approved = Buckets.Decide(new ApproveBucket(bucketId, http.Caller().MemberId), stream.Aggregate!,
            clock.GetCurrentInstant());
        stream.AppendOne(approved);
        await session.SaveChangesAsync(http.RequestAborted);
        return await RoundResponses.BucketOf(session, Round.Evolve(stream.Aggregate, approved)!, bucketId,
            http.RequestAborted);
    }

    /// <summary>
    /// Retried with the same Idempotency-Key, a funding answers as the first time instead of moving the money twice.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/funding")]
    [EndpointSummary("Fund a bucket")]
    [EndpointDescription(
        "Moves some of the caller's budget into a bucket while the window is open; a negative amount takes it back " +
        "out. Refused beyond the bucket's maximum, the caller's remaining budget or the cap per member per bucket.")]
    [ProducesResponseType<FundingResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<IResult> Fund(
        Guid roundId, Guid bucketId, FundBucketRequest body, HttpContext http, IDocumentSession session, IClock clock,
        Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var member = http.Caller().MemberId;
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var funded = Funding.Decide(new FundBucket(bucketId, body.Amount, member), stream.Aggregate!,
                clock.GetCurrentInstant());
            stream.AppendOne(funded);
            var round = Round.Evolve(stream.Aggregate, funded)!;
            return new Outcome(StatusCodes.Status200OK, null,
                await RoundResponses.FundingOf(session, round, bucketId, member, http.RequestAborted));
        });

    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets/{bucketId}/cancellation")]
    [EndpointSummary("Cancel a bucket")]
    [EndpointDescription(
        "By its owner or a steward, before the round closes: what its funders put in is theirs to spend again (the " +
        "fundings stay on record). Cancelling a cancelled bucket changes nothing.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static async Task<BucketResponse> Cancel(
        Guid roundId, Guid bucketId, CancelBucketRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var caller = http.Caller();
        var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
        var command = new CancelBucket(bucketId, body.Reason, caller.MemberId, caller.Holds(Role.Steward));
        var events = Buckets.Decide(command, stream.Aggregate!, clock.GetCurrentInstant());
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        var round = events.Aggregate(stream.Aggregate, (r, e) => Round.Evolve(r, e))!;
        return await RoundResponses.BucketOf(session, round, bucketId, http.RequestAborted);
    }
}
