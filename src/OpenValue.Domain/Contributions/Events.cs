using NodaTime;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Contributions;

// The contribution stream: one claim by one member and its review. Stream id = contribution id.

/// <summary>A member claims a contribution. <c>MemberId</c> is the author, who is also the one submitting.</summary>
public sealed record ContributionSubmitted(
    Guid ContributionId, Guid MemberId, string Kind, decimal Quantity, string Unit, LocalDate OccurredOn,
    string Description, string? EvidenceUrl, Guid? ProjectId, Instant SubmittedAt);

/// <summary>
/// The author replaces the claim's details; allowed before any review or after changes were requested.
/// </summary>
public sealed record ContributionAmended(
    Guid ContributionId, string Kind, decimal Quantity, string Unit, LocalDate OccurredOn,
    string Description, string? EvidenceUrl, Guid? ProjectId, Guid AmendedBy, Instant AmendedAt);

public sealed record ContributionWithdrawn(Guid ContributionId, Guid WithdrawnBy, Instant WithdrawnAt);

/// <summary>
/// One reviewer's verdict in one round of review (a round starts at submission and at each amendment).
/// </summary>
public sealed record ContributionReviewed(
    Guid ContributionId, Guid ReviewerId, Verdict Verdict, string? Reason, int Round, Instant ReviewedAt);

/// <summary>
/// The review policy was met. It repeats the claim as accepted so that valuation can work from this event
/// alone. <c>ApprovalsRequired</c> is the quorum that was in force when the deciding approval came in.
/// <c>Points</c> and <c>EquationVersion</c> are what the value equation in force at that moment gave, with
/// every input in <c>Valuation</c>; all three are null when the network had adopted no equation yet.
/// </summary>
public sealed record ContributionAccepted(
    Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, decimal Quantity, string Unit,
        LocalDate OccurredOn,
    int ApprovalsRequired, decimal? Points, int? EquationVersion, PointsValuation? Valuation, Instant AcceptedAt);

/// <summary>
/// A compensating event: an accepted contribution's points were re-valued under <c>EquationVersion</c>, on a
/// steward's explicit request with a reason. The past is not edited; from <c>CorrectedAt</c> on the
/// contribution counts <c>Points</c> instead of <c>PreviousPoints</c> (null previous points: it had none).
/// <c>AcceptedAt</c> repeats when the contribution was accepted, from which its points decay.
/// </summary>
public sealed record ContributionValueCorrected(
    Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, Instant AcceptedAt, decimal? PreviousPoints,
        decimal Points,
    int EquationVersion, PointsValuation Valuation, string Reason, Guid CorrectedBy, Instant CorrectedAt);

public sealed record ContributionRejected(Guid ContributionId, string Reason, Guid RejectedBy, Instant RejectedAt);

/// <summary>
/// A compensating event: a steward revoked the contribution's acceptance, with a reason. From
/// <c>RevokedAt</c> on it counts no points; shares as of earlier moments keep the <c>Points</c> it counted until
/// then (null: it had none). <c>AcceptedAt</c> repeats when it was accepted, from which those points decayed.
/// </summary>
public sealed record ContributionAcceptanceRevoked(
    Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, Instant AcceptedAt, decimal? Points,
    string Reason, Guid RevokedBy, Instant RevokedAt);

/// <summary>The author appealed the rejection: round <c>Round</c> of review starts, open to every reviewer.</summary>
public sealed record ContributionAppealed(Guid ContributionId, string Reason, int Round, Guid AppealedBy,
    Instant AppealedAt);

/// <summary>
/// A member appealed an acceptance, asking the stewards to revoke it. Nothing about the points changes until a
/// steward revokes the acceptance (which answers every open request) or leaves it standing.
/// </summary>
public sealed record ContributionRevocationRequested(
    Guid ContributionId, string Reason, Guid RequestedBy, Instant RequestedAt);

/// <summary>
/// The author left the network under terms that do not keep this kind: from <c>From</c> on the contribution
/// counts none of the <c>Points</c> it counted. Recorded with the departure (same transaction, same actor).
/// </summary>
public sealed record ContributionForfeited(
    Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, Instant AcceptedAt, decimal Points,
    Networks.LeaverTerms Terms, Instant From, Guid ForfeitedBy, Instant ForfeitedAt);

public enum Verdict
{
    Approve,
    Reject,
    RequestChanges,
}

public enum ContributionStatus
{
    Submitted,
    ChangesRequested,
    Accepted,
    Rejected,
    Withdrawn,
    Revoked,
}
