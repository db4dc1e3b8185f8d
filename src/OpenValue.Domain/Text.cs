namespace OpenValue.Domain;

/// <summary>Checks on free text that people type: names, descriptions, reasons.</summary>
public static class Text
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw RuleViolation.Invalid(field, $"'{field}' is required.");
        if (trimmed.Length > maxLength)
            throw RuleViolation.Invalid(field, $"'{field}' must be at most {maxLength} characters (got {trimmed.Length}).");
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw RuleViolation.Invalid(field, $"'{field}' must not contain control characters.");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, field, maxLength);
}
