using System.Text.Json;

namespace OpenValue.Domain.Contributions;

/// <summary>
/// Wire names of the contribution enums: the kebab-case words the JSON API uses ("changes-requested").
/// They come from the same naming policy as the API's enum converter, so a verdict or status filter the
/// decisions parse is spelled exactly as the responses write it.
/// </summary>
public static class Statuses
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? value, string field) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (Name(candidate) == value)
                return candidate;
        var allowed = string.Join(", ", Enum.GetValues<T>().Select(Name));
        throw RuleViolation.Invalid(field, value is null
            ? $"'{field}' is required; one of: {allowed}."
            : $"'{field}' has an unknown value '{value}'; expected one of: {allowed}.");
    }
}
