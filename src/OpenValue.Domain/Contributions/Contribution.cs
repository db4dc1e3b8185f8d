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
    Guid Id, Guid MemberId, Claim Submitted, Claim Current, ContributionStatus Status, int Round,
        ImmutableList<ReviewCast> Reviews)
{
    /// <summary>The points it counts now (after corrections; 0 once forfeited); null before valuation.</summary>
    public decimal? Points { get; init; }

    /// <summary>When it was accepted (its points decay from then); null before.</summary>
    public Instant? AcceptedAt { get; init; }

    /// <summary>The last instant its points changed in the ledger (acceptance or correction).</summary>
    public Instant? PointsChangedAt { get; init; }

    /// <summary>Its author left under terms that do not keep its kind.</summary>
    public bool Forfeited { get; init; }

    /// <summary>Members whose request to revoke the acceptance is still open.</summary>
    public ImmutableHashSet<Guid> RevocationRequestedBy { get; init; } = [];

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
        (not null, ContributionAccepted e) => state with
        {
            Status = ContributionStatus.Accepted, Points = e.Points, AcceptedAt = e.AcceptedAt,
            PointsChangedAt = e.AcceptedAt,
        },
        (not null, ContributionRejected) => state with { Status = ContributionStatus.Rejected },
        (not null, ContributionWithdrawn) => state with { Status = ContributionStatus.Withdrawn },
        _ => state is null ? null : EvolveCorrections(state, @event),
    };

    private static Contribution EvolveCorrections(Contribution state, object @event) => @event switch
    {
        ContributionValueCorrected e => state with { Points = e.Points, PointsChangedAt = e.CorrectedAt },
        ContributionAcceptanceRevoked => state with
        {
            Status = ContributionStatus.Revoked, Points = 0m, RevocationRequestedBy = [],
        },
        ContributionAppealed e => state with { Status = ContributionStatus.Submitted, Round = e.Round },
        ContributionRevocationRequested e => state with
        {
            RevocationRequestedBy = state.RevocationRequestedBy.Add(e.RequestedBy),
        },
        ContributionForfeited => state with { Points = 0m, Forfeited = true },
        _ => state,
    };

    public IEnumerable<ReviewCast> ThisRound => Reviews.Where(r => r.Round == Round);

    public int ApprovalsThisRound => ThisRound.Count(r => r.Verdict == Verdict.Approve);

    /// <summary>
    /// Accepted, rejected, withdrawn and revoked are final for its author's claim: only the compensating steps
    /// (an appeal of a rejection, a steward's revocation of an acceptance) move a contribution out of them.
    /// </summary>
    public bool IsFinal => Status is ContributionStatus.Accepted or ContributionStatus.Rejected
        or ContributionStatus.Withdrawn or ContributionStatus.Revoked;

    public static ContributionSubmitted Submission(Guid id, Guid memberId, Claim c, Instant now) =>
        new(id, memberId, c.Kind, c.Quantity, c.Unit, c.OccurredOn, c.Description, c.EvidenceUrl, c.ProjectId, now);

    private static Claim ClaimOf(ContributionSubmitted e) =>
        new(e.Kind, e.Quantity, e.Unit, e.OccurredOn, e.Description, e.EvidenceUrl, e.ProjectId);
}
