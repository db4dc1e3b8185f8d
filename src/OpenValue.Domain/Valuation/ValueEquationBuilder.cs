using System.Text.RegularExpressions;
using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>Validates a <see cref="ValueEquationRequest"/> into a <see cref="ValueEquation"/>.</summary>
public static partial class ValueEquationBuilder
{
    // The bounds keep every product exact: a quantity (at most 10^9 with 3 decimals) × rate × multiplier
    // has at most 17 integer digits and 3 + 4 + 3 decimals, within decimal's 28 significant digits, so no
    // claim a network accepts can later fail to be valued, and 10^6 such products still sum far below
    // decimal's limit (about 7.9 × 10^28).
    public const decimal MaxRate = 1_000_000m;
    public const int RateDecimals = 4;
    public const decimal MaxMultiplier = 100m;
    public const int MultiplierDecimals = 3;
    public const int MaxHalfLifeDays = 36_500;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindName();

    /// <summary>
    /// Builds version <paramref name="version"/> from <paramref name="request"/>: the preset's rules (if any),
    /// then each requested kind on top, field by field. Refuses with <see cref="RuleViolation.Invalid"/> naming
    /// the exact field ("preset", "rules", "rules.work.rate", "halfLifeDays", "classWeights.labour",
    /// "classWeights", "projectOverrides.{projectId}.work.unit"): an unknown preset or unit, a rate or
    /// multiplier that is not a decimal string &gt; 0, no rule at all, a half-life ≤ 0, a negative class
    /// weight, or class weights that do not sum to exactly 1.
    /// </summary>
    public static ValueEquation Build(ValueEquationRequest request, int version, Instant? effectiveFrom)
    {
        var preset = PresetRules(request.Preset);
        var rules = MergeRules(preset, request.Rules, "rules");
        if (rules.Count == 0)
            throw RuleViolation.Invalid("rules", "A value equation needs at least one rule (or a preset).");
        if (request.HalfLifeDays is not (null or (>= 1 and <= MaxHalfLifeDays)))
            throw RuleViolation.Invalid("halfLifeDays",
                $"'halfLifeDays' must be a whole number from 1 to {MaxHalfLifeDays} (got {request.HalfLifeDays}).");

        var overrides = (request.ProjectOverrides ?? new Dictionary<Guid, IReadOnlyDictionary<string,
            KindRuleRequest?>?>())
            .ToDictionary(
                p => p.Key,
                p => (IReadOnlyDictionary<string, KindRule>)MergeRules(rules, p.Value, $"projectOverrides.{p.Key}",
                    onlyGiven: true));
        return new ValueEquation(version, rules, request.HalfLifeDays, overrides,
            ParseClassWeights(request.ClassWeights), effectiveFrom);
    }

    private static IReadOnlyDictionary<string, KindRule> PresetRules(string? name)
    {
        if (name is null) return new Dictionary<string, KindRule>();
        return Presets.Named(name)
               ?? throw RuleViolation.Invalid("preset",
                   $"'preset' has an unknown value '{name}'; expected one of: {string.Join(", ", Presets.Names)}.");
    }

    /// <summary>
    /// The <paramref name="inherited"/> rules with the requested ones on top. With <paramref name="onlyGiven"/>
    /// (project overrides) the result holds only the requested kinds, each completed from the inherited rule.
    /// </summary>
    private static Dictionary<string, KindRule> MergeRules(
        IReadOnlyDictionary<string, KindRule> inherited, IReadOnlyDictionary<string, KindRuleRequest?>? requested,
        string field, bool onlyGiven = false)
    {
        var merged = onlyGiven ? [] : new Dictionary<string, KindRule>(inherited);
        foreach (var (kind, rule) in requested ?? new Dictionary<string, KindRuleRequest?>())
        {
            if (!KindName().IsMatch(kind))
                throw RuleViolation.Invalid(field,
                    $"'{field}' has a kind '{kind}' that is not a lower-case word such as \"work\".");
            merged[kind] = ParseRule(rule, inherited.GetValueOrDefault(kind), $"{field}.{kind}");
        }
        return merged;
    }

    private static KindRule ParseRule(KindRuleRequest? rule, KindRule? inherited, string field)
    {
        if (rule is null)
            throw RuleViolation.Invalid(field, $"'{field}' must be an object with unit, rate and multiplier.");
        var unit = rule.Unit is null && inherited is not null ? inherited.Unit : ParseUnit(rule.Unit, $"{field}.unit");
        var rate = rule.Rate is null && inherited is not null
            ? inherited.Rate
            : Bounded(rule.Rate, $"{field}.rate", MaxRate, RateDecimals);
        var multiplier = rule.Multiplier is null && inherited is not null
            ? inherited.Multiplier
            : Bounded(rule.Multiplier, $"{field}.multiplier", MaxMultiplier, MultiplierDecimals);
        return new KindRule(unit, rate, multiplier);
    }

    private static ValueUnit ParseUnit(string? unit, string field) => unit switch
    {
        "hour" => ValueUnit.Hour,
        "point" => ValueUnit.Point,
        "money" => ValueUnit.Money,
        null => throw RuleViolation.Invalid(field, $"'{field}' is required: \"hour\", \"point\" or \"money\"."),
        _ => throw RuleViolation.Invalid(field,
            $"'{field}' has an unknown unit '{unit}'; expected \"hour\", \"point\" or \"money\" (the network's currency)."),
    };

    private static decimal Bounded(string? value, string field, decimal max, int maxDecimals)
    {
        var parsed = DecimalText.Parse(value, field, maxDecimals: maxDecimals);
        if (parsed <= 0)
            throw RuleViolation.Invalid(field, $"'{field}' must be greater than 0 (got \"{value}\").");
        return parsed <= max
            ? parsed
            : throw RuleViolation.Invalid(field,
                $"'{field}' must be at most {DecimalText.Format(max)} (got \"{value}\").");
    }

    private static IReadOnlyDictionary<StakeholderClass, decimal>? ParseClassWeights(IReadOnlyDictionary<string,
        string?>? weights)
    {
        if (weights is null) return null;
        var parsed = new Dictionary<StakeholderClass, decimal>();
        foreach (var (name, value) in weights)
        {
            var stakeholderClass = Wire.Parse<StakeholderClass>(name, $"classWeights.{name}");
            if (!parsed.TryAdd(stakeholderClass, DecimalText.Parse(value, $"classWeights.{name}")))
                throw RuleViolation.Invalid($"classWeights.{name}", $"'classWeights' names the class '{name}' twice.");
        }
        // Exactly 1, not "about 1": the weights are the network's constitution and must add up on paper too.
        if (parsed.Values.Sum() != 1m)
            throw RuleViolation.Invalid("classWeights",
                $"'classWeights' must sum to exactly 1 (they sum to {DecimalText.Format(parsed.Values.Sum())}).");
        return parsed;
    }
}
