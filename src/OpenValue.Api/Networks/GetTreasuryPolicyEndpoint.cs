using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks;

public static class GetTreasuryPolicyEndpoint
{
    [WolverineGet("/networks/{networkId}/treasury-policy")]
    [EndpointSummary("Get the four-eyes rule")]
    public static async Task<TreasuryPolicyResponse> Get(Guid networkId, HttpContext http, IQuerySession session) =>
        TreasuryPolicyResponse.Of((await session.LoadAsync<Network>(networkId, http.RequestAborted))!);
}
