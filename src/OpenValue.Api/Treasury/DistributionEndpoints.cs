using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Treasury;

public sealed record ProposeDistributionRequest(
    MoneyInput? Amount, string? Policy, string? ProjectId = null, string? AsOf = null, int? WindowDays = null);

public sealed record CancelDistributionRequest(string? Reason = null);

/// <summary>What an approval binds: nothing but the route, so the idempotency hash is the route's.</summary>
public sealed record ApproveDistributionRequest;

public static class DistributionEndpoints
{
    /// <summary>
    /// Reads the pool for writing first, then everything the decision depends on, and saves the reservation
    /// (on the pool stream) and the new distribution stream in one transaction. A treasurer who decided on
    /// the same pool version and saved first wins; the other gets 409 and nothing is kept.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions"), Allow(Role.Treasurer)]
    [EndpointSummary("Propose a distribution")]
    [EndpointDescription(
        "Splits an amount of a pool among members by a policy (pro-rata, balanced, recent); the lines sum exactly " +
        "to the amount. The amount is reserved in the pool at once.")]
    [ProducesResponseType<DistributionResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(
        Guid networkId, ProposeDistributionRequest body, HttpContext http, IDocumentSession session, IClock clock,
            Idempotency idempotency,
        IShareSource shareSource) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var cancellation = http.RequestAborted;
            var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
            var now = clock.GetCurrentInstant();
            var command = new ProposeDistribution(body.Amount, body.Policy, body.ProjectId, body.AsOf, body.WindowDays,
                http.Caller().MemberId);
            var request = Proposing.Validate(command, network, now);
            var poolStream = await PoolStreams.Fetch(session, DerivedIds.Pool(networkId, request.ProjectId),
                cancellation);
            var pool = poolStream.Aggregate ?? Pool.Empty(networkId, request.ProjectId, network.Currency);
            var shares = await DistributionStreams.SharesFor(shareSource, networkId, request, cancellation);
            var paidBefore = request.Policy == DistributionPolicy.Balanced
                ? await DistributionStreams.PaidBefore(session, pool.Id, cancellation)
                : new Dictionary<Guid, long>();

            var id = Guid.CreateVersion7();
            var (reservation, proposal) = Proposing.Decide(request, id, pool, network, shares, paidBefore, http.Caller()
                .MemberId, now);
            poolStream.AppendOne(reservation);
            session.Events.StartStream<Distribution>(id, proposal);
            var head = await Integrity.ChainAnchors.Record(session, id, cancellation);
            var response = await TreasuryResponses.Of(session, Distribution.Evolve(null, proposal)!,
                cancellation) with { ChainHead = head };
            return Outcome.Created($"/networks/{networkId}/distributions/{id}", response);
        });

    [WolverineGet("/networks/{networkId}/distributions/{distributionId}")]
    [EndpointSummary("Get a distribution")]
    [EndpointDescription("Its lines, the shares it used, status, policy, equation version and asOf.")]
    public static async Task<DistributionResponse> Get(Guid distributionId, IQuerySession session, HttpContext http) =>
        await TreasuryResponses.Of(session, await TreasuryResponses.Load(session, distributionId, http.RequestAborted),
            http.RequestAborted);

    /// <summary>
    /// A second approval is 409; send an Idempotency-Key to have a retry answered like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/approval"), Allow(Role.Treasurer)]
    [EndpointSummary("Approve a distribution")]
    [EndpointDescription("By a treasurer other than the proposer, when the network requires a second approval.")]
    [ProducesResponseType<DistributionResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Approve(Guid distributionId, HttpContext http, IDocumentSession session, IClock clock,
        Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, new ApproveDistributionRequest(), async () =>
        {
            var stream = await DistributionStreams.FetchExisting(session, distributionId, http.RequestAborted);
            var distribution = stream.Aggregate!;
            var network = await NetworkLookup.NetworkOf(session, distribution.Proposal.NetworkId, http.RequestAborted);
            var approver = await session.LoadAsync<MemberView>(http.Caller().MemberId, http.RequestAborted);
            var command = new ApproveDistribution(distributionId, http.Caller().MemberId);
            var vouchings = approver?.Vouchings ?? [];
            var events = Settling.Decide(command, distribution, vouchings, network.CoolingOff,
                clock.GetCurrentInstant());
            stream.AppendMany(events);
            var approved = events.Aggregate<object, Distribution?>(stream.Aggregate, Distribution.Evolve)!;
            return new Outcome(StatusCodes.Status200OK, null, await TreasuryResponses.Of(session, approved,
                http.RequestAborted));
        });

    /// <summary>
    /// Both streams are version-checked: a cancellation racing a payout or another reservation loses cleanly.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/cancellation"), Allow(Role.Treasurer)]
    [EndpointSummary("Cancel a distribution")]
    [EndpointDescription(
        "Before payout; the reserved amount returns to the pool. Cancelling a cancelled distribution changes " +
        "nothing.")]
    public static async Task<DistributionResponse> Cancel(
        Guid distributionId, CancelDistributionRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var stream = await DistributionStreams.FetchExisting(session, distributionId, http.RequestAborted);
        var (events, poolEvents) = Settling.Decide(new CancelDistribution(distributionId, body.Reason, http.Caller()
            .MemberId), stream.Aggregate!, clock.GetCurrentInstant());
        if (events.Length > 0)
        {
            stream.AppendMany(events);
            (await PoolStreams.Fetch(session, stream.Aggregate!.Proposal.PoolId, http.RequestAborted))
                .AppendMany(poolEvents);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        return await TreasuryResponses.Of(session, events.Aggregate(stream.Aggregate, Distribution.Evolve)!,
            http.RequestAborted);
    }
}
