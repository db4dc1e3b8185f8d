using System.Collections.Immutable;
using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Governance;

public sealed record KindDecisionType(ProposalKind Kind, DecisionType DecisionType);

public sealed record DecisionMinimumDays(DecisionType DecisionType, int Days);

/// <summary>
/// A steward (or a passed proposal, then <c>ProposalId</c>) set the governance policy: which decision type each
/// kind of change needs, how long each type stays open at least, and whether stewards may still change the
/// value equation and the policies directly. The first one turns governance on.
/// </summary>
public sealed record GovernancePolicySet(
    Guid NetworkId, IReadOnlyList<KindDecisionType> DecisionTypes, IReadOnlyList<DecisionMinimumDays> MinimumDays,
    bool StewardsAdoptDirectly, Guid SetBy, Instant SetAt, Guid? ProposalId = null);

/// <summary>Any field may be left out (null): it keeps the value in force.</summary>
public sealed record SetGovernancePolicy(
    IReadOnlyDictionary<string, string?>? DecisionTypes, IReadOnlyDictionary<string, int?>? MinimumDays,
    bool? StewardsAdoptDirectly, Guid SetBy);

/// <summary>The governance policy in force; <see cref="Default"/> until a network first sets one.</summary>
public sealed record GovernancePolicy(
    bool On, bool StewardsAdoptDirectly, ImmutableDictionary<ProposalKind, DecisionType> DecisionTypes,
    ImmutableDictionary<DecisionType, int> MinimumDays)
{
    /// <summary>
    /// Off: stewards adopt directly, as before governance. Proposals may still be made, under these types: a
    /// value equation needs a significant decision, everything else a standard one. Minimum days open: standard
    /// 3, significant 5, quorum 10 (everyone's say takes longest to gather), emergency 0 (it cannot wait).
    /// </summary>
    public static readonly GovernancePolicy Default = new(
        false, true,
        ImmutableDictionary.CreateRange(Enum.GetValues<ProposalKind>().Select(k => KeyValuePair.Create(k,
            k == ProposalKind.ValueEquation ? DecisionType.Significant : DecisionType.Standard))),
        ImmutableDictionary.CreateRange(new Dictionary<DecisionType, int>
        {
            [DecisionType.Standard] = 3, [DecisionType.Significant] = 5, [DecisionType.Quorum] = 10,
            [DecisionType.Emergency] = 0,
        }));

    public DecisionType Required(ProposalKind kind) => DecisionTypes.GetValueOrDefault(kind, DecisionType.Standard);

    public Duration Minimum(DecisionType type) => Duration.FromDays(MinimumDays.GetValueOrDefault(type));

    public static GovernancePolicy From(GovernancePolicySet e) => new(
        true, e.StewardsAdoptDirectly,
        Default.DecisionTypes.SetItems(e.DecisionTypes.Select(d => KeyValuePair.Create(d.Kind, d.DecisionType))),
        Default.MinimumDays.SetItems(e.MinimumDays.Select(d => KeyValuePair.Create(d.DecisionType, d.Days))));
}

public static class GovernanceRules
{
    public const int MaxMinimumDays = 90;

    /// <summary>
    /// Refuses a steward's direct change of <paramref name="kind"/> once governance says stewards may not: then
    /// it is decided by a proposal (403 proposal-required).
    /// </summary>
    public static void RequireDirect(Network network, ProposalKind kind)
    {
        if (!network.Governance.StewardsAdoptDirectly)
            throw RuleViolation.Forbidden("proposal-required",
                $"This network decides its {Statuses.Name(kind)} by proposal: POST /networks/{{networkId}}/proposals " +
                $"with kind '{Statuses.Name(kind)}' (a {Statuses.Name(network.Governance.Required(kind))} decision).");
    }

    /// <summary>
    /// The first call turns governance on (stewards then may not adopt directly unless it says so); later, a
    /// policy already in force appends nothing.
    /// </summary>
    public static object[] Decide(SetGovernancePolicy command, Network network, Instant now)
    {
        var current = network.Governance;
        var types = current.DecisionTypes;
        foreach (var (key, value) in command.DecisionTypes ?? new Dictionary<string, string?>())
            types = types.SetItem(Statuses.Parse<ProposalKind>(key, $"decisionTypes.{key}"),
                Statuses.Parse<DecisionType>(value, $"decisionTypes.{key}"));
        var minimum = current.MinimumDays;
        foreach (var (key, value) in command.MinimumDays ?? new Dictionary<string, int?>())
        {
            var type = Statuses.Parse<DecisionType>(key, $"minimumDays.{key}");
            if (value is not (>= 0 and <= MaxMinimumDays))
                throw RuleViolation.Invalid($"minimumDays.{key}",
                    $"'minimumDays.{key}' must be a whole number of days from 0 to {MaxMinimumDays}.");
            minimum = minimum.SetItem(type, value.Value);
        }
        var direct = command.StewardsAdoptDirectly ?? (current.On && current.StewardsAdoptDirectly);
        var next = new GovernancePolicy(true, direct, types, minimum);
        if (current.On && SameAs(current, next))
            return [];
        return [new GovernancePolicySet(network.Id,
            [.. types.OrderBy(t => t.Key).Select(t => new KindDecisionType(t.Key, t.Value))],
            [.. minimum.OrderBy(m => m.Key).Select(m => new DecisionMinimumDays(m.Key, m.Value))],
            direct, command.SetBy, now)];
    }

    private static bool SameAs(GovernancePolicy a, GovernancePolicy b) =>
        a.StewardsAdoptDirectly == b.StewardsAdoptDirectly
        && a.DecisionTypes.Count == b.DecisionTypes.Count && a.DecisionTypes.All(t => b.Required(t.Key) == t.Value)
        && a.MinimumDays.All(m => b.MinimumDays.GetValueOrDefault(m.Key) == m.Value);
}
