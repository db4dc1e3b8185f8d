using Marten;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using DomainShares = OpenValue.Domain.Valuation.Shares;

namespace OpenValue.Api.Shares;

/// <summary>
/// Shares from the points ledger. The value equation in force at asOf decides the rest: its class weights
/// (FairShares) and its half-life. Without a half-life, totals come from the ledger's checkpoints (a lookup
/// plus at most a week of days); with one, each contribution's points as of asOf are decayed from its
/// acceptance to asOf (<see cref="Decay.Decayed"/>) and summed, which reads every entry in scope.
/// </summary>
public sealed class ShareSource(IDocumentStore store) : IShareSource
{
    public Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, CancellationToken cancellation) =>
        Snapshot(networkId, projectId, null, asOf, cancellation);

    /// <summary>Raw points: totals as of asOf minus totals as of asOf − window. Decayed: entries in the window, decayed to asOf.</summary>
    public Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        return Snapshot(networkId, projectId, asOf - Duration.FromDays(windowDays), asOf, cancellation);
    }

    private async Task<ShareSnapshot> Snapshot(Guid networkId, Guid? projectId, Instant? after, Instant asOf, CancellationToken cancellation)
    {
        var tenant = networkId.ToString();
        await using var session = store.QuerySession(tenant);
        var network = await session.LoadAsync<Network>(networkId, cancellation);
        var equation = network?.EquationAt(asOf);
        var points = equation?.HalfLifeDays is { } halfLife
            ? Decayed(await PointsLedger.ContributionsAsOf(store, tenant, projectId, after, asOf, cancellation), asOf, halfLife)
            : await Raw(tenant, projectId, after, asOf, cancellation);
        var members = (await session.Query<MemberView>().ToListAsync(cancellation)).ToDictionary(m => m.Id);
        return Compose(asOf, projectId, equation, points, members);
    }

    private async Task<Dictionary<(Guid Member, string Kind), decimal>> Raw(
        string tenant, Guid? projectId, Instant? after, Instant asOf, CancellationToken cancellation)
    {
        var totals = (await PointsLedger.TotalsAsOf(store, tenant, projectId, asOf, cancellation)).ToDictionary(p => (p.MemberId, p.Kind), p => p.Points);
        if (after is { } from)
            foreach (var earlier in await PointsLedger.TotalsAsOf(store, tenant, projectId, from, cancellation))
                totals[(earlier.MemberId, earlier.Kind)] = totals.GetValueOrDefault((earlier.MemberId, earlier.Kind)) - earlier.Points;
        return totals;
    }

    /// <summary>Each contribution decayed once, then summed per member and kind: the explanation's lines add up to these.</summary>
    public static Dictionary<(Guid Member, string Kind), decimal> Decayed(IEnumerable<ContributionPoints> contributions, Instant asOf, int halfLifeDays)
    {
        var totals = new Dictionary<(Guid, string), decimal>();
        foreach (var c in contributions)
            totals[(c.MemberId, c.Kind)] = totals.GetValueOrDefault((c.MemberId, c.Kind)) + Decay.Decayed(c.Points, c.AcceptedAt, asOf, halfLifeDays);
        return totals;
    }

    private static ShareSnapshot Compose(
        Instant asOf, Guid? projectId, ValueEquation? equation, Dictionary<(Guid Member, string Kind), decimal> points,
        IReadOnlyDictionary<Guid, MemberView> members)
    {
        var byMember = points.Where(p => p.Value != 0).GroupBy(p => p.Key.Member)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.OrderBy(p => p.Key.Kind, StringComparer.Ordinal)
                .ToDictionary(p => p.Key.Kind, p => p.Value));
        var totals = byMember.ToDictionary(m => m.Key, m => m.Value.Values.Sum());
        // A window can hold a downward correction of points granted before it; such a member holds no share.
        var holding = totals.Where(t => t.Value > 0).ToDictionary();
        var lines = equation?.ClassWeights is { } weights
            ? DomainShares.Of(holding, holding.Keys.ToDictionary(m => m, m => ClassOf(members, m)), weights)
            : DomainShares.Of(holding);
        var shares = lines.ToDictionary(l => l.MemberId);
        var result = totals.Keys.Order(Domain.Money.MemberIdOrder.Instance).Select(m => new MemberShare(
            m, members.GetValueOrDefault(m)?.Name ?? "", totals[m], byMember[m],
            shares.GetValueOrDefault(m)?.Share ?? 0m, shares.GetValueOrDefault(m)?.Percent ?? 0m)).ToList();
        return new ShareSnapshot(asOf, projectId, equation?.Version, totals.Values.Sum(), result);
    }

    private static StakeholderClass ClassOf(IReadOnlyDictionary<Guid, MemberView> members, Guid member) =>
        members.TryGetValue(member, out var view)
            ? view.StakeholderClass
            : throw new InvalidOperationException($"Member {member} holds points but has no member view.");
}
