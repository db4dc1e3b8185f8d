using Marten;
using Microsoft.AspNetCore.Http;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

/// <summary>
/// One scope's money. distributed = paid − reversed; reserved = proposed and approved distributions not yet
/// paid or cancelled; undistributed = income − reserved − distributed, what a new distribution may take.
/// </summary>
public sealed record LedgerTotals(MoneyResponse Income, MoneyResponse Reserved, MoneyResponse Paid, MoneyResponse Reversed,
    MoneyResponse Distributed, MoneyResponse Undistributed);

public sealed record PoolLedger(Guid PoolId, Guid? ProjectId, string Name, LedgerTotals Totals);

public sealed record MemberPaid(Guid MemberId, string Name, MoneyResponse Paid);

public sealed record LedgerResponse(string Currency, MoneyResponse Income, MoneyResponse Reserved, MoneyResponse Paid, MoneyResponse Reversed,
    MoneyResponse Distributed, MoneyResponse Undistributed, IReadOnlyList<PoolLedger> Pools, IReadOnlyList<MemberPaid> Members);

public static class LedgerEndpoint
{
    /// <summary>
    /// Summed from the pool and distribution documents, each written only with its own version-checked
    /// stream, so no total can lose a concurrent update. The two ways of counting a pool's balance (its own
    /// stream, and its distributions) must agree to the minor unit; if they ever did not, this fails loudly.
    /// </summary>
    [WolverineGet("/networks/{networkId}/ledger")]
    [EndpointSummary("The treasury ledger")]
    [EndpointDescription(
        "Income, reserved, paid, reversed, distributed and undistributed money per pool and in all, and each " +
        "member's paid to date.")]
    public static async Task<LedgerResponse> Get(Guid networkId, IQuerySession session, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var currency = (await session.LoadAsync<NetworkView>(networkId, cancellation))!.Currency;
        var pools = (await session.Query<Pool>().ToListAsync(cancellation)).ToDictionary(p => p.Id);
        // Only the money of each distribution, selected in the database: its lines, shares and explanations
        // (tens of MB at 100,000 members) play no part in the ledger.
        var distributions = await session.Query<Distribution>()
            .Select(d => new Money(d.Proposal.PoolId, d.Status, d.Proposal.AmountMinor, d.Issue!.Payouts, d.Reversals))
            .ToListAsync(cancellation);
        var projects = (await session.Query<ProjectView>().ToListAsync(cancellation)).OrderBy(p => p.OpenedAt).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var members = (await session.Query<MemberView>().ToListAsync(cancellation))
            .OrderBy(m => m.AdmittedAt).ThenBy(m => m.Id, Domain.Money.MemberIdOrder.Instance).ToList();

        var scopes = new (Guid? ProjectId, string Name)[] { (null, "network") }.Concat(projects.Select(p => (ProjectId: (Guid?)p.Id, p.Name)));
        var perPool = scopes.Select(s =>
        {
            var id = DerivedIds.Pool(networkId, s.ProjectId);
            var sums = Sums.Of(pools.GetValueOrDefault(id), distributions.Where(d => d.PoolId == id));
            return (Id: id, s.ProjectId, s.Name, Sums: sums);
        }).ToList();

        var paid = distributions.SelectMany(d => d.Standing()).GroupBy(s => s.MemberId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Int128.Zero, (sum, s) => sum + s.AmountMinor));
        var all = perPool.Select(p => p.Sums).Aggregate((a, b) => a + b);
        if (paid.Values.Aggregate(Int128.Zero, (a, b) => a + b) != all.Distributed)
            throw new InvalidOperationException("Ledger does not reconcile: members' paid-to-date differs from the total distributed.");
        var totals = all.Totals(currency);
        return new LedgerResponse(currency, totals.Income, totals.Reserved, totals.Paid, totals.Reversed, totals.Distributed, totals.Undistributed,
            [.. perPool.Select(p => new PoolLedger(p.Id, p.ProjectId, p.Name, p.Sums.Totals(currency)))],
            [.. members.Select(m => new MemberPaid(m.Id, m.Name, MoneyResponse.Of(paid.GetValueOrDefault(m.Id), currency)))]);
    }

    /// <summary>What the ledger needs of a distribution: its pool, status, amount, payouts and reversals.</summary>
    private sealed record Money(
        Guid PoolId, DistributionStatus Status, long AmountMinor, IReadOnlyList<Payout>? Payouts,
        IReadOnlyList<PayoutReversed>? Reversals)
    {
        public long PaidMinor => Payouts?.Sum(p => p.AmountMinor) ?? 0;

        public long ReversedMinor => Reversals?.Sum(r => r.AmountMinor) ?? 0;

        /// <summary>Paid and not reversed, per member (as <see cref="Distribution.Standing"/>).</summary>
        public IEnumerable<(Guid MemberId, long AmountMinor)> Standing() =>
            (Payouts ?? []).Where(p => Reversals?.Any(r => r.PayoutId == p.PayoutId) != true)
                .Select(p => (p.MemberId, p.AmountMinor));
    }

    /// <summary>
    /// A scope's sums in minor units, as <see cref="Int128"/>: one pool's amounts fit a long, but the network's
    /// totals add up every pool, and no number of projects may make the ledger unreadable.
    /// </summary>
    private readonly record struct Sums(Int128 Income, Int128 Reserved, Int128 Paid, Int128 Reversed)
    {
        public Int128 Distributed => Paid - Reversed;
        public Int128 Undistributed => Income - Reserved - Distributed;

        public static Sums operator +(Sums a, Sums b) =>
            new(a.Income + b.Income, a.Reserved + b.Reserved, a.Paid + b.Paid, a.Reversed + b.Reversed);

        /// <summary>Counts a pool's distributions and checks the result against the pool's own balance.</summary>
        public static Sums Of(Pool? pool, IEnumerable<Money> distributions)
        {
            var list = distributions.ToList();
            var sums = new Sums(pool?.IncomeMinor ?? 0,
                Total(list.Where(d => d.Status is DistributionStatus.Proposed or DistributionStatus.Approved),
                    d => d.AmountMinor),
                Total(list, d => d.PaidMinor), Total(list, d => d.ReversedMinor));
            if (sums.Undistributed != (pool?.AvailableMinor ?? 0) || sums.Undistributed < 0 || sums.Reserved < 0 || sums.Distributed < 0)
                throw new InvalidOperationException(
                    $"Pool {pool?.Id} does not reconcile: {sums.Undistributed} undistributed by its distributions, {pool?.AvailableMinor ?? 0} by its stream.");
            return sums;
        }

        private static Int128 Total(IEnumerable<Money> distributions, Func<Money, long> amount) =>
            distributions.Aggregate(Int128.Zero, (sum, d) => sum + amount(d));

        public LedgerTotals Totals(string currency) => new(MoneyResponse.Of(Income, currency), MoneyResponse.Of(Reserved, currency),
            MoneyResponse.Of(Paid, currency), MoneyResponse.Of(Reversed, currency), MoneyResponse.Of(Distributed, currency),
            MoneyResponse.Of(Undistributed, currency));
    }
}
