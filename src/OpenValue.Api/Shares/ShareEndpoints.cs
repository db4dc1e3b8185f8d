using System.Globalization;
using Marten;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Networks.Projects;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using Wolverine.Http;

namespace OpenValue.Api.Shares;

public sealed record MemberShareResponse(Guid MemberId, string Name, string Points, IReadOnlyDictionary<string, string> PointsByKind, string Share, string Percent)
{
    public static MemberShareResponse From(MemberShare m) => new(
        m.MemberId, m.Name, DecimalText.Format(m.Points), m.PointsByKind.ToDictionary(k => k.Key, k => DecimalText.Format(k.Value)),
        DecimalText.Format(m.Share), ShareText.Percent(m.Percent));
}

/// <summary>Shares of the network or one project at a moment; decimals as strings.</summary>
public sealed record SharesResponse(Instant AsOf, Guid? ProjectId, int? EquationVersion, string TotalPoints, IReadOnlyList<MemberShareResponse> Members)
{
    public static SharesResponse From(ShareSnapshot s) =>
        new(s.AsOf, s.ProjectId, s.EquationVersion, DecimalText.Format(s.TotalPoints), [.. s.Members.Select(MemberShareResponse.From)]);
}

public static class ShareText
{
    /// <summary>Display percentages always show two decimals ("82.76", "50.00").</summary>
    public static string Percent(decimal percent) => percent.ToString("0.00", CultureInfo.InvariantCulture);

    public static Instant AsOf(string? text, IClock clock)
    {
        if (string.IsNullOrEmpty(text))
            return clock.GetCurrentInstant();
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw RuleViolation.Invalid("asOf", $"'asOf' must be an instant such as 2026-11-01T00:00:00Z (got '{text}').");
    }

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
    /// <summary>Each member's points and share as of a moment (default now), for the network or one project.</summary>
    [WolverineGet("/networks/{networkId}/shares")]
    public static async Task<SharesResponse> Get(
        Guid networkId, string? asOf, string? projectId, IQuerySession session, IShareSource shares, IClock clock, HttpContext http)
    {
        var moment = ShareText.AsOf(asOf, clock);
        var project = await ShareText.Project(projectId, session, http.RequestAborted);
        return SharesResponse.From(await shares.AsOf(networkId, project, moment, http.RequestAborted));
    }
}
