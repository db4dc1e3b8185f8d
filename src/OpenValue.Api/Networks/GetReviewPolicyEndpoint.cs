using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

public static class GetReviewPolicyEndpoint
{
    [WolverineGet("/networks/{networkId}/review-policy")]
    [EndpointSummary("Get the review policy")]
    public static async Task<ReviewPolicyResponse> Get(Guid networkId, HttpContext http, IQuerySession session)
    {
        var network = await session.LoadAsync<Network>(networkId, http.RequestAborted);
        return new ReviewPolicyResponse(network!.ApprovalsRequired);
    }
}
