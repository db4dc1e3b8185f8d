using System.Numerics;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>One member's share of the value in scope.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Points">Their points as given (lifetime, recent or decayed: whatever the caller scoped).</param>
/// <param name="Share">Their exact share with 28 decimal places; the shares of a result sum to exactly 1.</param>
/// <param name="Percent">Share × 100 rounded half-to-even to 2 decimals, for display only: percents need not sum to 100.</param>
public sealed record ShareLine(Guid MemberId, decimal Points, decimal Share, decimal Percent);

/// <summary>
/// Turns points into shares. Each member's exact share is a fraction; it is written with 28 decimal places
/// by the largest-remainder rule at that precision (floor every share to 10^-28, then hand the few
/// 10^-28 units left over to the largest remainders, ties to the smaller member id in
/// <see cref="MemberIdOrder"/>), so the shares always sum to exactly 1.
/// </summary>
public static class Shares
{
    /// <summary>Shares have exactly this many decimal places (decimal's maximum scale).</summary>
    public const int Decimals = 28;

    private static readonly BigInteger One = BigInteger.Pow(10, Decimals);

    /// <summary>
    /// Plain shares: member points / all points. Every given member gets a line, in <see cref="MemberIdOrder"/>,
    /// members with 0 points a share of 0. When nobody has points the result is empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative points.</exception>
    public static IReadOnlyList<ShareLine> Of(IReadOnlyDictionary<Guid, decimal> points) =>
        Compute(points, keys => ExactWeights.Scale(keys.Select(k => points[k])));

    /// <summary>
    /// FairShares shares: the value is first split between stakeholder classes by <paramref name="classWeights"/>,
    /// then within each class by points. A member's share is weight(class) × points / points(class), where
    /// classes without points, and their weights, drop out and the remaining weights are scaled up to sum to 1
    /// (labour 0.35, user 0.35, investor 0.30 with no investor points gives labour 0.5, user 0.5).
    /// Members whose class has no weight, or a weight of 0, get a share of 0. When no class with a positive
    /// weight has points, the result is empty.
    /// </summary>
    /// <exception cref="ArgumentException">A given member has no class in <paramref name="classes"/>.</exception>
    public static IReadOnlyList<ShareLine> Of(
        IReadOnlyDictionary<Guid, decimal> points, IReadOnlyDictionary<Guid, StakeholderClass> classes,
        IReadOnlyDictionary<StakeholderClass, decimal> classWeights)
    {
        var unclassed = points.Keys.Where(m => !classes.ContainsKey(m)).ToList();
        if (unclassed.Count > 0)
            throw new ArgumentException($"Member {unclassed[0]} has no stakeholder class.", nameof(classes));
        return Compute(points, keys => ClassWeighted(keys, points, classes, classWeights));
    }

    private static IReadOnlyList<ShareLine> Compute(
        IReadOnlyDictionary<Guid, decimal> points, Func<IReadOnlyList<Guid>, IReadOnlyList<BigInteger>> weigh)
    {
        if (points.Values.Any(p => p < 0))
            throw new ArgumentOutOfRangeException(nameof(points), "Points must not be negative.");
        var keys = points.Keys.Order(MemberIdOrder.Instance).ToList();
        var weights = weigh(keys);
        if (weights.All(w => w.IsZero)) return [];

        var units = LargestRemainder.Split(One, keys, weights);
        return [.. keys.Select((member, i) => Line(member, points[member], ExactWeights.ToDecimal(units[i], Decimals)))];
    }

    private static ShareLine Line(Guid member, decimal points, decimal share) =>
        new(member, points, share, Math.Round(share * 100, 2, MidpointRounding.ToEven));

    /// <summary>
    /// Integer weights proportional to weight(c) × pᵢ / P(c): multiplying through by the product of the
    /// eligible class totals keeps everything exact.
    /// </summary>
    private static IReadOnlyList<BigInteger> ClassWeighted(
        IReadOnlyList<Guid> keys, IReadOnlyDictionary<Guid, decimal> points,
        IReadOnlyDictionary<Guid, StakeholderClass> classes, IReadOnlyDictionary<StakeholderClass, decimal> classWeights)
    {
        var memberPoints = ExactWeights.Scale(keys.Select(k => points[k]));
        var classOf = keys.Select(k => classes[k]).ToList();
        var classList = classWeights.Keys.ToList();
        var weightOf = classList.Zip(ExactWeights.Scale(classList.Select(c => classWeights[c])))
            .ToDictionary(p => p.First, p => p.Second);

        var totals = new Dictionary<StakeholderClass, BigInteger>();
        for (var i = 0; i < keys.Count; i++)
            totals[classOf[i]] = totals.GetValueOrDefault(classOf[i]) + memberPoints[i];
        var eligible = totals.Where(t => !t.Value.IsZero && weightOf.GetValueOrDefault(t.Key) > 0).ToDictionary();
        var denominator = eligible.Values.Aggregate(BigInteger.One, (product, total) => product * total);

        return [.. keys.Select((_, i) => eligible.TryGetValue(classOf[i], out var total)
            ? weightOf[classOf[i]] * memberPoints[i] * (denominator / total)
            : BigInteger.Zero)];
    }
}
