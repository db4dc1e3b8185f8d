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
/// names of the members whose lines it returns (classes of all holders only when class weights are in force,
/// each holder's class in force at asOf).
/// Lifetime shares without decay are kept between requests while the ledger stays the same (<see cref="KeptShares"/>).
/// </summary>
public sealed class ShareSource(IDocumentStore store) : IShareSource
{
    private static readonly IReadOnlyDictionary<string, decimal> NoKinds = new Dictionary<string, decimal>();
    private readonly KeptShares kept = new();

    public Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, CancellationToken cancellation) =>
        AsOf(networkId, projectId, asOf, ShareLines.All, cancellation);

    public Task<ShareSnapshot> AsOf(Guid networkId, Guid? projectId, Instant asOf, ShareLines lines,
        CancellationToken cancellation) =>
        Snapshot(networkId, projectId, null, asOf, lines, cancellation);

    /// <summary>
    /// Raw points: totals as of asOf minus totals as of asOf − window. Decayed: entries in the window, decayed to asOf.
    /// </summary>
    public Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays,
        CancellationToken cancellation) =>
        Recent(networkId, projectId, asOf, windowDays, ShareLines.All, cancellation);

    public Task<ShareSnapshot> Recent(Guid networkId, Guid? projectId, Instant asOf, int windowDays, ShareLines lines,
        CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        return Snapshot(networkId, projectId, asOf - Duration.FromDays(windowDays), asOf, lines, cancellation);
    }

    private async Task<ShareSnapshot> Snapshot(
        Guid networkId, Guid? projectId, Instant? after, Instant asOf, ShareLines lines, CancellationToken cancellation)
    {
        var tenant = networkId.ToString();
        await using var session = store.QuerySession(tenant);
        var network = await session.Query<Network>().Where(n => n.Id == networkId)
            .Select(n => new { n.Equations, n.ClassChanges }).SingleOrDefaultAsync(cancellation);
        var equation = network?.Equations.LastOrDefault(e => e.EffectiveFrom <= asOf);
        var computed = after is null && equation?.HalfLifeDays is null
            ? await Lifetime(session, projectId, asOf, equation, network?.ClassChanges ?? 0, cancellation)
            : await Compute(session, projectId, after, asOf, equation, cancellation);
        var picked = lines.Pick(computed.Holders);
        var labels = !lines.Labelled ? null : computed.Labels
            ?? await MemberLabels.Load(session, picked.Count < computed.Holders.Count ? [.. picked.Select(h =>
                h.MemberId)] : null, cancellation, picked.Count);
        var result = new List<MemberShare>(picked.Count);
        foreach (var h in picked)
        {
            var line = computed.Shares.GetValueOrDefault(h.MemberId);
            result.Add(new MemberShare(h.MemberId, labels?.GetValueOrDefault(h.MemberId)?.Name ?? "", h.Points,
                labels is null ? NoKinds : h.ByKind(), line?.Share ?? 0m, line?.Percent ?? 0m));
        }
        return new ShareSnapshot(asOf, projectId, equation?.Version, computed.Total, result);
    }

    /// <summary>
    /// Lifetime shares without decay: kept from an earlier request when the scope's ledger version and the
    /// equation in force are the same and no entry counts between that request's moment and this one
    /// (<see cref="KeptShares"/>); computed and kept otherwise.
    /// </summary>
    private async Task<Computed> Lifetime(
        IQuerySession session, Guid? projectId, Instant asOf, ValueEquation? equation, int classChanges,
        CancellationToken cancellation)
    {
        var (version, nextAt) = await PointsLedger.StateAsOf(store, session.TenantId, projectId, asOf, cancellation);
        if (kept.Find(session.TenantId, projectId, version, equation?.Version, classChanges, asOf) is { } hit)
            return hit;
        var computed = await Compute(session, projectId, null, asOf, equation, cancellation);
        kept.Keep(session.TenantId, projectId, version, equation?.Version, classChanges, asOf, nextAt,
            computed with { Labels = null });
        return computed;
    }

    /// <summary>
    /// Every holder's points and share. Class weights need every holder's class: those labels come along.
    /// </summary>
    private async Task<Computed> Compute(
        IQuerySession session, Guid? projectId, Instant? after, Instant asOf, ValueEquation? equation,
            CancellationToken cancellation)
    {
        var tenant = session.TenantId;
        var tally = equation?.HalfLifeDays is { } halfLife
            ? Decayed(await PointsLedger.ContributionsAsOf(store, tenant, projectId, after, asOf, cancellation), asOf,
                halfLife)
            : await Raw(tenant, projectId, after, asOf, cancellation);
        var holders = tally.Members();
        // A window can hold a downward correction of points granted before it; such a member holds no share.
        var holding = holders.Where(h => h.Points > 0).ToDictionary(h => h.MemberId, h => h.Points);
        var labels = equation?.ClassWeights is null ? null : await MemberLabels.Load(session, null, cancellation,
            holders.Count);
        var lines = equation?.ClassWeights is { } weights
            ? DomainShares.Of(holding, holding.Keys.ToDictionary(m => m, m => ClassOf(labels!, m, asOf)), weights)
            : DomainShares.Of(holding);
        return new Computed(holders, lines.ToDictionary(l => l.MemberId), holders.Sum(h => h.Points), labels);
    }

    private async Task<PointsTally> Raw(string tenant, Guid? projectId, Instant? after, Instant asOf,
        CancellationToken cancellation)
    {
        var tally = await PointsLedger.TallyAsOf(store, tenant, projectId, asOf, cancellation);
        if (after is { } from)
            tally.Add(await PointsLedger.TallyAsOf(store, tenant, projectId, from, cancellation), -1m);
        return tally;
    }

    /// <summary>
    /// Each contribution decayed once, then summed per member and kind: the explanation's lines add up to these.
    /// </summary>
    public static PointsTally Decayed(IEnumerable<ContributionPoints> contributions, Instant asOf, int halfLifeDays)
    {
        var tally = new PointsTally();
        foreach (var c in contributions)
            tally.Add(c.MemberId, c.Kind, Decay.Decayed(c.Points, c.AcceptedAt, asOf, halfLifeDays));
        return tally;
    }

    /// <summary>
    /// The class in force at asOf: a member moved to another class from a date counts in it from then.
    /// </summary>
    private static StakeholderClass ClassOf(IReadOnlyDictionary<Guid, MemberLabel> labels, Guid member, Instant asOf) =>
        labels.TryGetValue(member, out var label)
            ? label.ClassAt(asOf)
            : throw new InvalidOperationException($"Member {member} holds points but has no member view.");
}

/// <summary>
/// Every holder (in member order), each holder's share line, their total, and labels if they were loaded.
/// </summary>
internal sealed record Computed(
    List<MemberPoints> Holders, IReadOnlyDictionary<Guid, ShareLine> Shares, decimal Total, IReadOnlyDictionary<Guid,
        MemberLabel>? Labels);
