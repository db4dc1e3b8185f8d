using Marten;
using Marten.Events.Projections;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class GetIncomeEndpoint
{
    [WolverineGet("/networks/{networkId}/income/{incomeId}")]
    [EndpointSummary("Get an income record")]
    [EndpointDescription(
        "Its amount, source, date and pool, and whether it was reversed; the note and the reversal's reason for " +
        "treasurers only.")]
    public static async Task<IncomeResponse> Get(Guid incomeId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<IncomeView>(incomeId, http.RequestAborted) is { } view
            ? IncomeResponse.From(view, http.Caller().Holds(Role.Treasurer),
                await Privacy.Unsealed.For(session, [view.Note], http.RequestAborted))
            : throw RuleViolation.NotFound("income-not-found", $"Income record {incomeId} is not in this network.");
}
