using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Valuation;

public sealed record KindRuleResponse(string Unit, string Rate, string Multiplier);

/// <summary>One adopted version as stored, decimals as strings.</summary>
public sealed record ValueEquationResponse(
    int Version, IReadOnlyDictionary<string, KindRuleResponse> Rules, int? HalfLifeDays, IReadOnlyDictionary<string,
        string>? ClassWeights,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, KindRuleResponse>> ProjectOverrides, Guid AdoptedBy,
        Instant AdoptedAt)
{
    public static ValueEquationResponse From(ValueEquationAdopted e) => new(
        e.Version, RulesOf(e.Rules), e.HalfLifeDays,
        e.ClassWeights?.ToDictionary(w => Wire.Name(w.StakeholderClass), w => DecimalText.Format(w.Weight)),
        e.ProjectOverrides.ToDictionary(p => p.ProjectId, p => RulesOf(p.Rules)), e.AdoptedBy, e.AdoptedAt);

    private static IReadOnlyDictionary<string, KindRuleResponse> RulesOf(IEnumerable<ValueRule> rules) =>
        rules.ToDictionary(r => r.Kind, r => new KindRuleResponse(ValueEquations.UnitWire(r.Unit),
            DecimalText.Format(r.Rate), DecimalText.Format(r.Multiplier)));
}

public sealed record ValueEquationsResponse(IReadOnlyList<ValueEquationResponse> Versions);
