using System.Numerics;
using NodaTime;
using NodaTime.Text;

namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>How a distribution divides its amount. Wire names: "pro-rata", "balanced", "recent".</summary>
public enum DistributionPolicy
{
    ProRata,
    Balanced,
    Recent,
}

public static class DistributionPolicies
{
    /// <summary>The wire name: "pro-rata", "balanced" or "recent".</summary>
    public static string Name(DistributionPolicy policy) => policy switch
    {
        DistributionPolicy.ProRata => "pro-rata",
        DistributionPolicy.Balanced => "balanced",
        _ => "recent",
    };

    /// <summary>Parses a wire name; anything else is <see cref="RuleViolation.Invalid"/> naming <paramref name="field"/>.</summary>
    public static DistributionPolicy Parse(string? value, string field) =>
        Enum.GetValues<DistributionPolicy>().Where(p => Name(p) == value).Select(p => (DistributionPolicy?)p).FirstOrDefault()
        ?? throw RuleViolation.Invalid(field, $"'{field}' must be one of: pro-rata, balanced, recent (got '{value}').");
}

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
        var one = BigInteger.Pow(10, Shares.Decimals);
        // Shortfalls scaled by 10^28, so a 28-place share times an integer amount stays an integer.
        var shortfalls = eligible.Select(s => BigInteger.Max(BigInteger.Zero,
            everDistributed * ShareUnits(s) - paidMinor.GetValueOrDefault(s.MemberId) * one)).ToList();
        if (shortfalls.All(d => d.IsZero))
            return ProRata(amount, eligible);

        var parts = LargestRemainder.Split(amount.AmountMinor, [.. eligible.Select(s => s.MemberId)], shortfalls);
        return [.. eligible.Select((s, i) => new DistributionLine(s.MemberId, (long)parts[i],
            $"balanced: target {Percent(s)} of {Minor(everDistributed, amount.Currency)} ever distributed = {Minor(everDistributed * ShareUnits(s) / one, amount.Currency)}; " +
            $"paid before {new Money(paidMinor.GetValueOrDefault(s.MemberId), amount.Currency)}; " +
            $"shortfall {Minor(shortfalls[i] / one, amount.Currency)}"))];
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

    /// <summary>The share as an integer count of 10^-28.</summary>
    private static BigInteger ShareUnits(ShareLine share) =>
        ExactWeights.Decompose(share.Share) is var (mantissa, scale) ? mantissa * BigInteger.Pow(10, Shares.Decimals - scale) : 0;

    private static string Percent(ShareLine share) => $"{DecimalText.Format(share.Percent)}%";

    /// <summary>A whole number of minor units (rounded down for display) as money.</summary>
    private static Money Minor(BigInteger minor, Currency currency) => new((long)minor, currency);
}
