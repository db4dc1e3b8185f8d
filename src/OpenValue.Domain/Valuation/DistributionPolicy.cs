namespace OpenValue.Domain.Valuation;

/// <summary>How a distribution divides its amount. Wire names: "pro-rata", "balanced", "recent".</summary>
public enum DistributionPolicy
{
    /// <summary>"pro-rata": by lifetime shares; see <see cref="Distributions.ProRata"/>.</summary>
    ProRata,

    /// <summary>"balanced": toward lifetime-share targets; see <see cref="Distributions.Balanced"/>.</summary>
    Balanced,

    /// <summary>"recent": by shares of recently accepted points; see <see cref="Distributions.Recent"/>.</summary>
    Recent,
}

/// <summary>Wire names of <see cref="DistributionPolicy"/>: hyphenated, so not <c>Wire.Parse</c>.</summary>
public static class DistributionPolicies
{
    /// <summary>The wire name: "pro-rata", "balanced" or "recent".</summary>
    public static string Name(DistributionPolicy policy) => policy switch
    {
        DistributionPolicy.ProRata => "pro-rata",
        DistributionPolicy.Balanced => "balanced",
        _ => "recent",
    };

    /// <summary>Parses a wire name; anything else is <see cref="RuleViolation.Invalid"/> naming <paramref name="field"/>.</summary>
    public static DistributionPolicy Parse(string? value, string field) =>
        Enum.GetValues<DistributionPolicy>().Where(p => Name(p) == value).Select(p => (DistributionPolicy?)p).FirstOrDefault()
        ?? throw RuleViolation.Invalid(field, $"'{field}' must be one of: pro-rata, balanced, recent (got '{value}').");
}
