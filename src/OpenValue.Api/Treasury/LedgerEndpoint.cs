using Marten;
using OpenValue.Api.Infrastructure;
using Marten.Events;
using Microsoft.AspNetCore.Http;
using NodaTime;
using OpenValue.Api.Budgeting;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;
using OpenValue.Api.Shares;
using OpenValue.Domain;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

/// <summary>
/// One scope's money. income is the net income (recordedIncome − reversedIncome, also given as netIncome);
/// distributed = paid − reversed; reserved = proposed and approved distributions not yet paid or cancelled, and
/// co-budgeting rounds still open; paid includes what closed rounds paid to bucket owners;
/// undistributed = income − reserved − distributed, what a new distribution may take.
/// </summary>
public sealed record LedgerTotals(MoneyResponse Income, MoneyResponse Reserved, MoneyResponse Paid,
    MoneyResponse Reversed,
    MoneyResponse Distributed, MoneyResponse Undistributed, MoneyResponse RecordedIncome, MoneyResponse ReversedIncome,
    MoneyResponse NetIncome);

public sealed record PoolLedger(Guid PoolId, Guid? ProjectId, string Name, LedgerTotals Totals);

public sealed record MemberPaid(Guid MemberId, string Name, MoneyResponse Paid);

public sealed record LedgerResponse(
    string Currency, MoneyResponse Income, MoneyResponse Reserved, MoneyResponse Paid, MoneyResponse Reversed,
    MoneyResponse Distributed, MoneyResponse Undistributed, IReadOnlyList<PoolLedger> Pools,
    IReadOnlyList<MemberPaid> Members, MoneyResponse RecordedIncome, MoneyResponse ReversedIncome,
        MoneyResponse NetIncome,
    Instant AsOf);

