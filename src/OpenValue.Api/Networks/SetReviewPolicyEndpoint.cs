using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

public sealed record ReviewPolicyRequest(int? ApprovalsRequired);

public sealed record ReviewPolicyResponse(int ApprovalsRequired);

public static class SetReviewPolicyEndpoint
{
    [WolverinePost("/networks/{networkId}/review-policy"), Allow(Role.Steward)]
    [EndpointSummary("Set the review policy")]
    [EndpointDescription("How many approvals by reviewers other than the author accept a contribution.")]
    public static Task<ReviewPolicyResponse> Set(Guid networkId, ReviewPolicyRequest body, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            Domain.Governance.GovernanceRules.RequireDirect(stream.Aggregate!,
                Domain.Governance.ProposalKind.ReviewPolicy);
            var command = new SetReviewPolicy(body.ApprovalsRequired, http.Caller().MemberId);
            stream.AppendMany(ReviewPolicy.Decide(command, stream.Aggregate!, now));
            return new ReviewPolicyResponse(body.ApprovalsRequired!.Value);
        });
}
