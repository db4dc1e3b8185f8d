using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
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

public sealed record RoundSummary(
    Guid RoundId, string Title, RoundStatus Status, Guid? ProjectId, MoneyResponse Amount, BudgetRule Budget,
    Instant OpensAt, Instant ClosesAt, int BucketCount, Guid OpenedBy, Instant OpenedAt);

public sealed record RoundPage(IReadOnlyList<RoundSummary> Items, int Page, int PageSize, long TotalCount);

public static class ListRoundsEndpoint
{
    [WolverineGet("/networks/{networkId}/rounds")]
    [EndpointSummary("List co-budgeting rounds")]
    [EndpointDescription("Newest first, a page at a time, without budgets and buckets (GET one round for those).")]
    public static async Task<RoundPage> List(string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        var rounds = await session.Query<Round>().OrderByDescending(r => r.Id).Stats(out var stats)
            .Skip(wanted.Skip).Take(wanted.Size).ToListAsync(http.RequestAborted);
        return new RoundPage([.. rounds.Select(Summary)], wanted.Number, wanted.Size, stats.TotalResults);
    }


    private static RoundSummary Summary(Round r) => new(r.Id, r.Opening.Title, r.Status, r.Opening.ProjectId,
        MoneyResponse.Of(r.Opening.AmountMinor, r.Opening.Currency), r.Opening.Budget, r.Opening.OpensAt,
        r.Opening.ClosesAt, r.Buckets.Count, r.Opening.OpenedBy, r.Opening.OpenedAt);
}
