using System.Collections.Immutable;
using NodaTime;

namespace OpenValue.Domain.Governance;

public sealed record StatedPosition(Position Position, string? Reason, Instant StatedAt);

/// <summary>How a closed proposal ended: its counts then, the rule's reason, and when.</summary>
public sealed record ProposalOutcome(ProposalCounts Counts, string? Why, bool Early, Instant ClosedAt);

/// <summary>The proposal's write model, folded by a plain pure <see cref="Evolve"/>.</summary>
public sealed record Proposal(
    Guid Id, Guid NetworkId, string Title, ProposalKind Kind, ChangeRequest Change, DecisionType DecisionType,
    IReadOnlyList<Guid> EligibleVoters, Instant ClosesAt, Guid ProposedBy, Instant ProposedAt)
{
    /// <summary>The latest position of each member who stated one.</summary>
    public ImmutableDictionary<Guid, StatedPosition> Positions { get; init; } =
        ImmutableDictionary<Guid, StatedPosition>.Empty;

    public ProposalStatus Status { get; init; } = ProposalStatus.Open;

    /// <summary>Null while open.</summary>
    public ProposalOutcome? Outcome { get; init; }

    public string? WithdrawalReason { get; init; }

    public bool IsOpen => Status == ProposalStatus.Open;

    public static Proposal? Evolve(Proposal? state, object @event) => (state, @event) switch
    {
        (null, ProposalMade e) => new Proposal(e.ProposalId, e.NetworkId, e.Title, e.Kind, e.Change, e.DecisionType,
            e.EligibleVoters, e.ClosesAt, e.ProposedBy, e.ProposedAt),
        (not null, PositionStated e) => state with
        {
            Positions = state.Positions.SetItem(e.MemberId, new StatedPosition(e.Position, e.Reason, e.StatedAt)),
        },
        (not null, ProposalPassed e) => state with
        {
            Status = ProposalStatus.Passed, Outcome = new ProposalOutcome(e.Counts, e.Why, e.Early, e.ClosedAt),
        },
        (not null, ProposalFailed e) => state with
        {
            Status = ProposalStatus.Failed, Outcome = new ProposalOutcome(e.Counts, e.Why, e.Early, e.ClosedAt),
        },
        (not null, ProposalWithdrawn e) => state with
        {
            Status = ProposalStatus.Withdrawn, Outcome = new ProposalOutcome(e.Counts, null, false, e.WithdrawnAt),
            WithdrawalReason = e.Reason,
        },
        _ => state,
    };
}
