using Marten;
using OpenValue.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

/// <param name="Reason">Required for block and disagree.</param>
public sealed record PositionRequest(string? Position, string? Reason = null);

public sealed record WithdrawalRequest(string? Reason = null);

public static class PositionEndpoints
{
    /// <summary>
    /// Decided on the proposal stream's version (two positions racing: one is 409 and retries). The last position
    /// that completes the vote closes the proposal in the same transaction, with its change on the network stream.
    /// </summary>
    [WolverinePost("/networks/{networkId}/proposals/{proposalId}/positions")]
    [EndpointSummary("State a position")]
    [EndpointDescription(
        "agree, abstain, disagree or block (disagree and block need a reason); stating again changes it until the " +
        "proposal closes. 403 not-eligible for a member admitted after the proposal; 409 proposal-closed. When " +
        "every eligible voter has stated a position, the proposal closes at once.")]
    [ProducesResponseType<ProposalResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static async Task<ProposalResponse> State(
        Guid networkId, Guid proposalId, PositionRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var (proposals, networks) = await Fetch(session, networkId, proposalId, http.RequestAborted);
        var network = networks.Aggregate!;
        var command = new StatePosition(http.Caller().MemberId, body.Position, body.Reason);
        var decision = Proposing.Decide(command, proposals.Aggregate!, network, clock.GetCurrentInstant());
        proposals.AppendMany(decision.ProposalEvents);
        networks.AppendMany(decision.NetworkEvents);
        await session.SaveChangesAsync(http.RequestAborted);
        var after = decision.ProposalEvents.Aggregate(proposals.Aggregate, Proposal.Evolve)!;
        return ProposalResponse.Of(after, network.DepartedMembers());
    }

    [WolverinePost("/networks/{networkId}/proposals/{proposalId}/withdrawal")]
    [EndpointSummary("Withdraw a proposal")]
    [EndpointDescription("By its proposer, while it is open; nothing changes. 403 proposer-only; 409 proposal-closed.")]
    [ProducesResponseType<ProposalResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static async Task<ProposalResponse> Withdraw(
        Guid networkId, Guid proposalId, WithdrawalRequest body, HttpContext http, IDocumentSession session,
        IClock clock)
    {
        var (proposals, networks) = await Fetch(session, networkId, proposalId, http.RequestAborted);
        var command = new WithdrawProposal(http.Caller().MemberId, body.Reason);
        var withdrawn = Proposing.Decide(command, proposals.Aggregate!, networks.Aggregate!, clock.GetCurrentInstant());
        proposals.AppendOne(withdrawn);
        await session.SaveChangesAsync(http.RequestAborted);
        return ProposalResponse.Of(Proposal.Evolve(proposals.Aggregate, withdrawn)!,
            networks.Aggregate!.DepartedMembers());
    }

    private static async Task<(JasperFx.Events.IEventStream<Proposal>, JasperFx.Events.IEventStream<Network>)> Fetch(
        IDocumentSession session, Guid networkId, Guid proposalId, CancellationToken cancellation)
    {
        var proposals = await session.Events.FetchForWriting<Proposal>(proposalId, cancellation);
        if (proposals.Aggregate is null)
            throw ProposalResponses.NotFound(proposalId);
        return (proposals, await session.Events.FetchForWriting<Network>(networkId, cancellation));
    }
}
