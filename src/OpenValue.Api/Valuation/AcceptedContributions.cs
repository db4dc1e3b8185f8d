using Marten;
using OpenValue.Api.Contributions;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Valuation;

public static class AcceptedContributions
{
    /// <summary>
    /// Every accepted contribution of the session's network (optionally one project's) with the points it
    /// counts now. Simulation and revaluation read the whole history on purpose; they are rare, deliberate acts.
    /// </summary>
    public static async Task<IReadOnlyList<AcceptedContribution>> Load(IQuerySession session, Guid? projectId,
        CancellationToken cancellation)
    {
        var query = session.Query<ContributionView>().Where(v => v.Status == ContributionStatus.Accepted);
        if (projectId is { } project)
            query = query.Where(v => v.ProjectId == project);
        var views = await query.ToListAsync(cancellation);
        // A contribution forfeited by its author's departure stays accepted but counts nothing: not re-valued.
        // Filtered here, not in SQL: a view stored before forfeiture existed has no such field.
        return [.. views.Where(v => !v.Forfeited).Select(v => new AcceptedContribution(
            v.Id, v.MemberId, v.ProjectId, v.Kind, v.Quantity, v.Unit, v.DecidedAt!.Value, v.Points))];
    }
}
