using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Budgeting;

public static class GetRoundEndpoint
{
    [WolverineGet("/networks/{networkId}/rounds/{roundId}")]
    [EndpointSummary("Get a co-budgeting round")]
    [EndpointDescription(
        "Each member's budget, allocated and remaining; each bucket's goals, total, funders and status; once closed, " +
        "the payouts and what returned to the pool.")]
    public static async Task<RoundResponse> Get(Guid roundId, IQuerySession session, HttpContext http) =>
        await RoundResponses.Of(session, await RoundResponses.Load(session, roundId, http.RequestAborted),
            http.RequestAborted);
}
