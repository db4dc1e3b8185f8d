using Marten;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

/// <summary>A distribution in a list: what it is and where it stands, without its lines (GET one for those).</summary>
public sealed record DistributionSummary(
    Guid DistributionId, DistributionStatus Status, DistributionPolicy Policy, Guid? ProjectId, int? EquationVersion,
    Instant AsOf, MoneyResponse Amount, Guid ProposedBy, Instant ProposedAt);

public sealed record DistributionPage(
    IReadOnlyList<DistributionSummary> Items, int Page, int PageSize, long TotalCount);

public static class DistributionList
{
    /// <summary>
    /// The fields a summary shows, selected in the database: a distribution over 100,000 members is tens of MB whole.
    /// </summary>
    private sealed record Row(
        Guid Id, DistributionStatus Status, DistributionPolicy Policy, Guid? ProjectId, int? EquationVersion,
        Instant AsOf, long AmountMinor, string Currency, Guid ProposedBy, Instant ProposedAt)
    {
        public DistributionSummary Summary() => new(Id, Status, Policy, ProjectId, EquationVersion, AsOf,
            MoneyResponse.Of(AmountMinor, Currency), ProposedBy, ProposedAt);
    }

    /// <summary>Newest first: distribution ids are version-7 UUIDs, ordered by the moment they were proposed.</summary>
    [WolverineGet("/networks/{networkId}/distributions")]
    [EndpointSummary("List distributions")]
    [EndpointDescription("Newest first, a page at a time, without their lines; filter by status.")]
    public static async Task<DistributionPage> List(
        string? status, string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        IQueryable<Distribution> query = session.Query<Distribution>();
        if (!string.IsNullOrEmpty(status))
        {
            var only = Statuses.Parse<DistributionStatus>(status, "status");
            query = query.Where(d => d.Status == only);
        }
        var rows = await query.OrderByDescending(d => d.Id).Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size)
            .Select(d => new Row(d.Id, d.Status, d.Proposal.Policy, d.Proposal.ProjectId, d.Proposal.EquationVersion,
                d.Proposal.AsOf, d.Proposal.AmountMinor, d.Proposal.Currency, d.Proposal.ProposedBy,
                d.Proposal.ProposedAt))
            .ToListAsync(http.RequestAborted);
        return new DistributionPage([.. rows.Select(r => r.Summary())], wanted.Number, wanted.Size, stats.TotalResults);
    }
}
