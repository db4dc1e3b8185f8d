using Marten;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Shares;

/// <summary>
/// One accepted contribution's part in a member's points: the inputs (quantity × rate × multiplier under a
/// version), the points it counts now, and, with a half-life in force, its decay factor and decayed points.
/// </summary>
public sealed record ExplanationLine(
    Guid ContributionId, string Kind, string Quantity, string Unit, string Rate, string Multiplier, int EquationVersion,
    bool FromProjectOverride, Guid? ProjectId, Instant AcceptedAt, string Points, string DecayFactor, string DecayedPoints,
    IReadOnlyList<CorrectionResponse> Corrections);

public sealed record CorrectionResponse(string? PreviousPoints, string Points, int EquationVersion, string Reason, Guid CorrectedBy, Instant CorrectedAt)
{
    public static CorrectionResponse From(ValueCorrection c) => new(
        c.PreviousPoints is { } p ? DecimalText.Format(p) : null, DecimalText.Format(c.Points), c.EquationVersion, c.Reason, c.CorrectedBy, c.CorrectedAt);
}

public sealed record ShareExplanationResponse(
    Guid MemberId, string Name, Instant AsOf, Guid? ProjectId, int? EquationVersion, int? HalfLifeDays,
    IReadOnlyList<ExplanationLine> Contributions, string Points, IReadOnlyDictionary<string, string> PointsByKind,
    string TotalPoints, string Share, string Percent);

public static class ShareExplanation
{
    /// <summary>
    /// Why a member holds the share they hold now: every accepted contribution that counts, and the totals
    /// its lines add up to (exactly the member's points in GET /shares at the same moment).
    /// </summary>
    [WolverineGet("/networks/{networkId}/members/{memberId}/share")]
    [EndpointSummary("Explain a member's share")]
    [EndpointDescription("Every accepted contribution that counts, with its rule, points and decay; the lines add up exactly to the member's points.")]
    public static async Task<ShareExplanationResponse> Get(
        Guid networkId, Guid memberId, string? projectId, IQuerySession session, IShareSource shares, IClock clock, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var member = await session.LoadAsync<MemberView>(memberId, cancellation)
            ?? throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        var project = await ShareText.Project(projectId, session, cancellation);
        var asOf = clock.GetCurrentInstant();
        var snapshot = await shares.AsOf(networkId, project, asOf, new ShareLines(MemberId: memberId), cancellation);
        var network = await ClaimEndpoints.NetworkOf(session, networkId, cancellation);
        var halfLife = network.EquationAt(asOf)?.HalfLifeDays;

        var query = session.Query<ContributionView>().Where(v => v.MemberId == memberId && v.Status == ContributionStatus.Accepted && v.Points != null);
        if (project is { } p)
            query = query.Where(v => v.ProjectId == p);
        var views = await query.OrderBy(v => v.DecidedAt).ThenBy(v => v.SubmittedSequence).ToListAsync(cancellation);
        var counted = views.Where(v => v.ValuedAt <= asOf).Select(v => (View: v, Decayed: Decayed(v, asOf, halfLife))).ToList();

        var line = snapshot.Members.FirstOrDefault(m => m.MemberId == memberId);
        var byKind = counted.GroupBy(c => c.View.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DecimalText.Format(g.Sum(c => c.Decayed)));
        var lines = counted.Select(c => Line(c.View, asOf, halfLife, c.Decayed)).ToList();
        return new ShareExplanationResponse(memberId, member.Name, asOf, project, snapshot.EquationVersion, halfLife, lines,
            DecimalText.Format(line?.Points ?? 0m), byKind, DecimalText.Format(snapshot.TotalPoints),
            DecimalText.Format(line?.Share ?? 0m), ShareText.Percent(line?.Percent ?? 0m));
    }

    /// <summary>Points × 2^(−age/h), rounded once to 18 places, exactly as <see cref="ShareSource"/> decays each contribution.</summary>
    private static decimal Decayed(ContributionView v, Instant asOf, int? halfLife) =>
        halfLife is { } h ? Decay.Decayed(v.Points!.Value, v.DecidedAt!.Value, asOf, h) : v.Points!.Value;

    private static ExplanationLine Line(ContributionView v, Instant asOf, int? halfLife, decimal decayed)
    {
        var valuation = v.Valuation!;
        var acceptedAt = v.DecidedAt!.Value;
        var points = v.Points!.Value;
        var factor = halfLife is { } h ? Decay.Factor(asOf - acceptedAt, h) : 1m;
        return new ExplanationLine(v.Id, v.Kind, DecimalText.Format(v.Quantity), v.Unit, DecimalText.Format(valuation.Rate),
            DecimalText.Format(valuation.Multiplier), valuation.EquationVersion, valuation.FromProjectOverride, v.ProjectId, acceptedAt,
            DecimalText.Format(points), DecimalText.Format(factor), DecimalText.Format(decayed), [.. v.Corrections.Select(CorrectionResponse.From)]);
    }
}
