namespace OpenValue.Domain.Networks;

/// <summary>What a member may do in a network. Wire names are the lower-case words.</summary>
public enum Role
{
    Contributor,
    Reviewer,
    Treasurer,
    Steward,
}

/// <summary>FairShares stakeholder classes.</summary>
public enum StakeholderClass
{
    Founder,
    Labour,
    User,
    Investor,
}

public static class Wire
{
    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string? value, string field) where T : struct, Enum
    {
        // Only the documented lower-case word: "steward", never "Steward" or "STEWARD".
        foreach (var candidate in Enum.GetValues<T>())
            if (Name(candidate) == value)
                return candidate;
        var allowed = string.Join(", ", Enum.GetValues<T>().Select(Name));
        throw RuleViolation.Invalid(field, value is null
            ? $"'{field}' is required; one of: {allowed}."
            : $"'{field}' has an unknown value '{value}'; expected one of: {allowed}.");
    }

    public static IReadOnlySet<T> ParseSet<T>(IEnumerable<string?>? values, string field) where T : struct, Enum =>
        (values ?? []).Select((v, i) => Parse<T>(v, $"{field}[{i}]")).ToHashSet();
}
