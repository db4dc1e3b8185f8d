using Marten;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

public static class GetProposalEndpoint
{
    [WolverineGet("/networks/{networkId}/proposals/{proposalId}")]
    [EndpointSummary("Get one proposal")]
    [EndpointDescription("Its change, positions, counts, whether it would pass if it closed now and why, and its " +
                         "outcome. 404 proposal-not-found.")]
    public static async Task<ProposalResponse> Get(
        Guid networkId, Guid proposalId, IQuerySession session, HttpContext http)
    {
        var proposal = await session.LoadAsync<Proposal>(proposalId, http.RequestAborted) 
            ?? throw ProposalResponses.NotFound(proposalId);
        var network = await session.LoadAsync<Network>(networkId, http.RequestAborted);
        return ProposalResponse.Of(proposal, network!.DepartedMembers());
    }
}
