using System.Globalization;
using System.Numerics;

namespace OpenValue.Domain.Money;

/// <summary>
/// An exact amount of money: an integer number of the currency's minor units (cents for EUR, yen for JPY)
/// and the currency. Never a float; arithmetic refuses to mix currencies.
/// </summary>
public sealed record Money(long AmountMinor, Currency Currency)
{
    /// <summary>
    /// The largest single amount a request may carry, in major units (a trillion euros, yen or dinars): far above
    /// any real payment, and small enough that a pool can take tens of thousands of them without its sums
    /// leaving <see cref="long"/>.
    /// </summary>
    public const decimal MaxMajor = 1_000_000_000_000m;

    /// <summary>Nothing, in <paramref name="currency"/>.</summary>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>
    /// Parses a decimal string such as "12.30" in <paramref name="currency"/>'s precision: "12.3" and "12"
    /// are fine for EUR, "12.345" is refused (more decimals than the currency has), "5.0" is refused for JPY.
    /// Refusals are <see cref="RuleViolation.Invalid"/> naming <paramref name="field"/> (e.g. "amount.amount").
    /// Negative amounts are refused unless <paramref name="allowNegative"/>.
    /// </summary>
    public static Money Parse(string? amount, Currency currency, string field, bool allowNegative = false)
    {
        var value = DecimalText.Parse(amount, field, allowNegative, currency.MinorDigits);
        if (Math.Abs(value) > MaxMajor)
            throw RuleViolation.Invalid(field, $"'{field}' must be at most {MaxMajor:#,0} (got \"{amount}\").");
        var minor = value * PowerOfTen(currency.MinorDigits);
        if (minor is > long.MaxValue or < long.MinValue)
            throw RuleViolation.Invalid(field, $"'{field}' is too large (got \"{amount}\").");
        return new Money((long)minor, currency);
    }

    /// <summary>
    /// The amount as a decimal string with exactly the currency's decimals: "12.30", "0.05", JPY "5".
    /// </summary>
    public string ToDecimalString() => ToDecimalString(AmountMinor, Currency);

    /// <summary>
    /// A sum of amounts that may exceed <see cref="long"/> (a ledger's totals over many pools), written as
    /// <see cref="ToDecimalString()"/> writes one amount.
    /// </summary>
    public static string ToDecimalString(BigInteger amountMinor, Currency currency)
    {
        var digits = currency.MinorDigits;
        var magnitude = BigInteger.Abs(amountMinor).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var sign = amountMinor < 0 ? "-" : "";
        return digits == 0
            ? sign + magnitude
            : $"{sign}{magnitude[..^digits]}.{magnitude[^digits..]}";
    }

    /// <summary>The amount in major units as an exact decimal (12.30m for 1230 cents).</summary>
    public decimal ToDecimal() => AmountMinor / PowerOfTen(Currency.MinorDigits);

    /// <summary>"12.30 EUR": for explanations and logs, not for the wire.</summary>
    public override string ToString() => $"{ToDecimalString()} {Currency.Code}";

    /// <summary>
    /// The exact sum; refuses mixed currencies (Conflict "currency-mismatch") and throws on overflow.
    /// </summary>
    public static Money operator +(Money left, Money right) =>
        new(checked(left.AmountMinor + right.AmountMinor), SameCurrency(left, right));

    /// <summary>
    /// The exact difference; refuses mixed currencies (Conflict "currency-mismatch") and throws on overflow.
    /// </summary>
    public static Money operator -(Money left, Money right) =>
        new(checked(left.AmountMinor - right.AmountMinor), SameCurrency(left, right));

    private static Currency SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw RuleViolation.Conflict("currency-mismatch",
                $"Cannot combine {left.Currency.Code} with {right.Currency.Code}.");

    private static decimal PowerOfTen(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++) result *= 10;
        return result;
    }
}
