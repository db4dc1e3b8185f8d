using Marten;
using OpenValue.Api.Infrastructure;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;
using DomainShares = OpenValue.Domain.Valuation.Shares;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Shares;

/// <summary>One member's points and share as of one moment of a history, and the total points in scope then.</summary>
public sealed record SharePoint(Instant At, string Points, string TotalPoints, string Share, string Percent);

public sealed record ShareHistoryResponse(
    Guid MemberId, Guid? ProjectId, Instant From, Instant To, string Step, IReadOnlyList<SharePoint> Points);

public static class ShareHistory
{
    /// <summary>The most moments one history holds: a year of days, or seven years of weeks.</summary>
    public const int MaxPoints = 366;

    /// <summary>How many steps back <c>from</c> lies when left out (so 26 moments by default).</summary>
    private const int DefaultSteps = 25;

    /// <summary>
    /// A member's points and share at <c>from</c>, every step after it, and <c>to</c> (default now), each exactly
    /// what GET /shares?asOf= gives for that moment. The points come from one pass over the ledger's entries
    /// (<see cref="PointsLedger.Increments"/>) and the shares from them, moment by moment; only a moment under a
    /// value equation with a half-life (whose points depend on each contribution's age) is read on its own.
    /// </summary>
    [WolverineGet("/networks/{networkId}/shares/history")]
    [EndpointSummary("A member's points and share over time")]
    [EndpointDescription(
        "The member's (default: the caller's) points and share at from, every step (day, week or month) after " +
        "it and to (default now), for charts; at most 366 moments, and never later than now.")]
    public static async Task<ShareHistoryResponse> Get(
        Guid networkId, string? memberId, string? projectId, string? from, string? to, string? step,
        IQuerySession session, IShareSource shares, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var member = MemberOf(memberId, http.Caller());
        var (stepName, moments) = Moments(from, to, step, http.Now());
        var project = await ShareText.Project(projectId, session, cancellation);
        if (await session.LoadAsync<MemberView>(member, cancellation) is null)
            throw RuleViolation.Invalid("memberId", $"'memberId' names no member of this network (got '{memberId}').");
        var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
        var increments = await PointsLedger.Increments(session.DocumentStore, session.TenantId, project, moments,
            cancellation);
        var labels = moments.Any(m => network.EquationAt(m)?.ClassWeights is not null)
            ? await MemberLabels.Load(session, null, cancellation)
            : null;

        var running = new Dictionary<Guid, decimal>();
        var points = new List<SharePoint>(moments.Count);
        for (var k = 0; k < moments.Count; k++)
        {
            foreach (var (holder, added) in increments[k])
                running[holder] = running.GetValueOrDefault(holder) + added;
            var equation = network.EquationAt(moments[k]);
            points.Add(equation?.HalfLifeDays is null
                ? Point(moments[k], member, running, equation, labels)
                : await Decayed(shares, networkId, project, moments[k], member, cancellation));
        }
        return new ShareHistoryResponse(member, project, moments[0], moments[^1], stepName, points);
    }

    private static Guid MemberOf(string? text, Caller caller) =>
        string.IsNullOrEmpty(text) ? caller.MemberId
        : Guid.TryParse(text, out var id) ? id
        : throw RuleViolation.Invalid("memberId", $"'memberId' must be a member id (got '{text}').");

    /// <summary>The moments of the history, in order, from the query's from, to and step.</summary>
    public static (string Step, List<Instant> Moments) Moments(string? from, string? to, string? step, Instant now)
    {
        var name = string.IsNullOrEmpty(step) ? "week" : step;
        Func<Instant, int, Instant> plus = name switch
        {
            "day" => (at, n) => at.Plus(Duration.FromDays(n)),
            "week" => (at, n) => at.Plus(Duration.FromDays(7 * n)),
            "month" => (at, n) => at.InUtc().LocalDateTime.PlusMonths(n).InUtc().ToInstant(),
            _ => throw RuleViolation.Invalid("step", $"'step' must be day, week or month (got '{step}')."),
        };
        var end = Moment(to, "to") ?? now;
        if (end > now)
            throw RuleViolation.Invalid("to", $"'to' must not be in the future (now is {Iso(now)}).");
        var start = Moment(from, "from") ?? plus(end, -DefaultSteps);
        if (start > end)
            throw RuleViolation.Invalid("from", $"'from' must not be after 'to' ({Iso(end)}).");
        var moments = new List<Instant>();
        for (var at = start; at < end; at = plus(start, moments.Count))
        {
            if (moments.Count == MaxPoints - 1)
                throw RuleViolation.Invalid("from",
                    $"From 'from' to 'to' by {name} is more than {MaxPoints} moments: choose a later 'from' or a " +
                    "longer step.");
            moments.Add(at);
        }
        moments.Add(end);
        return (name, moments);
    }

    private static Instant? Moment(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw RuleViolation.Invalid(field,
                $"'{field}' must be an instant such as 2026-11-01T00:00:00Z (got '{text}').");
    }

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);

    /// <summary>
    /// The member's line as ShareSource computes it from the same points: every holder's share, so the
    /// largest-remainder rounding matches GET /shares to the last decimal place.
    /// </summary>
    private static SharePoint Point(
        Instant at, Guid member, Dictionary<Guid, decimal> running, ValueEquation? equation,
        IReadOnlyDictionary<Guid, MemberLabel>? labels)
    {
        var holding = running.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
        var total = running.Values.Sum();
        var lines = equation?.ClassWeights is { } weights
            ? DomainShares.Of(holding, holding.Keys.ToDictionary(m => m, m => labels![m].ClassAt(at)), weights)
            : DomainShares.Of(holding);
        var line = lines.FirstOrDefault(l => l.MemberId == member);
        return new SharePoint(at, DecimalText.Format(running.GetValueOrDefault(member)), DecimalText.Format(total),
            DecimalText.Format(line?.Share ?? 0m), ShareText.Percent(line?.Percent ?? 0m));
    }

    private static async Task<SharePoint> Decayed(
        IShareSource shares, Guid networkId, Guid? project, Instant at, Guid member, CancellationToken cancellation)
    {
        var snapshot = await shares.AsOf(networkId, project, at, new ShareLines(MemberId: member), cancellation);
        var line = snapshot.Members.FirstOrDefault();
        return new SharePoint(at, DecimalText.Format(line?.Points ?? 0m), DecimalText.Format(snapshot.TotalPoints),
            DecimalText.Format(line?.Share ?? 0m), ShareText.Percent(line?.Percent ?? 0m));
    }
}
