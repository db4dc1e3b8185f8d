using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

/// <summary>The contribution kinds whose points each kind of leaver keeps: kinds, or ["all"].</summary>
public sealed record LeaverTermsRequest(
    IReadOnlyList<string?>? GoodLeaverKeeps = null, IReadOnlyList<string?>? BadLeaverKeeps = null);

public sealed record TreasuryPolicyRequest(
    string? FourEyes = null, int? CoolingOffHours = null, LeaverTermsRequest? LeaverTerms = null);

public sealed record LeaverTermsResponse(IReadOnlyList<string> GoodLeaverKeeps, IReadOnlyList<string> BadLeaverKeeps);

/// <summary>
/// The four-eyes rule in force, whether a distribution proposed now would need a second treasurer, the
/// cooling-off period of the approver-independence check, and what each kind of leaver keeps.
/// </summary>
public sealed record TreasuryPolicyResponse(
    string FourEyes, bool SecondApprovalRequired, int CoolingOffHours, LeaverTermsResponse LeaverTerms)
{
    public static TreasuryPolicyResponse Of(Network network) =>
        new(Statuses.Name(network.FourEyes), network.SecondApprovalRequired, (int)network.CoolingOff.TotalHours,
            new LeaverTermsResponse(LeaverPolicy.Wire(network.Leavers.GoodLeaverKeeps),
                LeaverPolicy.Wire(network.Leavers.BadLeaverKeeps)));
}

public static class SetTreasuryPolicyEndpoint
{
    [WolverinePost("/networks/{networkId}/treasury-policy"), Allow(Role.Steward)]
    [EndpointSummary("Set the four-eyes rule")]
    [EndpointDescription(
        "Whether a distribution needs a second treasurer's approval: always, never, or when the network has two " +
        "treasurers; the cooling-off hours; and the leaver terms: which contribution kinds' points a good and a " +
        "bad leaver keep (kinds, or [\"all\"]; by default all, and cash and expense). Setting the rule in force " +
        "changes nothing.")]
    public static Task<TreasuryPolicyResponse> Set(Guid networkId, TreasuryPolicyRequest body, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            Domain.Governance.GovernanceRules.RequireDirect(stream.Aggregate!,
                Domain.Governance.ProposalKind.TreasuryPolicy);
            var command = new SetTreasuryPolicy(body.FourEyes, body.CoolingOffHours, http.Caller().MemberId,
                body.LeaverTerms?.GoodLeaverKeeps, body.LeaverTerms?.BadLeaverKeeps);
            var events = TreasuryPolicy.Decide(command, stream.Aggregate!, now);
            stream.AppendMany(events);
            return TreasuryPolicyResponse.Of(events.Aggregate(stream.Aggregate, Network.Evolve)!);
        });
}
