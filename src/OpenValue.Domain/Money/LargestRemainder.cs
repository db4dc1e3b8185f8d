using System.Numerics;

namespace OpenValue.Domain.Money;

/// <summary>
/// Splits a whole number of units among weighted members so the parts sum exactly to the whole
/// (the largest-remainder, or Hamilton, method). Every money split in OpenValue goes through here.
/// </summary>
public static class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="amountMinor"/> (≥ 0) among <paramref name="weights"/> (each ≥ 0).
    /// Each member first gets floor(amount × w / Σw); the units left over (fewer than the number of members)
    /// go one each to the members with the largest remainders amount × w mod Σw, computed exactly.
    /// Equal remainders are broken by <see cref="MemberIdOrder"/>: the smaller id in canonical string order wins.
    /// A zero-weight member gets 0. The result holds every given member, enumerated in <see cref="MemberIdOrder"/>.
    /// </summary>
    /// <exception cref="RuleViolation">Conflict "no-positive-weight" when there are no weights or all are zero:
    /// the request is well-formed, but the state of the ledger gives nobody a claim.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount or weight: a caller bug, not user input.</exception>
    public static IReadOnlyDictionary<Guid, long> Split(long amountMinor, IReadOnlyDictionary<Guid, decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        if (weights.Values.Any(w => w < 0))
            throw new ArgumentOutOfRangeException(nameof(weights), "Weights must not be negative.");
        var keys = weights.Keys.Order(MemberIdOrder.Instance).ToList();
        var parts = Split(amountMinor, keys, ExactWeights.Scale(keys.Select(k => weights[k])));
        var result = new SortedDictionary<Guid, long>(MemberIdOrder.Instance);
        for (var i = 0; i < keys.Count; i++) result[keys[i]] = (long)parts[i];
        return result;
    }

    /// <summary>
    /// The exact core: integer weights, keys already in tie-break order. Shares use it too, with
    /// an amount of 10^28 units of share.
    /// </summary>
    internal static BigInteger[] Split(BigInteger amount, IReadOnlyList<Guid> keys, IReadOnlyList<BigInteger> weights)
    {
        var total = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        if (total.IsZero)
            throw RuleViolation.Conflict("no-positive-weight", "Nobody has a positive weight, so there is nothing to split by.");
        var parts = new BigInteger[keys.Count];
        var remainders = new BigInteger[keys.Count];
        for (var i = 0; i < keys.Count; i++)
            parts[i] = BigInteger.DivRem(amount * weights[i], total, out remainders[i]);

        var left = amount - parts.Aggregate(BigInteger.Zero, (sum, p) => sum + p);
        // Keys arrive in tie-break order and OrderByDescending is stable, so equal remainders keep that order.
        var winners = Enumerable.Range(0, keys.Count).OrderByDescending(i => remainders[i]).Take((int)left);
        foreach (var i in winners) parts[i] += 1;
        return parts;
    }
}
