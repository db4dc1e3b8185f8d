using Marten;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

/// <param name="DecisionTypes">Per kind of change ("value-equation": "significant", …); kinds left out keep theirs.
/// </param>
/// <param name="MinimumDays">Per decision type, the fewest days a proposal stays open (0 to 90).</param>
/// <param name="StewardsAdoptDirectly">Left out: false when governance is first turned on, else unchanged.</param>
public sealed record GovernancePolicyRequest(
    IReadOnlyDictionary<string, string?>? DecisionTypes = null, IReadOnlyDictionary<string, int?>? MinimumDays = null,
    bool? StewardsAdoptDirectly = null);

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

public static class GovernancePolicyEndpoints
{
    [WolverinePost("/networks/{networkId}/governance-policy"), Allow(Role.Steward)]
    [EndpointSummary("Set the governance policy")]
    [EndpointDescription(
        "Which decision type each kind of change needs, each type's minimum days open, and whether stewards may " +
        "still adopt value equations and policies directly. The first call turns governance on. Once stewards " +
        "may not adopt directly, this route too is 403 proposal-required: the policy changes by proposal.")]
    public static async Task<GovernancePolicyResponse> Set(
        Guid networkId, GovernancePolicyRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var stream = await session.Events.FetchForWriting<Network>(networkId, http.RequestAborted);
        var network = stream.Aggregate!;
        GovernanceRules.RequireDirect(network, ProposalKind.GovernancePolicy);
        var command = new SetGovernancePolicy(body.DecisionTypes, body.MinimumDays, body.StewardsAdoptDirectly,
            http.Caller().MemberId);
        var events = GovernanceRules.Decide(command, network, clock.GetCurrentInstant());
        stream.AppendMany(events);
        await session.SaveChangesAsync(http.RequestAborted);
        return GovernancePolicyResponse.Of(events.Aggregate((Network?)network, Network.Evolve)!.Governance);
    }

    [WolverineGet("/networks/{networkId}/governance-policy")]
    [EndpointSummary("Get the governance policy")]
    public static async Task<GovernancePolicyResponse> Get(Guid networkId, HttpContext http, IQuerySession session) =>
        GovernancePolicyResponse.Of((await session.LoadAsync<Network>(networkId, http.RequestAborted))!.Governance);
}
