namespace OpenValue.Domain.Valuation;

/// <summary>One kind's rule as it arrives on the wire; decimals are strings so they stay exact.</summary>
/// <param name="Unit">"hour", "point" or "money" (the network's currency).</param>
/// <param name="Rate">Points per unit, a decimal string &gt; 0.</param>
/// <param name="Multiplier">A decimal string &gt; 0.</param>
public sealed record KindRuleRequest(string? Unit = null, string? Rate = null, string? Multiplier = null);

/// <summary>
/// A proposed value equation as it arrives on the wire (the body of POST /value-equations and of /simulate).
/// </summary>
/// <param name="Preset">Optional starting point: "slicing-pie", "hours-only" or "equal-money".</param>
/// <param name="Rules">Rules per kind, on top of the preset's. A field left out inherits the preset's value for that
/// kind.</param>
/// <param name="HalfLifeDays">Optional decay half-life in days, &gt; 0.</param>
/// <param name="ClassWeights">Optional FairShares weights by stakeholder class ("labour": "0.35"…), summing to exactly
/// 1.</param>
/// <param name="ProjectOverrides">Optional rules per project id; a field left out inherits the network rule for that
/// kind.</param>
public sealed record ValueEquationRequest(
    string? Preset = null,
    IReadOnlyDictionary<string, KindRuleRequest?>? Rules = null,
    int? HalfLifeDays = null,
    IReadOnlyDictionary<string, string?>? ClassWeights = null,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?>? ProjectOverrides = null);
