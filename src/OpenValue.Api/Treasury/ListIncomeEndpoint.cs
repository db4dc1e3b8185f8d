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

public static class ListIncomeEndpoint
{
    /// <summary>Newest receipt first (then newest record), a page at a time; dates inclusive.</summary>
    [WolverineGet("/networks/{networkId}/income")]
    [EndpointSummary("List income records")]
    [EndpointDescription(
        "Newest first, a page at a time. Filters: projectId, source, and receivedOn from/to (inclusive ISO " +
        "dates).")]
    public static async Task<IncomePage> List(
        string? projectId, string? source, string? from, string? to, string? page, string? pageSize,
        IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        IQueryable<IncomeView> query = session.Query<IncomeView>();
        if (await ShareText.Project(projectId, session, http.RequestAborted) is { } project)
            query = query.Where(v => v.ProjectId == project);
        if (!string.IsNullOrEmpty(source))
        {
            var name = Statuses.Name(Statuses.Parse<IncomeSource>(source, "source"));
            query = query.Where(v => v.Source == name);
        }
        if (Date(from, "from") is { } first)
            query = query.Where(v => v.ReceivedOnDay >= first);
        if (Date(to, "to") is { } last)
            query = query.Where(v => v.ReceivedOnDay <= last);
        var views = await query.OrderByDescending(v => v.ReceivedOnDay).ThenByDescending(v => v.Sequence)
            .Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(http.RequestAborted);
        var notes = http.Caller().Holds(Role.Treasurer);
        var texts = notes ? await Privacy.Unsealed.For(session, views.Select(v => v.Note), http.RequestAborted) : null;
        var items = views.Select(v => IncomeResponse.From(v, notes, texts)).ToList();
        return new IncomePage(items, wanted.Number, wanted.Size, stats.TotalResults);
    }

    private static int? Date(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? IncomeViewProjection.DayOf(parsed.Value)
            : throw RuleViolation.Invalid(field, $"'{field}' must be an ISO date such as 2026-11-25 (got '{text}').");
    }
}
