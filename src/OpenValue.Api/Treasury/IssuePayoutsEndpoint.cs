using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class IssuePayoutsEndpoint
{
    /// <summary>
    /// Issues the payouts of an approved distribution, exactly once: the transition approved → paid is
    /// checked against the distribution's stream version. Every call on a paid distribution — a retry, a
    /// later call, or one that lost the race at the same moment — answers 200 with the payouts that stand.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/payouts"), Allow(Role.Treasurer)]
    [Idempotent]
    [EndpointSummary("Issue the payouts")]
    [EndpointDescription(
        "Of an approved distribution, exactly once: every later call answers with the payouts that stand.")]
    [ProducesResponseType<PayoutsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Issue(
        Guid networkId, Guid distributionId, HttpContext http, IDocumentSession session)
    {
        try
        {
            return await Write.Idempotent(http, session, async now =>
            {
                var stream = await DistributionStreams.FetchExisting(session, distributionId, http.RequestAborted);
                var events = Settling.Decide(new IssuePayouts(distributionId, http.Caller().MemberId),
                    stream.Aggregate!, now);
                stream.AppendMany(events);
                var paid = events.Aggregate(stream.Aggregate, Distribution.Evolve)!;
                return new Outcome(StatusCodes.Status200OK, null,
                    await TreasuryResponses.PayoutsOf(session, paid, http.RequestAborted));
            });
        }
        catch (Exception e) when (ProblemsMiddleware.IsConcurrencyFailure(e))
        {
            await using var fresh = session.DocumentStore.QuerySession(networkId.ToString());
            var winner = await TreasuryResponses.Load(fresh, distributionId, http.RequestAborted);
            if (winner.Status != DistributionStatus.Paid)
                throw;
            return Results.Ok(await TreasuryResponses.PayoutsOf(fresh, winner, http.RequestAborted));
        }
    }
}
