using Marten;
using NodaTime;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Treasury;

/// <summary>
/// What the ledger and an income reversal need of a distribution, selected in the database: its pool, status,
/// amount, payouts, reversals and reissues, and when each happened. Its lines, shares and explanations (tens of
/// MB at 100,000 members) play no part. Collections are null in documents stored before they existed.
/// </summary>
public sealed record DistributionMoney(
    Guid Id, Guid PoolId, DistributionStatus Status, long AmountMinor, Instant ProposedAt, Instant? CancelledAt,
    Instant? IssuedAt, IReadOnlyList<Payout>? Issued, IReadOnlyList<PayoutReversed>? Reversals,
    IReadOnlyList<PayoutReissued>? Reissues)
{
    public static Task<IReadOnlyList<DistributionMoney>> Load(
        IQuerySession session, Guid? poolId, CancellationToken cancellation)
    {
        IQueryable<Distribution> query = session.Query<Distribution>();
        if (poolId is { } only)
            query = query.Where(d => d.Proposal.PoolId == only);
        return query.Select(d => new DistributionMoney(d.Id, d.Proposal.PoolId, d.Status, d.Proposal.AmountMinor,
                d.Proposal.ProposedAt, d.Cancellation!.CancelledAt, d.Issue!.IssuedAt, d.Issue!.Payouts, d.Reversals,
                d.Reissues))
            .ToListAsync(cancellation);
    }

    /// <summary>Every payout made, reissues included (as <see cref="Distribution.Payouts"/>).</summary>
    public IEnumerable<Payout> Payouts => (Issued ?? []).Concat((Reissues ?? []).Select(r => r.AsPayout()));

    public long PaidMinor => Payouts.Sum(p => p.AmountMinor);

    public long ReversedMinor => Reversals?.Sum(r => r.AmountMinor) ?? 0;

    /// <summary>Paid and not reversed, per member (as <see cref="Distribution.Standing"/>).</summary>
    public IEnumerable<(Guid MemberId, long AmountMinor)> Standing() =>
        Payouts.Where(p => Reversals?.Any(r => r.PayoutId == p.PayoutId) != true)
            .Select(p => (p.MemberId, p.AmountMinor));

    /// <summary>What it still takes from its pool (as <see cref="Distribution.HeldMinor"/>).</summary>
    public long HeldMinor => Status switch
    {
        DistributionStatus.Proposed or DistributionStatus.Approved => AmountMinor,
        DistributionStatus.Paid => Standing().Sum(s => s.AmountMinor),
        _ => 0,
    };

    public PoolHolding Holding => new(Id, ProposedAt, HeldMinor);

    /// <summary>
    /// This distribution as it stood at <paramref name="moment"/>, by the instants its own events record; null if
    /// it was proposed later. Approval is not told apart: the ledger counts proposed and approved alike.
    /// </summary>
    public DistributionMoney? AsOf(Instant moment)
    {
        if (ProposedAt > moment)
            return null;
        var issued = IssuedAt <= moment;
        var status = CancelledAt <= moment ? DistributionStatus.Cancelled
            : issued ? DistributionStatus.Paid
            : DistributionStatus.Approved;
        return this with
        {
            Status = status,
            Issued = issued ? Issued : null,
            Reversals = [.. (Reversals ?? []).Where(r => r.ReversedAt <= moment)],
            Reissues = [.. (Reissues ?? []).Where(r => r.IssuedAt <= moment)],
        };
    }
}
