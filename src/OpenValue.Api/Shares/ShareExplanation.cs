using Marten;
using OpenValue.Api.Infrastructure;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Shares;

/// <summary>
/// One accepted contribution's part in a member's points: the inputs (quantity × rate × multiplier under a
/// version), the points it counts now, and, with a half-life in force, its decay factor and decayed points.
/// A line whose acceptance was revoked, or whose points its author's departure forfeited, by the moment asked
/// says so (<c>Revocation</c>, <c>Forfeiture</c>) and counts 0 from then on.
/// </summary>
public sealed record ExplanationLine(
    Guid ContributionId, string Kind, string Quantity, string Unit, string Rate, string Multiplier, int EquationVersion,
    bool FromProjectOverride, Guid? ProjectId, Instant AcceptedAt, string Points, string DecayFactor,
        string DecayedPoints,
    IReadOnlyList<CorrectionResponse> Corrections, RevocationResponse? Revocation = null,
    ForfeitureResponse? Forfeiture = null);

public sealed record CorrectionResponse(string? PreviousPoints, string Points, int EquationVersion, string Reason,
    Guid CorrectedBy, Instant CorrectedAt)
{
    public static CorrectionResponse From(ValueCorrection c) => new(
        c.PreviousPoints is { } p ? DecimalText.Format(p) : null, DecimalText.Format(c.Points), c.EquationVersion,
            c.Reason, c.CorrectedBy, c.CorrectedAt);
}

public sealed record ShareExplanationResponse(
    Guid MemberId, string Name, Instant AsOf, Guid? ProjectId, int? EquationVersion, int? HalfLifeDays,
    IReadOnlyList<ExplanationLine> Contributions, string Points, IReadOnlyDictionary<string, string> PointsByKind,
    string TotalPoints, string Share, string Percent, IReadOnlyList<Role> Roles,
    StakeholderClass StakeholderClass);

public static class ShareExplanation
{
    /// <summary>
    /// Why a member holds the share they hold at a moment (default now): every accepted contribution that counts
    /// then, with its points as of that moment, and the totals its lines add up to. Lines and totals come from the
    /// same ledger entries, decayed from the same acceptance instants, as GET /shares: the member's points there at
    /// the same moment are exactly the sum of these lines.
    /// </summary>
    [WolverineGet("/networks/{networkId}/members/{memberId}/share")]
    [EndpointSummary("Explain a member's share")]
    [EndpointDescription(
        "Every accepted contribution that counts as of asOf (default now), with its rule, points and decay; the " +
        "lines add up exactly to the member's points.")]
    public static async Task<ShareExplanationResponse> Get(
        Guid networkId, Guid memberId, string? projectId, string? asOf, IQuerySession session, IShareSource shares, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var moment = ShareText.AsOf(asOf, http.Now());
        var member = await session.LoadAsync<MemberView>(memberId, cancellation)
            ?? throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        var project = await ShareText.Project(projectId, session, cancellation);
        var snapshot = await shares.AsOf(networkId, project, moment, new ShareLines(MemberId: memberId), cancellation);
        var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
        var halfLife = network.EquationAt(moment)?.HalfLifeDays;

        var entries = await PointsLedger.ContributionsAsOf(
            session.DocumentStore, session.TenantId, project, null, moment, cancellation, memberId);
        var views = (await session.LoadManyAsync<ContributionView>(cancellation, entries.Select(e => e.ContributionId)))
            .ToDictionary(v => v.Id);
        // A revocation's reason is sealed under the key of the steward who wrote it.
        var texts = await Privacy.Unsealed.For(session, views.Values.Select(v => v.Revocation?.Reason), cancellation);
        var lines = entries.OrderBy(e => e.AcceptedAt).ThenBy(e => views[e.ContributionId].SubmittedSequence)
            .Select(e => Line(e, views[e.ContributionId], moment, halfLife, texts)).ToList();
        var points = lines.Sum(l => l.Decayed);
        var byKind = lines.GroupBy(l => l.Line.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DecimalText.Format(g.Sum(l => l.Decayed)));
        var share = snapshot.Members.FirstOrDefault(m => m.MemberId == memberId);
        var name = (await Networks.Members.MemberResponse.Open(session, member, cancellation)).Name;
        return new ShareExplanationResponse(memberId, name, moment, project, snapshot.EquationVersion, halfLife,
            [.. lines.Select(l => l.Line)], DecimalText.Format(points), byKind,
            DecimalText.Format(snapshot.TotalPoints),
            DecimalText.Format(share?.Share ?? 0m), ShareText.Percent(share?.Percent ?? 0m),
            member.Roles,
            member.Classes.Count > 0 ? ClassHistory.At(member.Classes, moment) : member.StakeholderClass);
    }

    /// <summary>
    /// One line: the ledger's points as of the moment, decayed from the ledger's acceptance instant exactly as
    /// <see cref="ShareSource.Decayed"/> decays them; the contribution's view supplies what it was and its rule.
    /// </summary>
    private static (ExplanationLine Line, decimal Decayed) Line(
        ContributionPoints entry, ContributionView v, Instant asOf, int? halfLife, Privacy.Unsealed texts)
    {
        var decayed = halfLife is { } h ? Decay.Decayed(entry.Points, entry.AcceptedAt, asOf, h) : entry.Points;
        var factor = halfLife is { } days ? Decay.Factor(asOf - entry.AcceptedAt, days) : 1m;
        var valuation = v.Valuation!;
        return (new ExplanationLine(v.Id, v.Kind, DecimalText.Format(v.Quantity), v.Unit,
            DecimalText.Format(valuation.Rate), DecimalText.Format(valuation.Multiplier), valuation.EquationVersion,
            valuation.FromProjectOverride, v.ProjectId, entry.AcceptedAt,
            DecimalText.Format(entry.Points), DecimalText.Format(factor), DecimalText.Format(decayed),
            [.. v.Corrections.Where(c => c.CorrectedAt <= asOf).Select(CorrectionResponse.From)],
            v.Revocation is { } r && r.RevokedAt <= asOf
                ? new RevocationResponse(r.Points is { } p ? DecimalText.Format(p) : null, texts.Text(r.Reason)!,
                    r.RevokedBy, r.RevokedAt)
                : null,
            v.Forfeiture is { } f && f.From <= asOf
                ? new ForfeitureResponse(DecimalText.Format(f.Points), f.Terms, f.From, f.ForfeitedBy)
                : null), decayed);
    }
}
