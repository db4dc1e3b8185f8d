using Marten;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

public sealed record ReviewPolicyRequest(int? ApprovalsRequired);

public sealed record ReviewPolicyResponse(int ApprovalsRequired);

public static class ReviewPolicyEndpoints
{
    [WolverinePost("/networks/{networkId}/review-policy"), Allow(Role.Steward)]
    [EndpointSummary("Set the review policy")]
    [EndpointDescription("How many approvals by reviewers other than the author accept a contribution.")]
    public static async Task<ReviewPolicyResponse> Set(Guid networkId, ReviewPolicyRequest body, HttpContext http,
        IDocumentSession session, IClock clock)
    {
        var stream = await session.Events.FetchForWriting<Network>(networkId, http.RequestAborted);
        Domain.Governance.GovernanceRules.RequireDirect(stream.Aggregate!, Domain.Governance.ProposalKind.ReviewPolicy);
        var command = new SetReviewPolicy(body.ApprovalsRequired, http.Caller().MemberId);
        var events = ReviewPolicy.Decide(command, stream.Aggregate!, clock.GetCurrentInstant());
        stream.AppendMany(events);
        await session.SaveChangesAsync(http.RequestAborted);
        return new ReviewPolicyResponse(body.ApprovalsRequired!.Value);
    }

    [WolverineGet("/networks/{networkId}/review-policy")]
    [EndpointSummary("Get the review policy")]
    public static async Task<ReviewPolicyResponse> Get(Guid networkId, HttpContext http, IQuerySession session)
    {
        var network = await session.LoadAsync<Network>(networkId, http.RequestAborted);
        return new ReviewPolicyResponse(network!.ApprovalsRequired);
    }
}
