using OpenValue.Domain.Money;

namespace OpenValue.Domain.Budgeting;

/// <summary>What one member has put into one bucket, net of what they took back.</summary>
public sealed record Funder(Guid MemberId, long AmountMinor);

/// <summary>A bucket as its events left it: its proposal, status, total and funders (in member-id order).</summary>
public sealed record Bucket(int Line, BucketProposed Proposal, BucketStatus Status, long TotalMinor,
    IReadOnlyList<Funder> Funders)
{
    public Guid Id => Proposal.BucketId;

    public long FundedBy(Guid memberId) => Funders.FirstOrDefault(f => f.MemberId == memberId)?.AmountMinor ?? 0;

    /// <summary>A member's funding changed by <paramref name="amountMinor"/>; a funder at zero is no longer
    /// one.</summary>
    public Bucket Plus(Guid memberId, long amountMinor)
    {
        var funded = checked(FundedBy(memberId) + amountMinor);
        IEnumerable<Funder> others = Funders.Where(f => f.MemberId != memberId);
        if (funded != 0) others = others.Append(new Funder(memberId, funded));
        return this with
        {
            TotalMinor = checked(TotalMinor + amountMinor),
            Funders = [.. others.OrderBy(f => f.MemberId, MemberIdOrder.Instance)],
        };
    }
}

/// <summary>
/// A round's write model: its opening exactly as recorded, its buckets in the order proposed, and its closing.
/// A member's allocated budget is what they put into buckets not cancelled; the rest of their budget remains.
/// </summary>
public sealed record Round(Guid Id, RoundOpened Opening, RoundStatus Status, IReadOnlyList<Bucket> Buckets,
    RoundClosed? Closing)
{
    public static Round? Evolve(Round? state, object @event) => (state, @event) switch
    {
        (null, RoundOpened e) => new Round(e.RoundId, e, RoundStatus.Open, [], null),
        (not null, BucketProposed e) => state with
        {
            Buckets = [.. state.Buckets, new Bucket(state.Buckets.Count + 1, e,
                state.Opening.BucketsNeedApproval ? BucketStatus.Proposed : BucketStatus.Open, 0, [])],
        },
        (not null, BucketApproved e) => state.With(e.BucketId, b => b with { Status = BucketStatus.Open }),
        (not null, BucketCancelled e) => state.With(e.BucketId, b => b with { Status = BucketStatus.Cancelled }),
        (not null, BucketFunded e) => state.With(e.BucketId, b => b.Plus(e.FundedBy, e.AmountMinor)),
        (not null, RoundClosed e) => state with
        {
            Status = RoundStatus.Closed,
            Closing = e,
            Buckets = [.. state.Buckets.Select(b => b.Status == BucketStatus.Cancelled ? b : b with
            {
                Status = e.Payouts.Any(p => p.BucketId == b.Id) ? BucketStatus.Funded : BucketStatus.Unfunded,
            })],
        },
        _ => state,
    };

    public Bucket? BucketOf(Guid bucketId) => Buckets.FirstOrDefault(b => b.Id == bucketId);

    /// <summary>The member's budget in this round; null for a member who has none (admitted after the
    /// opening).</summary>
    public long? BudgetOf(Guid memberId) => Opening.Budgets.FirstOrDefault(b => b.MemberId == memberId)?.AmountMinor;

    /// <summary>What the member has in buckets that are not cancelled.</summary>
    public long AllocatedBy(Guid memberId) =>
        Buckets.Where(b => b.Status != BucketStatus.Cancelled).Sum(b => b.FundedBy(memberId));

    public long RemainingOf(Guid memberId) => (BudgetOf(memberId) ?? 0) - AllocatedBy(memberId);

    /// <summary>
    /// What the round still takes from its pool: its whole amount while open, what it paid once closed.
    /// </summary>
    public long HeldMinor => Closing?.PaidMinor ?? Opening.AmountMinor;

    private Round With(Guid bucketId, Func<Bucket, Bucket> change) =>
        this with { Buckets = [.. Buckets.Select(b => b.Id == bucketId ? change(b) : b)] };
}
