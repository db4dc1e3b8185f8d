using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

/// <summary>
/// One adopted version of a network's value equation: the rules that turn accepted contributions into
/// value points, and the options that shape shares. A version never changes once adopted; build a new
/// one with <see cref="ValueEquationBuilder.Build"/> instead.
/// </summary>
/// <param name="Version">1, 2, 3… in adoption order.</param>
/// <param name="Rules">One rule per contribution kind (e.g. "work", "cash"); kinds without a rule earn no points.</param>
/// <param name="HalfLifeDays">When set, points lose half their weight every so many days (see <see cref="Decay"/>).</param>
/// <param name="ProjectOverrides">Per project, rules that replace the network rule for the same kind.</param>
/// <param name="ClassWeights">When set, FairShares class pools (see <see cref="Shares"/>); they sum to 1.</param>
/// <param name="EffectiveFrom">When the version starts to apply; null means from its adoption.</param>
public sealed record ValueEquation(
    int Version,
    IReadOnlyDictionary<string, KindRule> Rules,
    int? HalfLifeDays,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, KindRule>> ProjectOverrides,
    IReadOnlyDictionary<StakeholderClass, decimal>? ClassWeights,
    Instant? EffectiveFrom)
{
    /// <summary>
    /// The rule for <paramref name="kind"/>: the project's override when <paramref name="projectId"/> has one
    /// for that kind, otherwise the network rule, otherwise null (the kind earns no points under this version).
    /// </summary>
    public (KindRule Rule, bool FromProjectOverride)? RuleFor(string kind, Guid? projectId)
    {
        if (projectId is { } project && ProjectOverrides.TryGetValue(project, out var overrides)
            && overrides.TryGetValue(kind, out var overridden))
            return (overridden, true);
        return Rules.TryGetValue(kind, out var rule) ? (rule, false) : null;
    }
}
