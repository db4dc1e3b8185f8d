using NodaTime;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Budgeting;

/// <summary><c>ClosedBy</c> null: the scheduled closing at the end of the window.</summary>
public sealed record CloseRound(Guid? ClosedBy);

public static class Closing
{
    /// <summary>
    /// The one transition open → closed, by a treasurer at any time or by the scheduled closing once the window has
    /// ended. Every bucket not cancelled whose total reached its minimum is funded: its total (never above its
    /// maximum) is paid to its owner, with a payout id and reference derived from the round and the bucket's
    /// line. Everything else — budgets left unspent, unfunded and cancelled buckets — returns to the pool, so the
    /// payouts and the return sum exactly to the round's amount. A closed round, or a scheduled closing that
    /// arrives before the window ends by this clock, appends nothing.
    /// </summary>
    public static (RoundClosed Closed, RoundSettled Settled)? Decide(CloseRound command, Round round, Instant now)
    {
        if (round.Status == RoundStatus.Closed || command.ClosedBy is null && now < round.Opening.ClosesAt)
            return null;
        var payouts = round.Buckets
            .Where(b => b.Status is BucketStatus.Open or BucketStatus.Proposed)
            .Where(b => b.TotalMinor > 0 && b.TotalMinor >= b.Proposal.MinGoalMinor)
            .Select(b => new BucketPayout(DerivedIds.Payout(round.Id, b.Line), b.Line, b.Id, b.Proposal.ProposedBy,
                b.TotalMinor, Settling.Reference(round.Id, b.Line)))
            .ToList();
        var o = round.Opening;
        var paid = payouts.Sum(p => p.AmountMinor);
        var returned = o.AmountMinor - paid;
        // Funding never lets buckets hold more than the budgets, and budgets sum to the amount; assert it anyway.
        if (returned < 0 || payouts.Any(p => p.AmountMinor <= 0))
            throw new InvalidOperationException($"Round {round.Id} would pay {paid} of {o.AmountMinor}.");
        return (new RoundClosed(round.Id, payouts, paid, returned, o.Currency, command.ClosedBy, now),
            new RoundSettled(o.PoolId, o.NetworkId, o.ProjectId, round.Id, paid, returned, o.Currency, command.ClosedBy,
                now));
    }
}
