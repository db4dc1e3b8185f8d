using NodaTime;

namespace OpenValue.Domain.Governance;

// The proposal stream (stream id = proposal id): the proposal, the positions stated on it and its outcome.
// A passed proposal's change is appended to the network stream in the same transaction, citing the proposal.

/// <summary>
/// A member proposed a change. <c>EligibleVoters</c> are the members at that moment: members admitted later
/// have no vote. <c>Change</c> is the request as the direct route takes it, checked when it was proposed.
/// </summary>
public sealed record ProposalMade(
    Guid NetworkId, Guid ProposalId, string Title, ProposalKind Kind, ChangeRequest Change, DecisionType DecisionType,
    IReadOnlyList<Guid> EligibleVoters, Instant ClosesAt, Guid ProposedBy, Instant ProposedAt);

/// <summary>An eligible member stated (or changed) their position; a block or a disagreement gives a reason.</summary>
public sealed record PositionStated(
    Guid NetworkId, Guid ProposalId, Guid MemberId, Position Position, string? Reason, Instant StatedAt);

/// <summary>The counts a proposal closed with; only the positions of voters who still count.</summary>
public sealed record ProposalCounts(int Eligible, int Stated, int Agree, int Abstain, int Disagree, int Block);

/// <summary>
/// The proposal passed under its decision type (<c>Why</c> names the rule and the numbers), at its deadline or
/// early (<c>Early</c>: every eligible voter had stated a position). Its change was appended with it.
/// </summary>
public sealed record ProposalPassed(
    Guid NetworkId, Guid ProposalId, ProposalCounts Counts, string Why, bool Early, Instant ClosedAt);

/// <summary>The proposal failed under its decision type; nothing changed.</summary>
public sealed record ProposalFailed(
    Guid NetworkId, Guid ProposalId, ProposalCounts Counts, string Why, bool Early, Instant ClosedAt);

/// <summary>The proposer withdrew the proposal before it closed; nothing changed.</summary>
public sealed record ProposalWithdrawn(
    Guid NetworkId, Guid ProposalId, ProposalCounts Counts, string? Reason, Guid WithdrawnBy, Instant WithdrawnAt);
