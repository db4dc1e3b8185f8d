using NodaTime;

namespace OpenValue.Domain.Valuation;

/// <summary>
/// Decay without rescanning (DESIGN.md): Σ pᵢ·2^(−(T−tᵢ)/h) = 2^(−T/h) · Σ pᵢ·2^(tᵢ/h), with times measured
/// from a fixed <see cref="Epoch"/>. A projection keeps Σ <see cref="Weight"/> per member as contributions
/// are accepted, and <see cref="Decayed"/> applies the query-time factor once.
/// <para>
/// Weights double every half-life after the epoch and decimal stops at about 7.9 × 10^28, so
/// points × 2^(t/h) must stay below that: about 60 half-lives after the epoch for 10^9 points. A projection
/// moves its epoch forward with <see cref="Rebase"/> long before that (e.g. yearly).
/// </para>
/// <para>
/// Precision: weights carry decimal's 28–29 significant digits; <see cref="Decayed"/> rounds once,
/// half-to-even, to 18 decimal places. For n contributions of up to 10^8 points each, the result agrees
/// with Σ <see cref="Decay.Decayed"/> (n roundings) within (n + 1) × 10^-18.
/// </para>
/// </summary>
public sealed record EpochDecay(Instant Epoch, int HalfLifeDays)
{
    /// <summary>The epoch-relative weight pᵢ·2^(tᵢ/h) of points accepted at <paramref name="acceptedAt"/> (before or after the epoch).</summary>
    /// <exception cref="OverflowException">The weight is beyond decimal's range: rebase to a later epoch.</exception>
    public decimal Weight(decimal points, Instant acceptedAt) =>
        points * Pow2.Working(Decay.HalfLives(acceptedAt - Epoch, HalfLifeDays));

    /// <summary>
    /// A sum of weights as it weighs at <paramref name="asOf"/>: Σw·2^(−T/h), T = asOf − epoch, rounded
    /// half-to-even to 18 decimal places. Only weights of points accepted at or before asOf belong in the sum.
    /// </summary>
    public decimal Decayed(decimal weightSum, Instant asOf) =>
        Math.Round(Scale(weightSum, asOf - Epoch), Pow2.Decimals, MidpointRounding.ToEven);

    /// <summary>
    /// The same weight sum against a later epoch: Σw·2^(−Δ/h) with Δ = <paramref name="newEpoch"/> − epoch, at
    /// working precision (not rounded to 18 places, since it is not a final result).
    /// </summary>
    public (EpochDecay Decay, decimal WeightSum) Rebase(decimal weightSum, Instant newEpoch) =>
        (this with { Epoch = newEpoch }, Scale(weightSum, newEpoch - Epoch));

    private decimal Scale(decimal weightSum, Duration since)
    {
        var halfLives = Decay.HalfLives(since, HalfLifeDays);
        var whole = decimal.Ceiling(halfLives);
        // Divide last, as in Decay.Decayed, so a small result keeps its digits.
        return whole >= 0
            ? Pow2.DivideByPower(weightSum * Pow2.FractionPower(whole - halfLives), (int)whole)
            : weightSum * Pow2.Working(-halfLives);
    }
}
