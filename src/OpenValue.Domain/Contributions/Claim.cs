using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Contributions;

/// <summary>
/// What a member claims, as typed: every field is text until <see cref="Claim.Parse"/> has checked it.
/// </summary>
public sealed record ClaimInput(
    string? Kind, string? Quantity, string? Unit, string? OccurredOn, string? Description, string? EvidenceUrl,
        string? ProjectId);

/// <summary>A checked claim. Records compare by value, which is what makes a retried submission recognisable.</summary>
public sealed record Claim(
    string Kind, decimal Quantity, string Unit, LocalDate OccurredOn, string Description, string? EvidenceUrl,
        Guid? ProjectId)
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxUrlLength = 2000;

    /// <summary>Far above any honest claim (a billion hours or currency units), far below decimal's limits.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Checks every field against the kinds the network accepts; each refusal names its field.</summary>
    public static Claim Parse(ClaimInput input, Network network, KindCatalogue catalogue, LocalDate today)
    {
        var kind = Text.Required(input.Kind, "kind", 100);
        var rule = catalogue.Find(kind) ?? throw RuleViolation.Invalid("kind",
            $"'kind' has an unknown value '{kind}'; expected one of: {string.Join(", ", catalogue.Kinds)}.");
        var unit = Text.Required(input.Unit, "unit", 100);
        if (unit != rule.Unit)
            throw RuleViolation.Invalid("unit", rule.IsMoney
                ? $"'{kind}' is money and is claimed in the network's currency, {rule.Unit} (got '{unit}')."
                : $"'{kind}' is measured in '{rule.Unit}' (got '{unit}').");
        return new Claim(kind, ParseQuantity(input.Quantity, rule), unit,
            Dates.Parse(input.OccurredOn, "occurredOn", today),
            Text.Required(input.Description, "description", MaxDescriptionLength, multiline: true),
            ParseEvidenceUrl(input.EvidenceUrl), ParseProject(input.ProjectId, network));
    }

    private static decimal ParseQuantity(string? text, KindRule rule)
    {
        var quantity = DecimalText.Parse(text, "quantity");
        if (quantity <= 0 || quantity > MaxQuantity)
            throw RuleViolation.Invalid("quantity", $"'quantity' must be more than 0 and at most {MaxQuantity:0}.");
        if (quantity.Scale > rule.MaxDecimals)
            throw RuleViolation.Invalid("quantity", rule.IsMoney
                ? $"'quantity' has more decimals than {rule.Unit} has ({rule.MaxDecimals})."
                : $"'quantity' may have at most {rule.MaxDecimals} decimals.");
        return quantity;
    }

    private static string? ParseEvidenceUrl(string? text)
    {
        if (Text.Optional(text, "evidenceUrl", MaxUrlLength) is not { } trimmed)
            return null;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute,
            out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw RuleViolation.Invalid("evidenceUrl", "'evidenceUrl' must be an absolute http or https address.");
        return trimmed;
    }

    private static Guid? ParseProject(string? text, Network network)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!Guid.TryParse(text, out var projectId) || !network.Projects.ContainsKey(projectId))
            throw RuleViolation.Invalid("projectId", $"'projectId' names no project of this network (got '{text}').");
        return projectId;
    }
}
