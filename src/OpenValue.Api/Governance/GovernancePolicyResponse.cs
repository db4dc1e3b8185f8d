using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Governance;

/// <summary>The governance policy in force: off (the defaults) until a network first sets one.</summary>
public sealed record GovernancePolicyResponse(
    bool GovernanceOn, bool StewardsAdoptDirectly, IReadOnlyDictionary<string, DecisionType> DecisionTypes,
    IReadOnlyDictionary<string, int> MinimumDays)
{
    public static GovernancePolicyResponse Of(GovernancePolicy policy) => new(
        policy.On, policy.StewardsAdoptDirectly,
        Enum.GetValues<ProposalKind>().ToDictionary(Statuses.Name, policy.Required),
        Enum.GetValues<DecisionType>().ToDictionary(Statuses.Name, t => (int)policy.Minimum(t).TotalDays));
}
