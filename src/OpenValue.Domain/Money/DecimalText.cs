using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenValue.Domain.Money;

/// <summary>
/// Exact decimals as they travel in JSON: plain strings such as "12.5" (no exponent, no sign for
/// positives, no grouping, invariant culture), so no float ever stands between a person and the ledger.
/// </summary>
public static partial class DecimalText
{
    // [0-9], not \d: \d also matches every other script's digits ("١٠٠"), which decimal.Parse then refuses.
    [GeneratedRegex(@"^(-?)([0-9]{1,29})(?:\.([0-9]{1,28}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>
    /// Parses a plain decimal string. Refuses, with <see cref="RuleViolation.Invalid"/> naming
    /// <paramref name="field"/>: a missing value, anything that is not digits with an optional single
    /// decimal point (so "1e3", "+5", " 5", ".5", "5." and "1,5" are refused), a negative value unless
    /// <paramref name="allowNegative"/>, and more than <paramref name="maxDecimals"/> decimals.
    /// </summary>
    public static decimal Parse(string? value, string field, bool allowNegative = false, int maxDecimals = 28)
    {
        var shape = value is null ? null : Shape().Match(value);
        if (shape is not { Success: true })
            throw RuleViolation.Invalid(field, value is null
                ? $"'{field}' is required: a decimal number written as a string, such as \"12.50\"."
                : $"'{field}' must be a plain decimal number such as \"12.50\" (got \"{value}\").");
        if (shape.Groups[1].Length > 0 && !allowNegative)
            throw RuleViolation.Invalid(field, $"'{field}' must not be negative (got \"{value}\").");
        if (shape.Groups[3].Length > maxDecimals)
            throw RuleViolation.Invalid(field, $"'{field}' may have at most {maxDecimals} decimals (got \"{value}\").");
        // decimal holds 28 significant digits exactly; more would be rounded silently, so refuse them.
        if (shape.Groups[2].Value.TrimStart('0').Length + shape.Groups[3].Length > 28)
            throw RuleViolation.Invalid(field, $"'{field}' has more than 28 significant digits (got \"{value}\").");
        return decimal.Parse(value!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Formats without trailing zeros ("1250.0" becomes "1250", "0.50" becomes "0.5"), invariant culture.
    /// Use it for points and shares; money has its own fixed-decimals format in <see cref="Money.ToDecimalString"/>.
    /// The same text as the custom format "0.############################" (a decimal has at most 28 decimals),
    /// written by the general format and trimmed: a shares response formats ~50,000 decimals at 10,000 members,
    /// and a custom format string is parsed again on every call (about twice the time).
    /// </summary>
    public static string Format(decimal value)
    {
        Span<char> text = stackalloc char[32]; // sign, 29 digits, point
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var digits = text[..length];
        if (digits.Contains('.'))
            digits = digits.TrimEnd('0').TrimEnd('.');
        // A negative zero with decimals ("-0.00") formats as "0", as the custom format does.
        return digits is "-0" ? "0" : new string(digits);
    }
}
