using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Budgeting;

public static class CloseRoundEndpoint
{
    /// <summary>
    /// The one transition open → closed, checked against the round's stream version: every later call, a retry or
    /// one that lost the race to the scheduled closing, answers 200 with the round as closed.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/closing"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Close a co-budgeting round")]
    [EndpointDescription(
        "At any time, and by itself at the end of the window: buckets at or above their minimum are paid to their " +
        "owners, exactly once; unspent budgets and unfunded buckets return to the pool.")]
    [ProducesResponseType<RoundResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Close(Guid networkId, Guid roundId, HttpContext http, IDocumentSession session)
    {
        try
        {
            return await Write.Idempotent(http, session, async now =>
            {
                var cancellation = http.RequestAborted;
                var stream = await RoundStreams.FetchExisting(session, roundId, cancellation);
                var round = await ScheduledClosing.Apply(session, stream, http.Caller().MemberId, now, cancellation);
                var response = await RoundResponses.Of(session, round, cancellation);
                return new Outcome(StatusCodes.Status200OK, null, response);
            });
        }
        catch (Exception e) when (ProblemsMiddleware.IsConcurrencyFailure(e))
        {
            await using var fresh = session.DocumentStore.QuerySession(networkId.ToString());
            var winner = await RoundResponses.Load(fresh, roundId, http.RequestAborted);
            if (winner.Status != RoundStatus.Closed)
                throw;
            return Results.Ok(await RoundResponses.Of(fresh, winner, http.RequestAborted));
        }
    }
}
