using NodaTime;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Budgeting;

/// <summary>A negative <c>Amount</c> takes budget back out of the bucket.</summary>
public sealed record FundBucket(Guid BucketId, MoneyInput? Amount, Guid MemberId);

public static class Funding
{
    /// <summary>
    /// A member moves budget into a bucket, or takes some back out, while the window is open. Every check is made
    /// before anything is decided, so a refusal changes nothing: the window (409 window-not-open, window-ended),
    /// the round and the bucket (round-closed, bucket-not-approved, bucket-cancelled), the member's budget (403
    /// no-budget for a member admitted after the opening), then for money in the bucket's maximum
    /// (beyond-max-goal), the member's remaining budget (beyond-budget) and the cap per member per bucket
    /// (beyond-cap), and for money out what the member has in the bucket (beyond-allocation).
    /// </summary>
    public static BucketFunded Decide(FundBucket command, Round round, Instant now)
    {
        var amount = Buckets.Amount(command.Amount, round, "amount", signed: true);
        if (amount.AmountMinor == 0)
            throw RuleViolation.Invalid("amount.amount", "'amount.amount' must not be 0.");
        var bucket = Buckets.Find(round, command.BucketId);
        Buckets.Closed(round);
        if (now < round.Opening.OpensAt)
            throw RuleViolation.Conflict("window-not-open",
                $"This round's funding window opens at {round.Opening.OpensAt}.");
        Buckets.StillOpen(round, now);
        if (round.BudgetOf(command.MemberId) is null)
            throw RuleViolation.Forbidden("no-budget",
                "You have no budget in this round (you joined after it opened).");
        if (bucket.Status == BucketStatus.Proposed)
            throw RuleViolation.Conflict("bucket-not-approved", "This bucket waits for a steward's approval.");
        if (bucket.Status == BucketStatus.Cancelled)
            throw RuleViolation.Conflict("bucket-cancelled", "This bucket was cancelled.");
        var mine = bucket.FundedBy(command.MemberId);
        if (amount.AmountMinor > 0)
            MoneyIn(amount.AmountMinor, bucket, round, command.MemberId, mine);
        else if (-amount.AmountMinor > mine)
            throw RuleViolation.Conflict("beyond-allocation",
                $"You can take back at most the {Buckets.Of(mine, round)} you have in this bucket.");
        return new BucketFunded(round.Id, bucket.Id, amount.AmountMinor, round.Opening.Currency, command.MemberId, now);
    }

    private static void MoneyIn(long amountMinor, Bucket bucket, Round round, Guid memberId, long mine)
    {
        var room = bucket.Proposal.MaxGoalMinor - bucket.TotalMinor;
        if (amountMinor > room)
            throw RuleViolation.Conflict("beyond-max-goal",
                $"This bucket needs only {Buckets.Of(room, round)} more to reach its maximum.");
        var remaining = round.RemainingOf(memberId);
        if (amountMinor > remaining)
            throw RuleViolation.Conflict("beyond-budget",
                $"You have {Buckets.Of(remaining, round)} of your budget left.");
        if (round.Opening.CapPerBucketMinor is { } cap && mine + amountMinor > cap)
            throw RuleViolation.Conflict("beyond-cap",
                $"A member may put at most {Buckets.Of(cap, round)} into one bucket; " +
                $"you have {Buckets.Of(mine, round)} in it.");
    }
}
