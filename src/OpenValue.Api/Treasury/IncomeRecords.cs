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

/// <summary>
/// One income record as members list it. Tenanted by network; written inline with the pool stream's append.
/// <see cref="ReceivedOnDay"/> is <see cref="ReceivedOn"/> as a day number, for date ranges in queries.
/// </summary>
public sealed class IncomeView
{
    public Guid Id { get; set; }
    public Guid PoolId { get; set; }
    public Guid? ProjectId { get; set; }
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";
    public string Source { get; set; } = "";
    public LocalDate ReceivedOn { get; set; }
    public int ReceivedOnDay { get; set; }
    public string? Note { get; set; }
    public Guid RecordedBy { get; set; }
    public Instant RecordedAt { get; set; }
    public long Sequence { get; set; }
    public Guid? ReversedBy { get; set; }
    public Instant? ReversedAt { get; set; }
    public string? ReversalReason { get; set; }
}

public sealed class IncomeViewProjection : MultiStreamProjection<IncomeView, Guid>
{
    public IncomeViewProjection()
    {
        Identity<IncomeRecorded>(e => e.IncomeId);
        Identity<IncomeReversed>(e => e.IncomeId);
    }

    public static IncomeView Create(JasperFx.Events.IEvent<IncomeRecorded> e) => new()
    {
        Id = e.Data.IncomeId, PoolId = e.Data.PoolId, ProjectId = e.Data.ProjectId, AmountMinor = e.Data.AmountMinor,
        Currency = e.Data.Currency, Source = Statuses.Name(e.Data.Source), ReceivedOn = e.Data.ReceivedOn,
        ReceivedOnDay = DayOf(e.Data.ReceivedOn), Note = e.Data.Note, RecordedBy = e.Data.RecordedBy,
        RecordedAt = e.Data.RecordedAt, Sequence = e.Sequence,
    };

    public static void Apply(IncomeView view, IncomeReversed e) =>
        (view.ReversedBy, view.ReversedAt, view.ReversalReason) = (e.ReversedBy, e.ReversedAt, e.Reason);

    public static int DayOf(LocalDate date) => date.ToDateOnly().DayNumber;
}

/// <summary>
/// A note, and the reason for a reversal, are shown to treasurers only: to other members income is an amount, a
/// source and a date, and whether (by whom, when) it was reversed.
/// </summary>
public sealed record IncomeResponse(
    Guid IncomeId, Guid PoolId, Guid? ProjectId, MoneyResponse Amount, string Source, LocalDate ReceivedOn,
    string? Note, Guid RecordedBy, Instant RecordedAt, bool Reversed, Guid? ReversedBy, Instant? ReversedAt,
    string? ReversalReason)
{
    /// <param name="notes">The sealed notes opened; null when the caller may not read them.</param>
    public static IncomeResponse From(IncomeView v, bool treasurer, Privacy.Unsealed? notes = null) => new(v.Id,
        v.PoolId, v.ProjectId, MoneyResponse.Of(v.AmountMinor, v.Currency), v.Source, v.ReceivedOn,
        treasurer && notes is not null ? notes.Text(v.Note) : null,
        v.RecordedBy, v.RecordedAt, v.ReversedAt is not null, v.ReversedBy, v.ReversedAt,
        treasurer ? v.ReversalReason : null);
}

public sealed record IncomePage(IReadOnlyList<IncomeResponse> Items, int Page, int PageSize, long TotalCount);

public static class IncomeRecords
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
