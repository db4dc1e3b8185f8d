using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
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

public sealed record OpenRoundRequest(
    string? Title, MoneyInput? Amount, string? Budget, string? ClosesAt, string? ProjectId = null,
    string? OpensAt = null, MoneyInput? CapPerBucket = null, bool? BucketsNeedApproval = null);

public static class OpenRoundEndpoint
{
    /// <summary>
    /// Reads the pool for writing first, then the members the budgets go to, and saves the reservation (on the
    /// pool stream), the new round stream and the scheduled closing (Wolverine's durable outbox, in the same
    /// transaction) at once. A treasurer racing on the same pool version loses with 409 and nothing is kept.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Open a co-budgeting round")]
    [EndpointDescription(
        "Reserves an amount of a pool (the network's or a project's) and gives every member a budget, equal or by " +
        "share as of the opening, for a funding window; the budgets sum exactly to the amount. The round closes by " +
        "itself when the window ends.")]
    [ProducesResponseType<RoundResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Open(
        Guid networkId, OpenRoundRequest body, HttpContext http, IDocumentSession session, IShareSource shareSource,
        IMessageBus bus) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var network = await NetworkLookup.ForMoney(session, networkId, cancellation);
            var command = new OpenRound(body.Title, body.Amount, body.ProjectId, body.Budget, body.OpensAt,
                body.ClosesAt, body.CapPerBucket, body.BucketsNeedApproval, http.Caller().MemberId);
            var request = Opening.Validate(command, network, now);
            var poolStream = await PoolStreams.Fetch(session, DerivedIds.Pool(networkId, request.ProjectId),
                cancellation);
            var pool = poolStream.Aggregate ?? Pool.Empty(networkId, request.ProjectId, network.Currency);
            var weights = await Weights(session, shareSource, networkId, request, now, cancellation);

            var id = Guid.CreateVersion7();
            var (reservation, opened) = Opening.Decide(request, id, pool, network, weights, http.Caller().MemberId,
                now);
            poolStream.AppendOne(reservation);
            session.Events.StartStream<Round>(id, opened);
            await ScheduledClosing.Schedule(bus, networkId, opened);
            var response = await RoundResponses.Of(session, Round.Evolve(null, opened)!, cancellation);
            return Outcome.Created($"/networks/{networkId}/rounds/{id}", response);
        });


    /// <summary>
    /// Equal budgets go to every member at the opening, by-share budgets to every member holding a share of the
    /// round's scope as of the opening (the shares the distributions use).
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, decimal>> Weights(
        IDocumentSession session, IShareSource shares, Guid networkId, RoundRequest request, Instant now,
        CancellationToken cancellation)
    {
        if (request.Budget == BudgetRule.Equal)
            return (await MemberLabels.Load(session, null, cancellation)).Keys.ToDictionary(id => id, _ => 1m);
        var snapshot = await shares.AsOf(networkId, request.ProjectId, now, ShareLines.Bare, cancellation);
        return snapshot.Members.ToDictionary(m => m.MemberId, m => m.Share);
    }
}
