using OpenValue.Domain;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Which page of a list a request asks for: 1-based <c>page</c> and <c>pageSize</c> (default 50, at most 200),
/// both optional. A page past the end is empty, not an error.
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Skip => (Number - 1) * Size;

    public static PageRequest Parse(string? page, string? pageSize) => new(
        WholeNumber(page, "page", 1, int.MaxValue / MaxSize) ?? 1,
        WholeNumber(pageSize, "pageSize", 1, MaxSize) ?? DefaultSize);

    public static int? WholeNumber(string? text, string field, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var parsed = int.TryParse(text, System.Globalization.NumberStyles.None, null, out var value);
        return parsed && value >= min && value <= max
            ? value
            : throw RuleViolation.Invalid(field, $"'{field}' must be a whole number from {min} to {max}.");
    }
}
