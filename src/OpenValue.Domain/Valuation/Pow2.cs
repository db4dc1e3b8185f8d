namespace OpenValue.Domain.Valuation;

/// <summary>
/// Deterministic powers of two in <see cref="decimal"/>, for decay. Everything here is plain decimal
/// arithmetic (no floating point), so every machine and every projection rebuild gets the same digits.
/// </summary>
public static class Pow2
{
    /// <summary>Results of <see cref="Rounded"/> and of decay are rounded to this many decimal places.</summary>
    public const int Decimals = 18;

    // ln 2 = 0.69314718055994530941723212145817656807…, rounded to 28 places.
    private const decimal Ln2 = 0.6931471805599453094172321215m;

    /// <summary>
    /// 2^<paramref name="x"/> rounded half-to-even (<see cref="MidpointRounding.ToEven"/>) to 18 decimal
    /// places. Integer exponents are exact (2^-1 = 0.5, 2^-2 = 0.25); below 2^-60 the result rounds to 0.
    /// Values above about 10^10 keep decimal's 28–29 significant digits rather than 18 places.
    /// </summary>
    public static decimal Rounded(decimal x) => Math.Round(Working(x), Decimals, MidpointRounding.ToEven);

    /// <summary>
    /// 2^<paramref name="x"/> at decimal's working precision, before any rounding to 18 places: the integer
    /// part of x by exact powers of two, the fractional part f as e^(f·ln 2) by its Taylor series, summed
    /// until a term vanishes (relative error about 10^-27).
    /// </summary>
    /// <exception cref="OverflowException">2^x is beyond decimal's range (x ≥ 96).</exception>
    public static decimal Working(decimal x)
    {
        var whole = decimal.Floor(x);
        var fraction = FractionPower(x - whole);
        return whole >= 0 ? fraction * Power((int)whole) : DivideByPower(fraction, (int)-whole);
    }

    /// <summary><paramref name="value"/> / 2^<paramref name="exponent"/>, dividing last so small results keep their digits.</summary>
    internal static decimal DivideByPower(decimal value, int exponent)
    {
        // decimal cannot hold 2^96; past 2^-100 everything is far below 10^-28 anyway.
        if (exponent > 100) return 0m;
        for (; exponent > 62; exponent -= 62) value /= Power(62);
        return value / Power(exponent);
    }

    /// <summary>2^f for 0 ≤ f &lt; 1, as e^y with y = f·ln 2 &lt; 0.7, so the series converges fast.</summary>
    internal static decimal FractionPower(decimal f)
    {
        if (f == 0) return 1m;
        var y = f * Ln2;
        decimal sum = 1m, term = 1m;
        for (var k = 1; term != 0 && k < 60; k++)
        {
            term = term * y / k;
            sum += term;
        }
        return sum;
    }

    /// <summary>2^n exactly, for 0 ≤ n ≤ 95.</summary>
    internal static decimal Power(int n) => n <= 62 ? 1L << n : (decimal)(1L << 62) * Power(n - 62);
}
