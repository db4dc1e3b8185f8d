using NodaTime;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Budgeting;

using Money = OpenValue.Domain.Money.Money;
using Currency = OpenValue.Domain.Money.Currency;

public sealed record ProposeBucket(
    string? Title, string? Description, MoneyInput? MinGoal, MoneyInput? MaxGoal, Guid ProposedBy);

public sealed record ApproveBucket(Guid BucketId, Guid ApprovedBy);

/// <summary><c>BySteward</c>: the caller holds the steward role, so may cancel a bucket that is not theirs.</summary>
public sealed record CancelBucket(Guid BucketId, string? Reason, Guid CancelledBy, bool BySteward);

/// <summary>Proposing, approving and cancelling buckets.</summary>
public static class Buckets
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxReasonLength = 2000;

    /// <summary>The most buckets one round holds: every decision folds them, every response lists them.</summary>
    public const int MaxBuckets = 500;

    /// <summary>
    /// Any member may propose a bucket until the window ends: 0 &lt; minimum ≤ maximum ≤ the round's amount (a
    /// bucket cannot take more than the whole round). Where buckets need approval it waits for a steward.
    /// </summary>
    public static BucketProposed Decide(ProposeBucket command, Guid bucketId, Round round, Instant now)
    {
        var title = Text.Required(command.Title, "title", MaxTitleLength);
        var description = Text.Optional(command.Description, "description", MaxDescriptionLength, multiline: true);
        var min = Amount(command.MinGoal, round, "minGoal", signed: false);
        var max = Amount(command.MaxGoal, round, "maxGoal", signed: false);
        if (min.AmountMinor <= 0)
            throw RuleViolation.Invalid("minGoal.amount", "'minGoal.amount' must be more than 0.");
        if (max.AmountMinor < min.AmountMinor)
            throw RuleViolation.Invalid("maxGoal.amount", $"'maxGoal' must be at least 'minGoal' ({min}).");
        if (max.AmountMinor > round.Opening.AmountMinor)
            throw RuleViolation.Invalid("maxGoal.amount",
                $"'maxGoal' must be at most the round's amount ({Of(round.Opening.AmountMinor, round)}).");
        StillOpen(round, now);
        if (round.Buckets.Count >= MaxBuckets)
            throw RuleViolation.Conflict("too-many-buckets", $"A round holds at most {MaxBuckets} buckets.");
        return new BucketProposed(round.Id, bucketId, title, description, min.AmountMinor, max.AmountMinor,
            round.Opening.Currency, command.ProposedBy, now);
    }

    /// <summary>A steward approves a proposed bucket of an open round, once.</summary>
    public static BucketApproved Decide(ApproveBucket command, Round round, Instant now)
    {
        var bucket = Find(round, command.BucketId);
        Closed(round);
        return bucket.Status switch
        {
            BucketStatus.Proposed => new BucketApproved(round.Id, bucket.Id, command.ApprovedBy, now),
            BucketStatus.Cancelled => throw RuleViolation.Conflict("bucket-cancelled",
                "A cancelled bucket cannot be approved."),
            _ => throw RuleViolation.Conflict("already-approved", "This bucket is already open for funding."),
        };
    }

    /// <summary>
    /// Its owner or a steward cancels a bucket of an open round; what its funders put in counts as their unspent
    /// budget again, and stays on record. Cancelling a cancelled bucket changes nothing, so a retry is harmless.
    /// </summary>
    public static IReadOnlyList<BucketCancelled> Decide(CancelBucket command, Round round, Instant now)
    {
        var reason = Text.Optional(command.Reason, "reason", MaxReasonLength, multiline: true);
        var bucket = Find(round, command.BucketId);
        if (bucket.Proposal.ProposedBy != command.CancelledBy && !command.BySteward)
            throw RuleViolation.Forbidden("not-bucket-owner", "Only the bucket's owner or a steward may cancel it.");
        if (bucket.Status == BucketStatus.Cancelled)
            return [];
        Closed(round);
        return [new BucketCancelled(round.Id, bucket.Id, reason, command.CancelledBy, now)];
    }

    internal static Bucket Find(Round round, Guid bucketId) =>
        round.BucketOf(bucketId)
        ?? throw RuleViolation.NotFound("bucket-not-found", $"Bucket {bucketId} is not in this round.");

    internal static void Closed(Round round)
    {
        if (round.Status == RoundStatus.Closed)
            throw RuleViolation.Conflict("round-closed", "This round is closed.");
    }

    /// <summary>Refuses a closed round, and one whose window has ended (the closing follows).</summary>
    internal static void StillOpen(Round round, Instant now)
    {
        Closed(round);
        if (now >= round.Opening.ClosesAt)
            throw RuleViolation.Conflict("window-ended",
                $"This round's funding window ended at {round.Opening.ClosesAt}.");
    }

    /// <summary>Money in the round's currency; <paramref name="signed"/> lets it be negative.</summary>
    internal static Money Amount(MoneyInput? input, Round round, string field, bool signed)
    {
        var currency = Currency.Parse(round.Opening.Currency, "currency");
        if (input is null)
            throw RuleViolation.Invalid(field,
                $"'{field}' is required: {{\"amount\": \"12.34\", \"currency\": \"{currency.Code}\"}}.");
        if (input.Currency != currency.Code)
            throw RuleViolation.Invalid($"{field}.currency",
                $"'{field}.currency' must be the network's currency {currency.Code} (got '{input.Currency}').");
        return Money.Parse(input.Amount, currency, $"{field}.amount", allowNegative: signed);
    }

    internal static Money Of(long amountMinor, Round round) =>
        new(amountMinor, Currency.Parse(round.Opening.Currency, "currency"));
}
