using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

/// <param name="Reason">Required for block and disagree.</param>
public sealed record PositionRequest(string? Position, string? Reason = null);

public static class StatePositionEndpoint
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
    public static Task<ProposalResponse> State(
        Guid networkId, Guid proposalId, PositionRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var (proposals, networks) =
                await ProposalStreams.FetchWithNetwork(session, networkId, proposalId, http.RequestAborted);
            var network = networks.Aggregate!;
            var command = new StatePosition(http.Caller().MemberId, body.Position, body.Reason);
            var decision = Proposing.Decide(command, proposals.Aggregate!, network, now);
            proposals.AppendMany(decision.ProposalEvents);
            networks.AppendMany(decision.NetworkEvents);
            var after = decision.ProposalEvents.Aggregate(proposals.Aggregate, Proposal.Evolve)!;
            return ProposalResponse.Of(after, network.DepartedMembers());
        });
}
