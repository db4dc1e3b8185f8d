using NodaTime;
using NodaTime.Text;

namespace OpenValue.Domain;

/// <summary>
/// Dates and instants that people state, checked to a sane range: not before 1900, not in the future.
/// </summary>
public static class Dates
{
    /// <summary>
    /// Nothing a network records happened before this; earlier dates are typing mistakes ("0202", "0000").
    /// </summary>
    public static readonly LocalDate Earliest = new(1900, 1, 1);

    /// <summary>An ISO date such as 2026-11-25, from <see cref="Earliest"/> to <paramref name="today"/>.</summary>
    public static LocalDate Parse(string? text, string field, LocalDate today)
    {
        var parsed = LocalDatePattern.Iso.Parse(text ?? "");
        if (!parsed.Success)
            throw RuleViolation.Invalid(field, $"'{field}' must be an ISO date such as 2026-11-25.");
        if (parsed.Value < Earliest)
            throw RuleViolation.Invalid(field,
                $"'{field}' must not be before {Format(Earliest)} (got {Format(parsed.Value)}).");
        return parsed.Value <= today
            ? parsed.Value
            : throw RuleViolation.Invalid(field, $"'{field}' must not be after today ({Format(today)} UTC).");
    }

    /// <summary>
    /// An ISO instant such as 2026-11-01T00:00:00Z, from the start of <see cref="Earliest"/> to <paramref name="now"/>.
    /// </summary>
    public static Instant ParseInstant(string text, string field, Instant now)
    {
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
            throw RuleViolation.Invalid(field,
                $"'{field}' must be an instant such as 2026-11-01T00:00:00Z (got '{text}').");
        if (parsed.Value < Earliest.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant())
            throw RuleViolation.Invalid(field, $"'{field}' must not be before {Format(Earliest)}.");
        return parsed.Value <= now
            ? parsed.Value
            : throw RuleViolation.Invalid(field, $"'{field}' must not be in the future.");
    }

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
