using System.Globalization;
using Marten;
using OpenValue.Api.Infrastructure;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using Wolverine.Http;

namespace OpenValue.Api.Shares;

public sealed record MemberShareResponse(Guid MemberId, string Name, string Points, IReadOnlyDictionary<string,
    string> PointsByKind, string Share, string Percent)
{
    public static MemberShareResponse From(MemberShare m) => new(
        m.MemberId, m.Name, DecimalText.Format(m.Points), m.PointsByKind.ToDictionary(k => k.Key, k =>
            DecimalText.Format(k.Value)),
        DecimalText.Format(m.Share), ShareText.Percent(m.Percent));
}

/// <summary>Shares of the network or one project at a moment; decimals as strings.</summary>
public sealed record SharesResponse(Instant AsOf, Guid? ProjectId, int? EquationVersion, string TotalPoints,
    IReadOnlyList<MemberShareResponse> Members)
{
    public static SharesResponse From(ShareSnapshot s) =>
        new(s.AsOf, s.ProjectId, s.EquationVersion, DecimalText.Format(s.TotalPoints),
            [.. s.Members.Select(MemberShareResponse.From)]);
}

public static class ShareText
{
    /// <summary>
    /// Display percentages always show two decimals ("82.76", "50.00"). "F2" writes what the custom format
    /// "0.00" wrote (both round half away from zero) at a third of the cost, which counts at 10,000 lines.
    /// </summary>
    public static string Percent(decimal percent) => percent.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The moment a share read is for: now when left out, and never later than now.</summary>
    public static Instant AsOf(string? text, Instant now)
    {
        if (string.IsNullOrEmpty(text))
            return now;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
            throw RuleViolation.Invalid("asOf",
                $"'asOf' must be an instant such as 2026-11-01T00:00:00Z (got '{text}').");
        var nowText = InstantPattern.ExtendedIso.Format(now);
        return parsed.Value <= now
            ? parsed.Value
            : throw RuleViolation.Invalid("asOf", $"'asOf' must not be in the future (now is {nowText}).");
    }

    /// <summary>
    /// Which lines to return: one member's (<paramref name="memberId"/>), a page of <paramref name="limit"/> lines
    /// after the member id <paramref name="after"/> in member-id order, or all. Each may be absent.
    /// </summary>
    public static ShareLines Lines(string? memberId, string? after, string? limit)
    {
        if (string.IsNullOrEmpty(memberId) && string.IsNullOrEmpty(after) && string.IsNullOrEmpty(limit))
            return ShareLines.All;
        if (!string.IsNullOrEmpty(memberId))
            return string.IsNullOrEmpty(after) && string.IsNullOrEmpty(limit)
                ? new ShareLines(MemberId: Id(memberId, "memberId"))
                : throw RuleViolation.Invalid("memberId",
                    "'memberId' picks one line; it cannot be combined with 'after' or 'limit'.");
        int? count = null;
        if (!string.IsNullOrEmpty(limit))
            count = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw RuleViolation.Invalid("limit",
                    $"'limit' must be a whole number of lines, 1 or more (got '{limit}').");
        return new ShareLines(After: string.IsNullOrEmpty(after) ? null : Id(after, "after"), Limit: count);
    }

    private static Guid Id(string text, string field) =>
        Guid.TryParse(text, out var id) ? id : throw RuleViolation.Invalid(field,
            $"'{field}' must be a member id (got '{text}').");

    /// <summary>A project of this network, or null for the whole network.</summary>
    public static async Task<Guid?> Project(string? text, IQuerySession session, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (Guid.TryParse(text, out var id) && await session.LoadAsync<ProjectView>(id, cancellation) is not null)
            return id;
        throw RuleViolation.Invalid("projectId", $"'projectId' names no project of this network (got '{text}').");
    }
}

public static class ShareEndpoints
{
    /// <summary>
    /// Each member's points and share as of a moment (default now), for the network or one project; all lines,
    /// one member's (<c>memberId</c>), or a page in member-id order (<c>limit</c>, <c>after</c>). Totals and
    /// shares count every member whichever lines are returned.
    /// </summary>
    [WolverineGet("/networks/{networkId}/shares")]
    [EndpointSummary("Shares as of a moment")]
    [EndpointDescription(
        "Each member's points and share of the network or one project. Shares sum to exactly 1; all lines, one " +
        "member's, or a page in member-id order.")]
    public static async Task<SharesResponse> Get(
        Guid networkId, string? asOf, string? projectId, string? memberId, string? after, string? limit,
        IQuerySession session, IShareSource shares, HttpContext http)
    {
        var moment = ShareText.AsOf(asOf, http.Now());
        var lines = ShareText.Lines(memberId, after, limit);
        var project = await ShareText.Project(projectId, session, http.RequestAborted);
        var snapshot = await shares.AsOf(networkId, project, moment, lines, http.RequestAborted);
        // One member's line is missing when they hold no points in scope; a member id of no member is a mistake.
        if (lines.MemberId is { } member && snapshot.Members.Count == 0 && await session.LoadAsync<MemberView>(member,
            http.RequestAborted) is null)
            throw RuleViolation.Invalid("memberId", $"'memberId' names no member of this network (got '{memberId}').");
        return SharesResponse.From(snapshot);
    }
}
