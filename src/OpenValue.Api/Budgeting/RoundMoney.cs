using Marten;
using NodaTime;
using OpenValue.Domain.Budgeting;

namespace OpenValue.Api.Budgeting;

/// <summary>
/// What the ledger needs of a round, selected in the database: its pool, amount, when it opened and closed, and its
/// payouts. While open it holds its whole amount (reserved); once closed, what it paid (distributed).
/// </summary>
public sealed record RoundMoney(
    Guid Id, Guid PoolId, long AmountMinor, Instant OpenedAt, Instant? ClosedAt, IReadOnlyList<BucketPayout>? Payouts)
{
    public static Task<IReadOnlyList<RoundMoney>> Load(IQuerySession session, CancellationToken cancellation) =>
        session.Query<Round>()
            .Select(r => new RoundMoney(r.Id, r.Opening.PoolId, r.Opening.AmountMinor, r.Opening.OpenedAt,
                r.Closing!.ClosedAt, r.Closing!.Payouts))
            .ToListAsync(cancellation);

    public long ReservedMinor => ClosedAt is null ? AmountMinor : 0;

    public long PaidMinor => Payouts?.Sum(p => p.AmountMinor) ?? 0;

    /// <summary>What it paid each bucket owner (round payouts are not reversed).</summary>
    public IEnumerable<(Guid MemberId, long AmountMinor)> Standing() =>
        (Payouts ?? []).Select(p => (p.MemberId, p.AmountMinor));

    /// <summary>The round as it stood at <paramref name="moment"/>; null if it opened later.</summary>
    public RoundMoney? AsOf(Instant moment) =>
        OpenedAt > moment ? null
        : ClosedAt > moment ? this with { ClosedAt = null, Payouts = null }
        : this;
}
