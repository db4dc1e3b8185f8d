using NodaTime;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Treasury;

// Pool streams: one per scope (the network's own income, and each project's), id from PoolIds.Of.
// Every amount is an integer of the currency's minor units; the currency is the network's.

/// <summary>Money came in. <c>ProjectId</c> null is the network's own pool.</summary>
public sealed record IncomeRecorded(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid IncomeId, long AmountMinor, string Currency, IncomeSource Source,
    LocalDate ReceivedOn, string? Note, Guid RecordedBy, Instant RecordedAt);

/// <summary>A proposed distribution set its amount aside: it can't be promised twice.</summary>
public sealed record DistributionReserved(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid DistributionId, long AmountMinor, string Currency,
        Guid ReservedBy, Instant ReservedAt);

/// <summary>A cancelled distribution gave its reservation back.</summary>
public sealed record DistributionReleased(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid DistributionId, long AmountMinor, string Currency,
        Guid ReleasedBy, Instant ReleasedAt);

/// <summary>A reversed payout's money is back in the pool.</summary>
public sealed record PayoutReturned(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid DistributionId, Guid PayoutId, long AmountMinor, string Currency,
    string Reason, Guid ReturnedBy, Instant ReturnedAt);

/// <summary>
/// A compensating event: income recorded in error (twice, or money that never arrived) leaves the pool. The
/// <c>IncomeRecorded</c> stays; the pool's net income drops by the amount.
/// </summary>
public sealed record IncomeReversed(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid IncomeId, long AmountMinor, string Currency, string Reason,
    Guid ReversedBy, Instant ReversedAt);

/// <summary>
/// A reversed payout paid again: its money leaves the pool once more (echoes <see cref="PayoutReissued"/>).
/// </summary>
public sealed record PayoutRedrawn(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid DistributionId, Guid PayoutId, Guid ReissueOf, long AmountMinor,
    string Currency, Guid DrawnBy, Instant DrawnAt);

// Distribution streams: one per distribution, id = distribution id.

/// <summary>One member's share as a distribution used it: the snapshot that makes the lines recomputable.</summary>
public sealed record ShareUsed(Guid MemberId, decimal Points, decimal Share);

/// <summary>One line: line numbers count from 1 in member-id order (see MemberIdOrder).</summary>
public sealed record ProposedLine(int Line, Guid MemberId, long AmountMinor, decimal Points, string Explanation);

/// <summary>
/// Everything needed to recompute the lines to the minor unit without the rest of the ledger: the policy,
/// the moment, the shares used and, for balanced, what each member had been paid before in this pool.
/// <c>SecondApprovalRequired</c> is the four-eyes rule as it stood when proposed; without it the
/// distribution is approved from the start.
/// </summary>
public sealed record DistributionProposed(
    Guid DistributionId, Guid NetworkId, Guid? ProjectId, Guid PoolId, long AmountMinor, string Currency,
    DistributionPolicy Policy, Instant AsOf, int? WindowDays, int? EquationVersion, decimal TotalPoints,
    IReadOnlyList<ShareUsed> Shares, IReadOnlyDictionary<Guid, long> PaidBefore, IReadOnlyList<ProposedLine> Lines,
    bool SecondApprovalRequired, Guid ProposedBy, Instant ProposedAt);

public sealed record DistributionApproved(Guid DistributionId, Guid ApprovedBy, Instant ApprovedAt);

public sealed record DistributionCancelled(Guid DistributionId, string? Reason, Guid CancelledBy, Instant CancelledAt);

/// <summary>One payout: a positive line made payable, with a stable id and a reference for the bank transfer.</summary>
public sealed record Payout(Guid PayoutId, int Line, Guid MemberId, long AmountMinor, string Reference);

/// <summary>The one transition approved → paid: every positive line becomes a payout, all at once.</summary>
public sealed record PayoutsIssued(Guid DistributionId, IReadOnlyList<Payout> Payouts, Guid IssuedBy, Instant IssuedAt);

/// <summary>
/// A compensating event: the payout did not stand (a bounced transfer, a mistake); its money returns to the pool.
/// </summary>
public sealed record PayoutReversed(Guid DistributionId, Guid PayoutId, Guid MemberId, long AmountMinor, string Reason,
    Guid ReversedBy, Instant ReversedAt);

/// <summary>
/// A reversed payout paid again on its own, as a new payout (<c>PayoutId</c>, derived from the one it replaces,
/// with its own reference) of the same member, line and amount. Each payout is reissued at most once.
/// </summary>
public sealed record PayoutReissued(
    Guid DistributionId, Guid PayoutId, Guid ReissueOf, int Line, Guid MemberId, long AmountMinor, string Reference,
    Guid IssuedBy, Instant IssuedAt)
{
    public Payout AsPayout() => new(PayoutId, Line, MemberId, AmountMinor, Reference);
}

/// <summary>Where income came from. Wire names: sale, licence-fee, grant, donation, service, other.</summary>
public enum IncomeSource
{
    Sale,
    LicenceFee,
    Grant,
    Donation,
    Service,
    Other,
}

public enum DistributionStatus
{
    Proposed,
    Approved,
    Paid,
    Cancelled,
}
