using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
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

public static class SetGovernancePolicyEndpoint
{
    [WolverinePost("/networks/{networkId}/governance-policy"), Allow(Role.Steward)]
    [EndpointSummary("Set the governance policy")]
    [EndpointDescription(
        "Which decision type each kind of change needs, each type's minimum days open, and whether stewards may " +
        "still adopt value equations and policies directly. The first call turns governance on. Once stewards " +
        "may not adopt directly, this route too is 403 proposal-required: the policy changes by proposal.")]
    public static Task<GovernancePolicyResponse> Set(
        Guid networkId, GovernancePolicyRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var network = stream.Aggregate!;
            GovernanceRules.RequireDirect(network, ProposalKind.GovernancePolicy);
            var command = new SetGovernancePolicy(body.DecisionTypes, body.MinimumDays, body.StewardsAdoptDirectly,
                http.Caller().MemberId);
            var events = GovernanceRules.Decide(command, network, now);
            stream.AppendMany(events);
            return GovernancePolicyResponse.Of(events.Aggregate((Network?)network, Network.Evolve)!.Governance);
        });
}
