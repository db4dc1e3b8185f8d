using System.Numerics;
using NodaTime;
using NodaTime.Text;

namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>One member's part of a distribution, in minor units of the distribution's currency, and why.</summary>
public sealed record DistributionLine(Guid MemberId, long AmountMinor, string Explanation);

/// <summary>
/// The distribution policies as pure functions. Each takes the amount and the members' shares (from
/// <see cref="Shares"/>, so class weights and decay are already applied) and returns one line per member
/// with a positive share, in <see cref="MemberIdOrder"/>. Lines are never negative and always sum exactly
/// to the amount: the money is divided by <see cref="LargestRemainder"/>, ties to the smaller member id.
/// When no member has a positive share the policies refuse with Conflict "no-eligible-member".
/// </summary>
public static class Distributions
{
    /// <summary>
    /// pro-rata (lifetime): the amount in proportion to each member's share, i.e. amount × share, using the
    /// 28-place shares exactly as <see cref="Shares"/> publishes them so anyone can recompute a line from them.
    /// </summary>
    public static IReadOnlyList<DistributionLine> ProRata(Money amount, IReadOnlyList<ShareLine> shares) =>
        Proportional(amount, Eligible(amount, shares), s => $"pro-rata: {Percent(s)} share ({DecimalText.Format(s.Points)} points) of {amount}");

    /// <summary>
    /// recent: pro-rata over shares computed from only the points accepted within the window (see
    /// <see cref="InRecentWindow"/>); the caller filters the points, this states the window in the explanation.
    /// </summary>
    public static IReadOnlyList<DistributionLine> Recent(Money amount, IReadOnlyList<ShareLine> recentShares, Instant asOf, int windowDays) =>
        Proportional(amount, Eligible(amount, recentShares), s =>
            $"recent: {Percent(s)} share ({DecimalText.Format(s.Points)} points accepted in the {windowDays} days to {InstantPattern.General.Format(asOf)}) of {amount}");

    /// <summary>
    /// Whether points accepted at <paramref name="acceptedAt"/> count for a recent distribution as of
    /// <paramref name="asOf"/>: asOf − windowDays × 24 h &lt; acceptedAt ≤ asOf.
    /// </summary>
    public static bool InRecentWindow(Instant acceptedAt, Instant asOf, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        return acceptedAt <= asOf && acceptedAt > asOf - Duration.FromDays(windowDays);
    }

    /// <summary>
    /// balanced (SourceCred's BALANCED): imagine everything ever distributed, this amount included, had been
    /// paid by today's lifetime shares. Each member's target = (Σ paid so far + amount) × share; their
    /// shortfall = max(0, target − paid so far). The amount is divided in proportion to the shortfalls, so
    /// the most underpaid get the most and anyone already paid beyond their target gets a line of 0.
    /// <paramref name="paidMinor"/> is what each member was paid before (same currency); payments to members
    /// who now hold no share still count in Σ paid, as in SourceCred. If every shortfall is 0 (possible only
    /// for a zero amount) the amount is divided pro-rata. Computed exactly with integers; no rounding
    /// happens before the final split.
    /// </summary>
    public static IReadOnlyList<DistributionLine> Balanced(
        Money amount, IReadOnlyList<ShareLine> lifetimeShares, IReadOnlyDictionary<Guid, long> paidMinor)
    {
        var eligible = Eligible(amount, lifetimeShares);
        var everDistributed = paidMinor.Values.Aggregate(BigInteger.Zero, (sum, p) => sum + p) + amount.AmountMinor;
        // Targets and shortfalls scaled by 10^28, so a 28-place share times an integer amount stays an integer.
        var targets = eligible.Select(s => everDistributed * ShareUnits(s)).ToList();
        var shortfalls = eligible.Select((s, i) => BigInteger.Max(BigInteger.Zero, targets[i] - paidMinor.GetValueOrDefault(s.MemberId) * ShareOne)).ToList();
        if (shortfalls.All(d => d.IsZero))
            return ProRata(amount, eligible);

        var parts = LargestRemainder.Split(amount.AmountMinor, [.. eligible.Select(s => s.MemberId)], shortfalls);
        var currency = amount.Currency;
        return [.. eligible.Select((s, i) => new DistributionLine(s.MemberId, (long)parts[i],
            $"balanced: target {Percent(s)} of {Display(everDistributed * ShareOne, currency)} ever distributed = {Display(targets[i], currency)}; " +
            $"paid before {new Money(paidMinor.GetValueOrDefault(s.MemberId), currency)}; shortfall {Display(shortfalls[i], currency)}"))];
    }

    private static IReadOnlyList<ShareLine> Eligible(Money amount, IReadOnlyList<ShareLine> shares)
    {
        if (amount.AmountMinor < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), "A distribution divides a non-negative amount.");
        var eligible = shares.Where(s => s.Share > 0).OrderBy(s => s.MemberId, MemberIdOrder.Instance).ToList();
        return eligible.Count > 0
            ? eligible
            : throw RuleViolation.Conflict("no-eligible-member", "No member holds a share in this scope, so there is nobody to distribute to.");
    }

    private static IReadOnlyList<DistributionLine> Proportional(Money amount, IReadOnlyList<ShareLine> eligible, Func<ShareLine, string> explain)
    {
        var parts = LargestRemainder.Split(amount.AmountMinor, [.. eligible.Select(s => s.MemberId)], [.. eligible.Select(ShareUnits)]);
        return [.. eligible.Select((s, i) => new DistributionLine(s.MemberId, (long)parts[i], explain(s)))];
    }

    private static readonly BigInteger ShareOne = BigInteger.Pow(10, Shares.Decimals);

    /// <summary>The share as an integer count of 10^-28.</summary>
    private static BigInteger ShareUnits(ShareLine share)
    {
        var (mantissa, scale) = ExactWeights.Decompose(share.Share);
        return mantissa * BigInteger.Pow(10, Shares.Decimals - scale);
    }

    private static string Percent(ShareLine share) => $"{DecimalText.Format(share.Percent)}%";

    /// <summary>Minor units scaled by 10^28, rounded down to whole minor units for display.</summary>
    private static Money Display(BigInteger scaledMinor, Currency currency) => new((long)(scaledMinor / ShareOne), currency);
}
