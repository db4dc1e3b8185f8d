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
