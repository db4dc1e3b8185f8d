using Marten;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using DomainShares = OpenValue.Domain.Valuation.Shares;

namespace OpenValue.Api.Shares;

/// <summary>
/// Shares from the points ledger. The value equation in force at asOf decides the rest: its class weights
/// (FairShares) and its half-life. Without a half-life, totals come from the ledger's running totals or
/// checkpoints (<see cref="PointsLedger.TallyAsOf"/>); with one, each contribution's points as of asOf are
/// decayed from its acceptance to asOf (<see cref="Decay.Decayed"/>) and summed, which reads every entry in
/// scope. Each request reads only what it shows: the equations (not the whole network document), and the
/// names of the members whose lines it returns (classes of all holders only when class weights are in force).
/// </summary>
public sealed class ShareSource(IDocumentStore store) : IShareSource
{
    public Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, CancellationToken cancellation) =>
        AsOf(networkId, projectId, asOf, ShareLines.All, cancellation);

    public Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, ShareLines lines, CancellationToken cancellation) =>
        Snapshot(networkId, projectId, null, asOf, lines, cancellation);

    /// <summary>Raw points: totals as of asOf minus totals as of asOf − window. Decayed: entries in the window, decayed to asOf.</summary>
    public Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        return Snapshot(networkId, projectId, asOf - Duration.FromDays(windowDays), asOf, ShareLines.All, cancellation);
    }

    private async Task<ShareSnapshot> Snapshot(
        Guid networkId, Guid? projectId, Instant? after, Instant asOf, ShareLines lines, CancellationToken cancellation)
    {
        var tenant = networkId.ToString();
        await using var session = store.QuerySession(tenant);
        var equations = await session.Query<Network>().Where(n => n.Id == networkId).Select(n => n.Equations).SingleOrDefaultAsync(cancellation);
        var equation = equations?.LastOrDefault(e => e.EffectiveFrom <= asOf);
        var tally = equation?.HalfLifeDays is { } halfLife
            ? Decayed(await PointsLedger.ContributionsAsOf(store, tenant, projectId, after, asOf, cancellation), asOf, halfLife)
            : await Raw(tenant, projectId, after, asOf, cancellation);
        var holders = tally.Members();
        var picked = lines.Pick(holders);
        var weights = equation?.ClassWeights;
        var labels = await MemberLabels.Load(session, weights is null && picked.Count < holders.Count ? picked.Select(h => h.MemberId) : null, cancellation);
        return Compose(asOf, projectId, equation, holders, picked, labels);
    }

    private async Task<PointsTally> Raw(string tenant, Guid? projectId, Instant? after, Instant asOf, CancellationToken cancellation)
    {
        var tally = await PointsLedger.TallyAsOf(store, tenant, projectId, asOf, cancellation);
        if (after is { } from)
            tally.Add(await PointsLedger.TallyAsOf(store, tenant, projectId, from, cancellation), -1m);
        return tally;
    }

    /// <summary>Each contribution decayed once, then summed per member and kind: the explanation's lines add up to these.</summary>
    public static PointsTally Decayed(IEnumerable<ContributionPoints> contributions, Instant asOf, int halfLifeDays)
    {
        var tally = new PointsTally();
        foreach (var c in contributions)
            tally.Add(c.MemberId, c.Kind, Decay.Decayed(c.Points, c.AcceptedAt, asOf, halfLifeDays));
        return tally;
    }

    private static ShareSnapshot Compose(
        Instant asOf, Guid? projectId, ValueEquation? equation, List<MemberPoints> holders, IReadOnlyList<MemberPoints> picked,
        IReadOnlyDictionary<Guid, MemberLabel> labels)
    {
        // A window can hold a downward correction of points granted before it; such a member holds no share.
        var holding = holders.Where(h => h.Points > 0).ToDictionary(h => h.MemberId, h => h.Points);
        var lines = equation?.ClassWeights is { } weights
            ? DomainShares.Of(holding, holding.Keys.ToDictionary(m => m, m => ClassOf(labels, m)), weights)
            : DomainShares.Of(holding);
        var shares = lines.ToDictionary(l => l.MemberId);
        var result = picked.Select(h => new MemberShare(
            h.MemberId, labels.GetValueOrDefault(h.MemberId)?.Name ?? "", h.Points, h.ByKind,
            shares.GetValueOrDefault(h.MemberId)?.Share ?? 0m, shares.GetValueOrDefault(h.MemberId)?.Percent ?? 0m)).ToList();
        return new ShareSnapshot(asOf, projectId, equation?.Version, holders.Sum(h => h.Points), result);
    }

    private static StakeholderClass ClassOf(IReadOnlyDictionary<Guid, MemberLabel> labels, Guid member) =>
        labels.TryGetValue(member, out var label)
            ? label.StakeholderClass
            : throw new InvalidOperationException($"Member {member} holds points but has no member view.");
}
