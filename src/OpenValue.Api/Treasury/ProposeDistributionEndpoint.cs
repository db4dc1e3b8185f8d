using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record ProposeDistributionRequest(
    MoneyInput? Amount, string? Policy, string? ProjectId = null, string? AsOf = null, int? WindowDays = null);

public static class ProposeDistributionEndpoint
{
    /// <summary>
    /// Reads the pool for writing first, then everything the decision depends on, and saves the reservation
    /// (on the pool stream) and the new distribution stream in one transaction. A treasurer who decided on
    /// the same pool version and saved first wins; the other gets 409 and nothing is kept.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions"), Allow(Role.Treasurer), Idempotent]
    [EndpointSummary("Propose a distribution")]
    [EndpointDescription(
        "Splits an amount of a pool among members by a policy (pro-rata, balanced, recent); the lines sum exactly " +
        "to the amount. The amount is reserved in the pool at once.")]
    [ProducesResponseType<DistributionResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(Guid networkId, ProposeDistributionRequest body, HttpContext http,
        IDocumentSession session, IShareSource shareSource) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var network = await NetworkLookup.ForMoney(session, networkId, cancellation);
            var proposer = http.Caller().MemberId;
            var request = Proposing.Validate(new ProposeDistribution(body.Amount, body.Policy, body.ProjectId,
                body.AsOf, body.WindowDays, proposer), network, now);
            var poolStream = await PoolStreams.Fetch(session, DerivedIds.Pool(networkId, request.ProjectId),
                cancellation);
            var pool = poolStream.Aggregate ?? Pool.Empty(networkId, request.ProjectId, network.Currency);
            var shares = await DistributionStreams.SharesFor(shareSource, networkId, request, cancellation);
            var paidBefore = request.Policy == DistributionPolicy.Balanced
                ? await DistributionStreams.PaidBefore(session, pool.Id, cancellation)
                : new Dictionary<Guid, long>();

            var id = Guid.CreateVersion7();
            var (reservation, proposal) =
                Proposing.Decide(request, id, pool, network, shares, paidBefore, proposer, now);
            poolStream.AppendOne(reservation);
            session.Events.StartStream<Distribution>(id, proposal);
            var head = await Integrity.ChainAnchors.Record(session, id, cancellation);
            var response = await TreasuryResponses.Of(session, Distribution.Evolve(null, proposal)!, cancellation)
                with { ChainHead = head };
            return Outcome.Created($"/networks/{networkId}/distributions/{id}", response);
        });
}
