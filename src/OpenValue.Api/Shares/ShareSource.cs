using Marten;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using DomainShares = OpenValue.Domain.Valuation.Shares;

namespace OpenValue.Api.Shares;

/// <summary>
/// Shares from the points ledger. The value equation in force at asOf decides the rest: its class weights
/// (FairShares) and its half-life. Without a half-life, totals come from the ledger's running totals or
/// checkpoints (<see cref="PointsLedger.TotalsAsOf"/>); with one, each contribution's points as of asOf are
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
        var points = equation?.HalfLifeDays is { } halfLife
            ? Sorted(Decayed(await PointsLedger.ContributionsAsOf(store, tenant, projectId, after, asOf, cancellation), asOf, halfLife))
            : await Raw(tenant, projectId, after, asOf, cancellation);
        var holders = Holders(points);
        var picked = lines.Pick(holders);
        var weights = equation?.ClassWeights;
        var labels = await MemberLabels.Load(session, weights is null && picked.Count < holders.Count ? picked.Select(h => h.MemberId) : null, cancellation);
        return Compose(asOf, projectId, equation, holders, picked, labels);
    }

    private async Task<IReadOnlyList<MemberKindPoints>> Raw(string tenant, Guid? projectId, Instant? after, Instant asOf, CancellationToken cancellation)
    {
        var totals = await PointsLedger.TotalsAsOf(store, tenant, projectId, asOf, cancellation);
        if (after is not { } from)
            return totals;
        var window = totals.ToDictionary(p => (p.MemberId, p.Kind), p => p.Points);
        foreach (var earlier in await PointsLedger.TotalsAsOf(store, tenant, projectId, from, cancellation))
            window[(earlier.MemberId, earlier.Kind)] = window.GetValueOrDefault((earlier.MemberId, earlier.Kind)) - earlier.Points;
        return Sorted(window);
    }

    /// <summary>Each contribution decayed once, then summed per member and kind: the explanation's lines add up to these.</summary>
    public static Dictionary<(Guid Member, string Kind), decimal> Decayed(IEnumerable<ContributionPoints> contributions, Instant asOf, int halfLifeDays)
    {
        var totals = new Dictionary<(Guid, string), decimal>();
        foreach (var c in contributions)
            totals[(c.MemberId, c.Kind)] = totals.GetValueOrDefault((c.MemberId, c.Kind)) + Decay.Decayed(c.Points, c.AcceptedAt, asOf, halfLifeDays);
        return totals;
    }

    private static List<MemberKindPoints> Sorted(Dictionary<(Guid Member, string Kind), decimal> points) =>
        [.. points.Where(p => p.Value != 0).Select(p => new MemberKindPoints(p.Key.Member, p.Key.Kind, p.Value))
            .OrderBy(p => p.MemberId, MemberIdOrder.Instance).ThenBy(p => p.Kind, StringComparer.Ordinal)];

    /// <summary>Rows in member order become one holder each, with its kinds in ordinal order (the order they arrive in).</summary>
    private static List<Holder> Holders(IReadOnlyList<MemberKindPoints> points)
    {
        var holders = new List<Holder>();
        foreach (var p in points)
        {
            if (holders.Count == 0 || holders[^1].MemberId != p.MemberId)
                holders.Add(new Holder(p.MemberId, []));
            holders[^1].ByKind.Add(p.Kind, p.Points);
            holders[^1].Points += p.Points;
        }
        return holders;
    }

    private static ShareSnapshot Compose(
        Instant asOf, Guid? projectId, ValueEquation? equation, List<Holder> holders, IReadOnlyList<Holder> picked,
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

/// <summary>One member's points in a snapshot: the sum and, per kind, the parts.</summary>
internal sealed class Holder(Guid memberId, Dictionary<string, decimal> byKind)
{
    public Guid MemberId { get; } = memberId;
    public Dictionary<string, decimal> ByKind { get; } = byKind;
    public decimal Points { get; set; }
}
