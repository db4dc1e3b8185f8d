using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

public static class ListProposalsEndpoint
{
    [WolverineGet("/networks/{networkId}/proposals")]
    [EndpointSummary("List proposals")]
    [EndpointDescription("Newest first, a page at a time, each with its counts and whether it would pass now; " +
                         "filter by status.")]
    public static async Task<ProposalPage> List(
        Guid networkId, string? status, string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        IQueryable<Proposal> query = session.Query<Proposal>();
        if (!string.IsNullOrEmpty(status))
        {
            var only = Statuses.Parse<ProposalStatus>(status, "status");
            query = query.Where(p => p.Status == only);
        }
        var proposals = await query.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id)
            .Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(http.RequestAborted);
        var departed = (await session.LoadAsync<Network>(networkId, http.RequestAborted))!.DepartedMembers();
        return new ProposalPage([.. proposals.Select(p => ProposalResponse.Summary(p, departed))], wanted.Number,
            wanted.Size, stats.TotalResults);
    }
}
