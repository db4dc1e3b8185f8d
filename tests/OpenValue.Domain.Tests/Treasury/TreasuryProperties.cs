using NodaTime;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Treasury;

/// <summary>
/// Random runs of every treasury decision against one pool, checking after each step what the ledger shows:
/// nothing negative, and the pool's own balance equal to income − reserved − (paid − reversed) counted from
/// its distributions, with members' standing payouts summing to what was distributed.
/// </summary>
public class TreasuryProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");

    [Fact]
    public void Seeded_runs_never_overdraw_and_always_reconcile()
    {
        var random = new SeededRandom(7);
        var network = new object[] { new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Now),
            new MemberAdmitted(NetworkId, Ada, "Ada", [Role.Treasurer], StakeholderClass.Founder, Ada,
                Now) }.Aggregate((Network?)null, Network.Evolve)!;
        var (paidSeen, reversedSeen, cancelledSeen, reissuedSeen, incomeReversedSeen) = (0, 0, 0, 0, 0L);
        for (var run = 0; run < 40; run++)
        {
            var members = Enumerable.Range(0, 1 + (int)random.Below(5)).Select(_ => random.NextGuid()).ToList();
            var shares = new SharesUsed(1, 0, [.. Shares.Of(members.ToDictionary(m => m, _ => (decimal)(1
                + random.Below(1000))))
                .Select(s => new ShareUsed(s.MemberId, s.Points, s.Share))]);
            var pool = Pool.Empty(NetworkId, null, "EUR");
            var distributions = new Dictionary<Guid, Distribution>();
            var incomes = new List<(IncomeRecorded Recorded, IncomeReversed? Reversal)>();
            for (var step = 0; step < 60; step++)
            {
                (pool, var changed) = Step(random, network, pool, distributions, incomes, shares);
                if (changed is { } d) distributions[d.Id] = d;
                Reconciles(pool, distributions.Values);
            }
            paidSeen += distributions.Values.Count(d => d.Status == DistributionStatus.Paid);
            reversedSeen += distributions.Values.Sum(d => d.Reversals.Count);
            cancelledSeen += distributions.Values.Count(d => d.Status == DistributionStatus.Cancelled);
            reissuedSeen += distributions.Values.Sum(d => d.Reissues.Count);
            incomeReversedSeen += incomes.Count(i => i.Reversal is not null);
        }
        // The runs must actually reach every transition, or they prove little.
        (paidSeen, reversedSeen, cancelledSeen, reissuedSeen, incomeReversedSeen).Should()
            .Match<(int P, int R, int C, int I, long V)>(t => t.P > 20 && t.R > 10 && t.C > 10 && t.I > 5 && t.V > 5);
    }

    private static (Pool, Distribution?) Step(
        SeededRandom random, Network network, Pool pool, Dictionary<Guid, Distribution> all,
        List<(IncomeRecorded Recorded, IncomeReversed? Reversal)> incomes, SharesUsed shares)
    {
        var pick = all.Count == 0 ? null : all.Values.ElementAt((int)random.Below(all.Count));
        switch (random.Below(7))
        {
            case 0:
                var income = new IncomeRecorded(pool.Id, NetworkId, null, Guid.NewGuid(), 1 + random.Below(100_000),
                    "EUR", IncomeSource.Sale,
                    new LocalDate(2026, 11, 1), null, Ada, Now);
                incomes.Add((income, null));
                return (Pool.Evolve(pool, income)!, null);
            case 5 when incomes.Count > 0:
                return (ReverseIncome(random, pool, all, incomes), null);
            case 6 when pick is { Status: DistributionStatus.Paid } && pick.Payouts.FirstOrDefault(p =>
                pick.IsReversed(p.PayoutId)
                                                                                                        && pick.ReissueOf(p.PayoutId) is null) is { } reversed:
                var reissue = () => Settling.Decide(new ReissuePayout(reversed.PayoutId, Ada), pick, pool, Now);
                if (reversed.AmountMinor > pool.AvailableMinor)
                {
                    reissue.Should().Throw<RuleViolation>().Which.Code.Should().Be("insufficient-funds");
                    return (pool, null);
                }
                var (again, drawn) = reissue();
                return (Pool.Evolve(pool, drawn)!, Distribution.Evolve(pick, again));
            case 1:
                var amount = 1 + random.Below(60_000);
                var request = new DistributionRequest(new OpenValue.Domain.Money.Money(amount,
                    OpenValue.Domain.Money.Currency.Parse("EUR", "c")),
                    random.Below(2) == 0 ? DistributionPolicy.ProRata : DistributionPolicy.Balanced, null, Now, null);
                var paid = all.Values.SelectMany(d => d.Committed()).GroupBy(c => c.MemberId).ToDictionary(g => g.Key,
                    g => g.Sum(c => c.AmountMinor));
                var decide = () => Proposing.Decide(request, Guid.NewGuid(), pool, network, shares, paid, Ada, Now);
                if (amount > pool.AvailableMinor)
                {
                    decide.Should().Throw<RuleViolation>().Which.Code.Should().Be("insufficient-funds");
                    return (pool, null);
                }
                var (reservation, proposal) = decide();
                proposal.Lines.Should().OnlyContain(l => l.AmountMinor >= 0);
                return (Pool.Evolve(pool, reservation)!, Distribution.Evolve(null, proposal));
            case 2 when pick is { Status: DistributionStatus.Proposed or DistributionStatus.Approved }:
                var (cancelled, released) = Settling.Decide(new CancelDistribution(pick.Id, null, Ada), pick, Now);
                return (released.Aggregate(pool, (p, e) => Pool.Evolve(p, e)!), cancelled.Aggregate((Distribution?)pick,
                    Distribution.Evolve));
            case 3 when pick is { Status: DistributionStatus.Approved }:
                return (pool, Settling.Decide(new IssuePayouts(pick.Id, Ada), pick, Now).Aggregate((Distribution?)pick,
                    Distribution.Evolve));
            case 4 when pick is { Status: DistributionStatus.Paid } && pick.Payouts.FirstOrDefault(p =>
                !pick.IsReversed(p.PayoutId)) is { } payout:
                var (reversal, returned) = Settling.Decide(new ReversePayout(payout.PayoutId, "bounced", Ada), pick,
                    Now);
                return (Pool.Evolve(pool, returned)!, Distribution.Evolve(pick, reversal));
            default:
                return (pool, null);
        }
    }

    /// <summary>
    /// Reverses a random income: refused (naming the distributions) exactly when the pool holds less than it.
    /// </summary>
    private static Pool ReverseIncome(SeededRandom random, Pool pool, Dictionary<Guid, Distribution> all,
        List<(IncomeRecorded Recorded, IncomeReversed? Reversal)> incomes)
    {
        var index = (int)random.Below(incomes.Count);
        var (recorded, earlier) = incomes[index];
        var holdings = all.Values.Select(d => new PoolHolding(d.Id, d.Proposal.ProposedAt, d.HeldMinor)).ToList();
        var decide = () => IncomeReversal.Decide(new ReverseIncome(recorded.IncomeId, "in error", Ada), recorded,
            earlier, pool, holdings, Now);
        if (earlier is not null || recorded.AmountMinor > pool.AvailableMinor)
        {
            var refusal = decide.Should().Throw<RuleViolation>().Which;
            refusal.Code.Should().Be(earlier is not null ? "already-reversed" : "income-distributed");
            if (earlier is null)
                ((IEnumerable<Guid>)refusal.Details["distributionIds"]).Should().NotBeEmpty();
            return pool;
        }
        var reversal = decide();
        incomes[index] = (recorded, reversal);
        return Pool.Evolve(pool, reversal)!;
    }

    private static void Reconciles(Pool pool, IEnumerable<Distribution> distributions)
    {
        var list = distributions.ToList();
        var reserved = list.Where(d => d.Status is DistributionStatus.Proposed or DistributionStatus.Approved).Sum(d =>
            d.Proposal.AmountMinor);
        var distributed = list.Sum(d => d.PaidMinor) - list.Sum(d => d.ReversedMinor);
        pool.AvailableMinor.Should().BeGreaterThanOrEqualTo(0);
        distributed.Should().BeGreaterThanOrEqualTo(0);
        pool.NetIncomeMinor.Should().BeGreaterThanOrEqualTo(0);
        pool.AvailableMinor.Should().Be(pool.NetIncomeMinor - reserved - distributed);
        pool.AvailableMinor.Should().Be(pool.NetIncomeMinor - list.Sum(d => d.HeldMinor));
        list.SelectMany(d => d.Standing()).Sum(s => s.AmountMinor).Should().Be(distributed);
        list.Where(d => d.Status == DistributionStatus.Paid)
            .All(d => d.PaidMinor - d.Reissues.Sum(r => r.AmountMinor) == d.Proposal.AmountMinor).Should().BeTrue();
    }
}
