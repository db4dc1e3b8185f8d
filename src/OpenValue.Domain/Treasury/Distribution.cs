namespace OpenValue.Domain.Treasury;

/// <summary>
/// A distribution's write model: the proposal exactly as recorded, and what happened to it since.
/// Status moves proposed → approved → paid, or to cancelled before payout; reversals and reissues only ever
/// follow payment. <see cref="Reissues"/> is not positional so that a document stored before reissues existed
/// reads as having none.
/// </summary>
public sealed record Distribution(
    Guid Id, DistributionProposed Proposal, DistributionStatus Status, DistributionApproved? Approval,
    DistributionCancelled? Cancellation, PayoutsIssued? Issue, IReadOnlyList<PayoutReversed> Reversals)
{
    public IReadOnlyList<PayoutReissued> Reissues { get; init; } = [];

    public static Distribution? Evolve(Distribution? state, object @event) => (state, @event) switch
    {
        (null, DistributionProposed e) => new Distribution(e.DistributionId, e,
            e.SecondApprovalRequired ? DistributionStatus.Proposed : DistributionStatus.Approved, null, null, null, []),
        (not null, DistributionApproved e) => state with { Status = DistributionStatus.Approved, Approval = e },
        (not null, DistributionCancelled e) => state with { Status = DistributionStatus.Cancelled, Cancellation = e },
        (not null, PayoutsIssued e) => state with { Status = DistributionStatus.Paid, Issue = e },
        (not null, PayoutReversed e) => state with { Reversals = [.. state.Reversals, e] },
        (not null, PayoutReissued e) => state with { Reissues = [.. state.Reissues, e] },
        _ => state,
    };

    /// <summary>Every payout made: those issued with the distribution in line order, then each reissue.</summary>
    public IReadOnlyList<Payout> Payouts => [.. Issue?.Payouts ?? [], .. Reissues.Select(r => r.AsPayout())];

    public bool IsReversed(Guid payoutId) => Reversals.Any(r => r.PayoutId == payoutId);

    /// <summary>The reissue that paid this payout again, if any.</summary>
    public PayoutReissued? ReissueOf(Guid payoutId) => Reissues.FirstOrDefault(r => r.ReissueOf == payoutId);

    /// <summary>Paid and not reversed, per member: what this distribution has actually given each member.</summary>
    public IEnumerable<(Guid MemberId, long AmountMinor)> Standing() =>
        Payouts.Where(p => !IsReversed(p.PayoutId)).Select(p => (p.MemberId, p.AmountMinor));

    /// <summary>
    /// What this distribution has committed to each member, for the balanced policy's "paid so far": the
    /// lines of a distribution still proposed or approved, the standing payouts of a paid one, nothing if cancelled.
    /// </summary>
    public IEnumerable<(Guid MemberId, long AmountMinor)> Committed() => Status switch
    {
        DistributionStatus.Proposed or DistributionStatus.Approved => Proposal.Lines.Select(l => (l.MemberId,
            l.AmountMinor)),
        DistributionStatus.Paid => Standing(),
        _ => [],
    };

    /// <summary>
    /// What this distribution still takes from its pool: its amount while proposed or approved, its standing
    /// payouts once paid, nothing once cancelled.
    /// </summary>
    public long HeldMinor => Status switch
    {
        DistributionStatus.Proposed or DistributionStatus.Approved => Proposal.AmountMinor,
        DistributionStatus.Paid => Standing().Sum(s => s.AmountMinor),
        _ => 0,
    };

    /// <summary>Every payout made, reissues included.</summary>
    public long PaidMinor => Payouts.Sum(p => p.AmountMinor);

    public long ReversedMinor => Reversals.Sum(r => r.AmountMinor);
}
