using Marten.Events.Projections;

namespace OpenValue.Benchmarks.Network;

/// <summary>
/// A per-member read model over the stand-in events, shaped like the shares projection will be (one
/// document per member, updated by every claim and acceptance). Measurement 3 rebuilds it.
/// </summary>
public sealed class ContributionTotals
{
    public Guid Id { get; set; }
    public int Submitted { get; set; }
    public int Accepted { get; set; }
    public decimal Points { get; set; }
}

public sealed class ContributionTotalsProjection : MultiStreamProjection<ContributionTotals, Guid>
{
    public ContributionTotalsProjection()
    {
        Identity<ContributionSubmitted>(e => e.MemberId);
        Identity<ContributionAccepted>(e => e.MemberId);
    }

    public static ContributionTotals Create(ContributionSubmitted e) => new() { Id = e.MemberId, Submitted = 1 };

    public static void Apply(ContributionTotals view, ContributionSubmitted e) => view.Submitted++;

    public static void Apply(ContributionTotals view, ContributionAccepted e)
    {
        view.Accepted++;
        view.Points += e.Points;
    }
}
