using Marten;
using OpenValue.Api.Shares;
using OpenValue.Domain;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Treasury;

/// <summary>
/// Distributions and what deciding on one reads: its stream, the shares it splits by, earlier payments.
/// </summary>
public static class DistributionStreams
{
    public static async Task<JasperFx.Events.IEventStream<Distribution>> FetchExisting(IDocumentSession session,
        Guid distributionId, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Distribution>(distributionId, cancellation);
        if (stream.Aggregate is null) throw TreasuryResponses.NotFound(distributionId);
        await Integrity.StoredState.Check(session, stream, "distribution", Distribution.Evolve, cancellation);
        return stream;
    }

    /// <summary>
    /// The distribution that holds a payout, issued with it or reissued later. Only its id comes back, not the paid
    /// distributions whole. 404 payout-not-found when none does.
    /// </summary>
    public static async Task<Guid> OwnerOfPayout(IQuerySession session, Guid payoutId,
        CancellationToken cancellation)
    {
        var owner = await session.Query<Distribution>()
            .Where(d => d.Status == DistributionStatus.Paid
                        && (d.Issue!.Payouts.Any(p => p.PayoutId == payoutId)
                            || d.Reissues.Any(r => r.PayoutId == payoutId)))
            .Select(d => d.Id).FirstOrDefaultAsync(cancellation);
        return owner != Guid.Empty
            ? owner
            : throw RuleViolation.NotFound("payout-not-found", $"Payout {payoutId} is not in this network.");
    }

    internal static async Task<SharesUsed> SharesFor(IShareSource source, Guid networkId, DistributionRequest request,
        CancellationToken cancellation)
    {
        var snapshot = request.Policy == DistributionPolicy.Recent
            ? await source.Recent(networkId, request.ProjectId, request.AsOf, request.WindowDays!.Value,
                ShareLines.Bare, cancellation)
            : await source.AsOf(networkId, request.ProjectId, request.AsOf, ShareLines.Bare, cancellation);
        return new SharesUsed(snapshot.EquationVersion, snapshot.TotalPoints,
            [.. snapshot.Members.Select(m => new ShareUsed(m.MemberId, m.Points, m.Share))]);
    }

    /// <summary>
    /// Each member's money from this pool's earlier distributions that still stand (see Distribution.Committed).
    /// Every change to these amounts also writes the pool stream, which this request holds at the version it
    /// read first, so a change committed after this read makes the save fail instead of going unnoticed.
    /// </summary>
    internal static async Task<Dictionary<Guid, long>> PaidBefore(IDocumentSession session, Guid poolId,
        CancellationToken cancellation)
    {
        var earlier = await session.Query<Distribution>().Where(d => d.Proposal.PoolId == poolId)
            .ToListAsync(cancellation);
        return earlier.SelectMany(d => d.Committed()).GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Sum(c =>
            c.AmountMinor));
    }
}
