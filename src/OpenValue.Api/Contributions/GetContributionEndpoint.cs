using Marten;
using Marten.Linq;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Contributions;

public static class GetContributionEndpoint
{
    [WolverineGet("/networks/{networkId}/contributions/{contributionId}")]
    [EndpointSummary("Get a contribution")]
    [EndpointDescription("With its reviews, status, points and the version a review must name.")]
    public static Task<ContributionResponse> Get(Guid contributionId, IQuerySession session, HttpContext http) =>
        ContributionResponse.Load(session, contributionId, http.RequestAborted);
}
