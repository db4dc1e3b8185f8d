using NodaTime;

namespace OpenValue.Domain.Budgeting;

// Round streams: one per co-budgeting round, id = round id. Every amount is an integer of the currency's minor
// units; the currency is the network's.

/// <summary>How a round gives out its amount. Wire names: equal, by-share.</summary>
public enum BudgetRule
{
    Equal,
    ByShare,
}

/// <summary>
/// One member's budget in a round: <c>Weight</c> is what the split used (1 for equal budgets, the member's share
/// as of the opening for by-share budgets).
/// </summary>
public sealed record MemberBudget(Guid MemberId, long AmountMinor, decimal Weight);

/// <summary>
/// A treasurer opened a round funded from a pool (its amount is reserved there by <see cref="RoundReserved"/>),
/// giving each member a budget; the budgets sum exactly to the amount. <c>CapPerBucketMinor</c> null: no cap on
/// what one member may put into one bucket.
/// </summary>
public sealed record RoundOpened(
    Guid RoundId, Guid NetworkId, Guid? ProjectId, Guid PoolId, string Title, long AmountMinor, string Currency,
    BudgetRule Budget, Instant OpensAt, Instant ClosesAt, long? CapPerBucketMinor, bool BucketsNeedApproval,
    IReadOnlyList<MemberBudget> Budgets, Guid OpenedBy, Instant OpenedAt);

/// <summary>A member proposed a bucket: something the round's money could fund, between two goals.</summary>
public sealed record BucketProposed(
    Guid RoundId, Guid BucketId, string Title, string? Description, long MinGoalMinor, long MaxGoalMinor,
    string Currency, Guid ProposedBy, Instant ProposedAt);

/// <summary>A steward approved a bucket of a round whose buckets need approval: members may fund it now.</summary>
public sealed record BucketApproved(Guid RoundId, Guid BucketId, Guid ApprovedBy, Instant ApprovedAt);

/// <summary>
/// Its owner or a steward cancelled a bucket. What members had put in stays on record, and counts again as their
/// unspent budget.
/// </summary>
public sealed record BucketCancelled(Guid RoundId, Guid BucketId, string? Reason, Guid CancelledBy,
    Instant CancelledAt);

/// <summary>A member moved budget into a bucket (a negative amount: took it back out).</summary>
public sealed record BucketFunded(
    Guid RoundId, Guid BucketId, long AmountMinor, string Currency, Guid FundedBy, Instant FundedAt);

/// <summary>
/// One funded bucket paid to its owner. <c>Line</c> is the bucket's number in the round (1 for the first proposed),
/// which the payout id and reference derive from.
/// </summary>
public sealed record BucketPayout(Guid PayoutId, int Line, Guid BucketId, Guid MemberId, long AmountMinor,
    string Reference);

/// <summary>
/// The round closed, once: every bucket at or above its minimum is funded and paid to its owner, the rest of the
/// amount (unspent budgets, unfunded and cancelled buckets) goes back to the pool. <c>PaidMinor</c> +
/// <c>ReturnedMinor</c> is the round's amount. <c>ClosedBy</c> is null when the scheduled closing at the end of the
/// window closed it.
/// </summary>
public sealed record RoundClosed(
    Guid RoundId, IReadOnlyList<BucketPayout> Payouts, long PaidMinor, long ReturnedMinor, string Currency,
    Guid? ClosedBy, Instant ClosedAt);

// Pool streams (see Treasury.Pool): a round's amount set aside, and settled at its closing.

/// <summary>A round opened on this pool set its amount aside: it can't be promised twice.</summary>
public sealed record RoundReserved(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid RoundId, long AmountMinor, string Currency, Guid ReservedBy,
    Instant ReservedAt);

/// <summary>
/// A closed round's reservation settled: <c>PaidMinor</c> left the pool as payouts to bucket owners,
/// <c>ReturnedMinor</c> is undistributed again (echoes <see cref="RoundClosed"/>).
/// </summary>
public sealed record RoundSettled(
    Guid PoolId, Guid NetworkId, Guid? ProjectId, Guid RoundId, long PaidMinor, long ReturnedMinor, string Currency,
    Guid? SettledBy, Instant SettledAt);

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// proposed (waiting for a steward's approval), open (members may fund it), cancelled, and at the round's closing
/// funded (paid to its owner) or unfunded (below its minimum; its money went back to the pool).
/// </summary>
public enum BucketStatus
{
    Proposed,
    Open,
    Cancelled,
    Funded,
    Unfunded,
}
