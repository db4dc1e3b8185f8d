using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

public sealed record WithdrawalRequest(string? Reason = null);

public static class WithdrawProposalEndpoint
{
    [WolverinePost("/networks/{networkId}/proposals/{proposalId}/withdrawal")]
    [EndpointSummary("Withdraw a proposal")]
    [EndpointDescription("By its proposer, while it is open; nothing changes. 403 proposer-only; 409 proposal-closed.")]
    [ProducesResponseType<ProposalResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<ProposalResponse> Withdraw(
        Guid networkId, Guid proposalId, WithdrawalRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var (proposals, networks) =
                await ProposalStreams.FetchWithNetwork(session, networkId, proposalId, http.RequestAborted);
            var command = new WithdrawProposal(http.Caller().MemberId, body.Reason);
            var withdrawn = Proposing.Decide(command, proposals.Aggregate!, networks.Aggregate!, now);
            proposals.AppendOne(withdrawn);
            return ProposalResponse.Of(Proposal.Evolve(proposals.Aggregate, withdrawn)!,
                networks.Aggregate!.DepartedMembers());
        });
}
