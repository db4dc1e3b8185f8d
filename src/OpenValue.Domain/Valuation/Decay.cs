using NodaTime;

namespace OpenValue.Domain.Valuation;

/// <summary>
/// Half-life decay of points: with a half-life of h days, points accepted an age a ago weigh
/// 2^(−a/h) of their value. Age is exact, not whole days: the <see cref="Duration"/> from the acceptance
/// instant to the query instant, to the nanosecond, divided by h × 86 400 s (a NodaTime day is exactly
/// 86 400 s, so there are no time-zone or leap-second surprises).
/// </summary>
public static class Decay
{
    private const decimal NanosecondsPerDay = 86_400_000_000_000m;

    /// <summary>The age in half-lives, a/h, at decimal's working precision.</summary>
    public static decimal HalfLives(Duration age, int halfLifeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeDays);
        return age.ToInt64Nanoseconds() / (halfLifeDays * NanosecondsPerDay);
    }

    /// <summary>
    /// The decay factor 2^(−age/h), rounded half-to-even to 18 decimal places: exactly 1 at age 0, exactly 0.5
    /// after one half-life, 0.25 after two.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative age: points accepted after the query instant
    /// are not in scope, and the caller should have left them out.</exception>
    public static decimal Factor(Duration age, int halfLifeDays)
    {
        if (age < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(age), "Points accepted after the query instant do not decay; leave them out.");
        return Pow2.Rounded(-HalfLives(age, halfLifeDays));
    }

    /// <summary>
    /// <paramref name="points"/> accepted at <paramref name="acceptedAt"/>, as they weigh at <paramref name="asOf"/>:
    /// points × 2^(−age/h) computed at working precision and rounded once, half-to-even, to 18 decimal places.
    /// </summary>
    public static decimal Decayed(decimal points, Instant acceptedAt, Instant asOf, int halfLifeDays)
    {
        var age = asOf - acceptedAt;
        if (age < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(acceptedAt), "Points accepted after the query instant do not decay; leave them out.");
        var halfLives = HalfLives(age, halfLifeDays);
        var whole = decimal.Ceiling(halfLives);
        // 2^(−x) = 2^(⌈x⌉−x) / 2^⌈x⌉: multiply by the fractional power first and divide last, keeping digits.
        var decayed = Pow2.DivideByPower(points * Pow2.FractionPower(whole - halfLives), (int)whole);
        return Math.Round(decayed, Pow2.Decimals, MidpointRounding.ToEven);
    }
}