public static class LedgerEndpoint
{
    /// <summary>
    /// Summed from the pool and distribution documents, each written only with its own version-checked
    /// stream, so no total can lose a concurrent update. The two ways of counting a pool's balance (its own
    /// stream, and its distributions) must agree to the minor unit; if they ever did not, this fails loudly.
    /// As of a past moment, the pools are folded from their events up to it and the distributions cut back to
    /// it, both by the instants the events record (a pool's event and its distribution's echo record the same).
    /// </summary>
    [WolverineGet("/networks/{networkId}/ledger")]
    [EndpointSummary("The treasury ledger")]
    [EndpointDescription(
        "Income (recorded, reversed and net), reserved, paid, reversed, distributed and undistributed money per " +
        "pool and in all, and each member's paid to date; now, or as of a past moment.")]
    public static async Task<LedgerResponse> Get(
        Guid networkId, string? asOf, IQuerySession session, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var moment = string.IsNullOrEmpty(asOf) ? (Instant?)null : ShareText.AsOf(asOf, http.Now());
        var currency = (await session.LoadAsync<NetworkView>(networkId, cancellation))!.Currency;
        var pools = moment is { } past ? await PoolsAsOf(session, past, cancellation)
            : (await session.Query<Pool>().ToListAsync(cancellation)).ToDictionary(p => p.Id);
        var distributions = (await DistributionMoney.Load(session, null, cancellation))
            .Select(d => moment is { } past ? d.AsOf(past) : d).OfType<DistributionMoney>().ToList();
        // Co-budgeting rounds hold their amount while open (reserved) and count what they paid once closed.
        var rounds = (await RoundMoney.Load(session, cancellation))
            .Select(r => moment is { } past ? r.AsOf(past) : r).OfType<RoundMoney>().ToList();
        var projects = (await session.Query<ProjectView>().ToListAsync(cancellation))
            .Where(p => moment is not { } past || p.OpenedAt <= past)
            .OrderBy(p => p.OpenedAt).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var members = (await session.Query<MemberView>().ToListAsync(cancellation))
            .Where(m => moment is not { } past || m.AdmittedAt <= past)
            .OrderBy(m => m.AdmittedAt).ThenBy(m => m.Id, Domain.Money.MemberIdOrder.Instance).ToList();
        var names = await Privacy.Unsealed.For(session, members.Select(m => m.Name), cancellation);

        var scopes = new (Guid? ProjectId, string Name)[] { (null, "network") }.Concat(projects.Select(p =>
            (ProjectId: (Guid?)p.Id, p.Name)));
        var perPool = scopes.Select(s =>
        {
            var id = DerivedIds.Pool(networkId, s.ProjectId);
            var sums = Sums.Of(pools.GetValueOrDefault(id), distributions.Where(d => d.PoolId == id),
                rounds.Where(r => r.PoolId == id));
            return (Id: id, s.ProjectId, s.Name, Sums: sums);
        }).ToList();

        var paid = distributions.SelectMany(d => d.Standing()).Concat(rounds.SelectMany(r => r.Standing()))
            .GroupBy(s => s.MemberId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Int128.Zero, (sum, s) => sum + s.AmountMinor));
        var all = perPool.Select(p => p.Sums).Aggregate((a, b) => a + b);
        if (paid.Values.Aggregate(Int128.Zero, (a, b) => a + b) != all.Distributed)
            throw new InvalidOperationException("Ledger does not reconcile: members' paid-to-date differs from the total distributed.");
        var t = all.Totals(currency);
        return new LedgerResponse(currency, t.Income, t.Reserved, t.Paid, t.Reversed, t.Distributed, t.Undistributed,
            [.. perPool.Select(p => new PoolLedger(p.Id, p.ProjectId, p.Name, p.Sums.Totals(currency)))],
            [.. members.Select(m => new MemberPaid(m.Id, names.Name(m.Name),
                MoneyResponse.Of(paid.GetValueOrDefault(m.Id), currency)))
            ],
            t.RecordedIncome, t.ReversedIncome, t.NetIncome, moment ?? http.Now());
    }

    /// <summary>Every pool of the network folded from those of its events that happened by the moment.</summary>
    private static async Task<Dictionary<Guid, Pool>> PoolsAsOf(
        IQuerySession session, Instant moment, CancellationToken cancellation)
    {
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(StreamEvents.Pool.ToArray()))
            .OrderBy(e => e.Sequence).ToListAsync(cancellation);
        return events.Where(e => MomentOf(e.Data) <= moment).GroupBy(e => e.StreamId)
            .Select(g => g.Aggregate((Pool?)null, (pool, e) => Pool.Evolve(pool, e.Data)))
            .OfType<Pool>().ToDictionary(p => p.Id);
    }

    private static Instant MomentOf(object poolEvent) => poolEvent switch
    {
        IncomeRecorded e => e.RecordedAt,
        IncomeReversed e => e.ReversedAt,
        DistributionReserved e => e.ReservedAt,
        DistributionReleased e => e.ReleasedAt,
        PayoutReturned e => e.ReturnedAt,
        PayoutRedrawn e => e.DrawnAt,
        RoundReserved e => e.ReservedAt,
        RoundSettled e => e.SettledAt,
        _ => throw new InvalidOperationException($"{poolEvent.GetType().Name} is not a pool event."),
    };

    /// <summary>
    /// A scope's sums in minor units, as <see cref="Int128"/>: one pool's amounts fit a long, but the network's
    /// totals add up every pool, and no number of projects may make the ledger unreadable.
    /// </summary>
    private readonly record struct Sums(
        Int128 Recorded, Int128 IncomeReversed, Int128 Reserved, Int128 Paid, Int128 Reversed)
    {
        public Int128 Income => Recorded - IncomeReversed;
        public Int128 Distributed => Paid - Reversed;
        public Int128 Undistributed => Income - Reserved - Distributed;

        public static Sums operator +(Sums a, Sums b) => new(a.Recorded + b.Recorded,
            a.IncomeReversed + b.IncomeReversed, a.Reserved + b.Reserved, a.Paid + b.Paid, a.Reversed + b.Reversed);

        /// <summary>
        /// Counts a pool's distributions and rounds and checks the result against the pool's own balance.
        /// </summary>
        public static Sums Of(Pool? pool, IEnumerable<DistributionMoney> distributions, IEnumerable<RoundMoney> rounds)
        {
            var list = distributions.ToList();
            var held = rounds.ToList();
            var sums = new Sums(pool?.IncomeMinor ?? 0, pool?.IncomeReversedMinor ?? 0,
                Total(list.Where(d => d.Status is DistributionStatus.Proposed or DistributionStatus.Approved),
                    d => d.AmountMinor) + held.Aggregate(Int128.Zero, (sum, r) => sum + r.ReservedMinor),
                Total(list, d => d.PaidMinor) + held.Aggregate(Int128.Zero, (sum, r) => sum + r.PaidMinor),
                Total(list, d => d.ReversedMinor));
            if (sums.Undistributed != (pool?.AvailableMinor ?? 0) || sums.Undistributed < 0 || sums.Reserved < 0
                || sums.Distributed < 0 || sums.Income < 0)
                throw new InvalidOperationException(
                    $"Pool {pool?.Id} does not reconcile: {sums.Undistributed} undistributed by its distributions, {pool?.AvailableMinor ?? 0} by its stream.");
            return sums;
        }

        private static Int128 Total(
            IEnumerable<DistributionMoney> distributions, Func<DistributionMoney, long> amount) =>
            distributions.Aggregate(Int128.Zero, (sum, d) => sum + amount(d));

        public LedgerTotals Totals(string currency)
        {
            MoneyResponse Of(Int128 amount) => MoneyResponse.Of(amount, currency);
            return new(Of(Income), Of(Reserved), Of(Paid), Of(Reversed), Of(Distributed), Of(Undistributed),
                Of(Recorded), Of(IncomeReversed), Of(Income));
        }
    }
}
