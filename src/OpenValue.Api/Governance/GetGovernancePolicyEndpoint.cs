using Marten;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Governance;

public static class GetGovernancePolicyEndpoint
{
    [WolverineGet("/networks/{networkId}/governance-policy")]
    [EndpointSummary("Get the governance policy")]
    public static async Task<GovernancePolicyResponse> Get(Guid networkId, HttpContext http, IQuerySession session) =>
        GovernancePolicyResponse.Of((await session.LoadAsync<Network>(networkId, http.RequestAborted))!.Governance);
}
