using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class GetDistributionEndpoint
{
    [WolverineGet("/networks/{networkId}/distributions/{distributionId}")]
    [EndpointSummary("Get a distribution")]
    [EndpointDescription("Its lines, the shares it used, status, policy, equation version and asOf.")]
    public static async Task<DistributionResponse> Get(Guid distributionId, IQuerySession session, HttpContext http) =>
        await TreasuryResponses.Of(session, await TreasuryResponses.Load(session, distributionId, http.RequestAborted),
            http.RequestAborted);
}
