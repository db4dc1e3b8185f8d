using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

public sealed record AdoptValueEquation(ValueEquationRequest Request, Guid AdoptedBy);

/// <summary>Adopting value-equation versions, and the mapping between the stored event and the equation.</summary>
public static class ValueEquations
{
    /// <summary>
    /// Builds the next version (1 more than the last) and checks what only the network knows: every project an
    /// override names exists, and an override only re-rates a kind the network rules value, in the same unit
    /// (so a claim that fits the network's catalogue can always be valued, in a project or not).
    /// </summary>
    public static object[] Decide(AdoptValueEquation command, Network network, Instant now)
    {
        var equation = Candidate(command.Request, network, network.Equations.Count + 1, now);
        return [ToEvent(network.Id, equation, command.AdoptedBy, now)];
    }

    /// <summary>A proposed equation checked exactly as adopting would check it, for simulations.</summary>
    public static ValueEquation Candidate(ValueEquationRequest request, Network network, int version, Instant effectiveFrom)
    {
        var equation = ValueEquationBuilder.Build(request, version, effectiveFrom);
        foreach (var (projectId, rules) in equation.ProjectOverrides)
        {
            var field = $"projectOverrides.{projectId}";
            if (!network.Projects.ContainsKey(projectId))
                throw RuleViolation.Invalid(field, $"'{field}' names no project of this network.");
            foreach (var (kind, rule) in rules)
            {
                if (!equation.Rules.TryGetValue(kind, out var networkRule))
                    throw RuleViolation.Invalid($"{field}.{kind}", $"'{field}.{kind}': a project may only re-rate a kind the network rules value; add '{kind}' to 'rules' first.");
                if (networkRule.Unit != rule.Unit)
                    throw RuleViolation.Invalid($"{field}.{kind}.unit", $"'{field}.{kind}.unit' must stay '{UnitWire(networkRule.Unit)}', the unit of the network rule.");
            }
        }
        return equation;
    }

    public static ValueEquationAdopted ToEvent(Guid networkId, ValueEquation equation, Guid adoptedBy, Instant adoptedAt) => new(
        networkId, equation.Version, Rules(equation.Rules), equation.HalfLifeDays,
        equation.ClassWeights?.OrderBy(w => w.Key).Select(w => new ClassWeight(w.Key, w.Value)).ToList(),
        [.. equation.ProjectOverrides.OrderBy(p => p.Key).Select(p => new ProjectValueRules(p.Key, Rules(p.Value)))],
        adoptedBy, adoptedAt);

    /// <summary>The equation an adoption event describes; it is in force from its adoption.</summary>
    public static ValueEquation FromEvent(ValueEquationAdopted e) => new(
        e.Version,
        e.Rules.ToDictionary(r => r.Kind, Rule),
        e.HalfLifeDays,
        e.ProjectOverrides.ToDictionary(p => p.ProjectId, p => (IReadOnlyDictionary<string, KindRule>)p.Rules.ToDictionary(r => r.Kind, Rule)),
        e.ClassWeights?.ToDictionary(w => w.StakeholderClass, w => w.Weight),
        e.AdoptedAt);

    public static string UnitWire(ValueUnit unit) => unit.ToString().ToLowerInvariant();

    private static List<ValueRule> Rules(IReadOnlyDictionary<string, KindRule> rules) =>
        [.. rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ValueRule(r.Key, r.Value.Unit, r.Value.Rate, r.Value.Multiplier))];

    private static KindRule Rule(ValueRule r) => new(r.Unit, r.Rate, r.Multiplier);
}
