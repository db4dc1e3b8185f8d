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

public sealed record ProposeBucketRequest(
    string? Title, MoneyInput? MinGoal, MoneyInput? MaxGoal, string? Description = null);

/// <summary>
/// Every bucket write decides on the round stream's version, so two members funding the last room in a bucket (or
/// the last of one budget) at once cannot both succeed: the loser gets 409 and nothing is kept.
/// </summary>
public static class ProposeBucketEndpoint
{
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/buckets"), Idempotent]
    [EndpointSummary("Propose a bucket")]
    [EndpointDescription(
        "Something the round's money could fund, with a minimum and a maximum goal; open for funding at once, or " +
        "after a steward's approval where the round's buckets need it.")]
    [ProducesResponseType<BucketResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(
        Guid networkId, Guid roundId, ProposeBucketRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var stream = await RoundStreams.FetchExisting(session, roundId, http.RequestAborted);
            var command = new ProposeBucket(body.Title, body.Description, body.MinGoal, body.MaxGoal,
                http.Caller().MemberId);
            var proposed = Buckets.Decide(command, Guid.CreateVersion7(), stream.Aggregate!, now);
            stream.AppendOne(proposed);
            var round = Round.Evolve(stream.Aggregate, proposed)!;
            return Outcome.Created($"/networks/{networkId}/rounds/{roundId}#{proposed.BucketId}",
                await RoundResponses.BucketOf(session, round, proposed.BucketId, http.RequestAborted));
        });
}
