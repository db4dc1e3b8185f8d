using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record ReverseIncomeRequest(string? Reason);

public static class IncomeReversalEndpoint
{
    /// <summary>
    /// A compensating event on the income's pool stream, checked against the version decided on like every pool
    /// write, so a reversal racing a proposal on the same pool cannot leave it over-drawn. The income's own events
    /// are read from that stream (its chain checked by <see cref="PoolStreams.Fetch"/>); the income record
    /// only says which pool to look in. A second reversal is 409; send an Idempotency-Key to have a retry answered
    /// like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/income/{incomeId}/reversal"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Reverse income")]
    [EndpointDescription(
        "Income recorded in error, with a reason: its amount leaves the pool. 409 income-distributed (naming the " +
        "distributionIds that hold the money) when the pool no longer has it undistributed; 409 already-reversed.")]
    [ProducesResponseType<IncomeResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Reverse(
        Guid incomeId, ReverseIncomeRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var view = await session.LoadAsync<IncomeView>(incomeId, cancellation) ?? throw NotFound(incomeId);
            var poolStream = await PoolStreams.Fetch(session, view.PoolId, cancellation);
            var pool = poolStream.Aggregate ?? throw NotFound(incomeId);
            var read = poolStream.StartingVersion ?? poolStream.CurrentVersion ?? 0;
            var events = (await session.Events.FetchStreamAsync(pool.Id, read, token: cancellation))
                .Select(e => e.Data).ToList();
            var recorded = events.OfType<IncomeRecorded>().FirstOrDefault(e => e.IncomeId == incomeId);
            var earlier = events.OfType<IncomeReversed>().FirstOrDefault(e => e.IncomeId == incomeId);
            // The distributions are read only to name them in a refusal.
            var holdings = recorded is not null && earlier is null && recorded.AmountMinor > pool.AvailableMinor
                ? [.. (await DistributionMoney.Load(session, pool.Id, cancellation)).Select(d => d.Holding)]
                : Array.Empty<PoolHolding>();
            var command = new ReverseIncome(incomeId, body.Reason, http.Caller().MemberId);
            var reversal = IncomeReversal.Decide(command, recorded, earlier, pool, holdings, now);
            poolStream.AppendOne(reversal);
            IncomeViewProjection.Apply(view, reversal);
            return new Outcome(StatusCodes.Status200OK, null, IncomeResponse.From(view, treasurer: true));
        });

    private static RuleViolation NotFound(Guid incomeId) =>
        RuleViolation.NotFound("income-not-found", $"Income record {incomeId} is not in this network.");
}
