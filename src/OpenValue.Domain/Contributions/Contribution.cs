using System.Collections.Immutable;
using NodaTime;

namespace OpenValue.Domain.Contributions;

public sealed record ReviewCast(Guid ReviewerId, Verdict Verdict, int Round);

/// <summary>
/// The contribution's write model. <see cref="Submitted"/> keeps the claim as first submitted, which is
/// what a retried submission with the same id is compared against; <see cref="Current"/> is the claim now.
/// A round of review starts at submission and again at each amendment after changes were requested.
/// </summary>
public sealed record Contribution(
    Guid Id, Guid MemberId, Claim Submitted, Claim Current, ContributionStatus Status, int Round, ImmutableList<ReviewCast> Reviews)
{
    public static Contribution? Evolve(Contribution? state, object @event) => (state, @event) switch
    {
        (null, ContributionSubmitted e) => new Contribution(e.ContributionId, e.MemberId, ClaimOf(e), ClaimOf(e),
            ContributionStatus.Submitted, 1, []),
        (not null, ContributionAmended e) => state with
        {
            Current = new Claim(e.Kind, e.Quantity, e.Unit, e.OccurredOn, e.Description, e.EvidenceUrl, e.ProjectId),
            Status = ContributionStatus.Submitted,
            Round = state.Status == ContributionStatus.ChangesRequested ? state.Round + 1 : state.Round,
        },
        (not null, ContributionReviewed e) => state with
        {
            Reviews = state.Reviews.Add(new ReviewCast(e.ReviewerId, e.Verdict, e.Round)),
            Status = e.Verdict == Verdict.RequestChanges ? ContributionStatus.ChangesRequested : state.Status,
        },
        (not null, ContributionAccepted) => state with { Status = ContributionStatus.Accepted },
        (not null, ContributionRejected) => state with { Status = ContributionStatus.Rejected },
        (not null, ContributionWithdrawn) => state with { Status = ContributionStatus.Withdrawn },
        _ => state,
    };

    public IEnumerable<ReviewCast> ThisRound => Reviews.Where(r => r.Round == Round);

    public int ApprovalsThisRound => ThisRound.Count(r => r.Verdict == Verdict.Approve);

    /// <summary>Accepted, rejected and withdrawn are final: nothing moves a contribution out of them.</summary>
    public bool IsFinal => Status is ContributionStatus.Accepted or ContributionStatus.Rejected or ContributionStatus.Withdrawn;

    public static ContributionSubmitted Submission(Guid id, Guid memberId, Claim c, Instant now) =>
        new(id, memberId, c.Kind, c.Quantity, c.Unit, c.OccurredOn, c.Description, c.EvidenceUrl, c.ProjectId, now);

    private static Claim ClaimOf(ContributionSubmitted e) =>
        new(e.Kind, e.Quantity, e.Unit, e.OccurredOn, e.Description, e.EvidenceUrl, e.ProjectId);
}
