using NodaTime;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Tests.Treasury;

/// <summary>Income recorded in error is reversed by a compensating event, only while the pool still holds it.</summary>
public class ReversingIncomeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid PoolId = DerivedIds.Pool(NetworkId, null);
    private static readonly Guid First = Guid.Parse("0197a000-0000-7000-8000-0000000001c1");
    private static readonly Guid Second = Guid.Parse("0197a000-0000-7000-8000-0000000001c2");
    private static readonly Guid Earlier = Guid.Parse("0197a000-0000-7000-8000-00000000d001");
    private static readonly Guid Later = Guid.Parse("0197a000-0000-7000-8000-00000000d002");

    private static IncomeRecorded Recorded(Guid id, long amountMinor, Instant at) =>
        new(PoolId, NetworkId, null, id, amountMinor, "EUR", IncomeSource.Sale, new LocalDate(2026, 11, 25), null, Ada,
            at);

    private static readonly IncomeRecorded Twice = Recorded(Second, 10000, Now);

    private static Pool PoolOf(params object[] events) => events.Aggregate((Pool?)null, Pool.Evolve)!;

    private static IncomeReversed Reverse(
        IncomeRecorded? recorded, Pool pool, string? reason = "recorded twice", IncomeReversed? earlier = null,
            params PoolHolding[] holdings) =>
        IncomeReversal.Decide(new ReverseIncome(Second, reason, Ada), recorded, earlier, pool, holdings, Now);

    [Fact]
    public void Income_recorded_twice_is_reversed_and_the_pool_keeps_the_rest()
    {
        var pool = PoolOf(Recorded(First, 10000, Now), Twice);
        var reversal = Reverse(Twice, pool, " recorded twice ");
        reversal.Should().Be(new IncomeReversed(PoolId, NetworkId, null, Second, 10000, "EUR", "recorded twice", Ada,
            Now));
        var after = Pool.Evolve(pool, reversal)!;
        (after.IncomeMinor, after.IncomeReversedMinor, after.NetIncomeMinor, after.AvailableMinor).Should().Be((20000L,
            10000L, 10000L, 10000L));
    }

    [Fact]
    public void A_reason_is_required() =>
        FluentActions.Invoking(() => Reverse(Twice, PoolOf(Twice), " ")).Should().Throw<RuleViolation>()
            .Which.Code.Should().Be("invalid-reason");

    [Fact]
    public void Income_that_is_not_in_the_pool_is_not_found()
    {
        var pool = PoolOf(Twice);
        Refused(() => Reverse(null, pool), RefusalKind.NotFound, "income-not-found");
        var elsewhere = Twice with { PoolId = DerivedIds.Pool(NetworkId, Guid.NewGuid()) };
        Refused(() => Reverse(elsewhere, pool), RefusalKind.NotFound, "income-not-found");
    }

    [Fact]
    public void The_same_income_is_reversed_once()
    {
        var pool = PoolOf(Recorded(First, 10000, Now), Twice);
        var first = Reverse(Twice, pool);
        Refused(() => Reverse(Twice, Pool.Evolve(pool, first)!, "again", first), RefusalKind.Conflict,
            "already-reversed");
    }

    [Fact]
    public void Exactly_the_undistributed_amount_may_be_reversed()
    {
        var pool = PoolOf(Recorded(First, 10000, Now), Twice, new DistributionReserved(PoolId, NetworkId, null, Earlier,
            10000, "EUR", Ada, Now));
        pool.AvailableMinor.Should().Be(10000);
        Pool.Evolve(pool, Reverse(Twice, pool))!.AvailableMinor.Should().Be(0);
    }

    [Fact]
    public void Income_already_in_distributions_is_refused_naming_those_made_since_it_was_recorded()
    {
        var recorded = Recorded(Second, 10000, Now);
        var pool = PoolOf(Recorded(First, 5000, Now - Duration.FromDays(1)),
            new DistributionReserved(PoolId, NetworkId, null, Earlier, 5000, "EUR", Ada, Now - Duration.FromHours(1)),
                recorded,
            new DistributionReserved(PoolId, NetworkId, null, Later, 2000, "EUR", Ada, Now));
        var holdings = new[] { new PoolHolding(Later, Now, 2000), new PoolHolding(Earlier, Now - Duration.FromHours(1),
            5000) };
        var refusal = Refused(() => Reverse(recorded, pool, holdings: holdings), RefusalKind.Conflict,
            "income-distributed");
        refusal.Details["distributionIds"].Should().BeEquivalentTo(new[] { Later });
        refusal.Message.Should().Contain("80.00 EUR of it is undistributed").And.Contain(Later.ToString());
    }

    [Fact]
    public void When_no_distribution_since_holds_money_every_one_that_does_is_named()
    {
        // The one distribution proposed since the income was recorded holds nothing now (its payouts were reversed).
        var pool = PoolOf(Recorded(First, 5000, Now - Duration.FromDays(1)), Twice,
            new DistributionReserved(PoolId, NetworkId, null, Earlier, 12000, "EUR", Ada, Now - Duration.FromDays(1)));
        var holdings = new[] { new PoolHolding(Earlier, Now - Duration.FromDays(1), 12000), new PoolHolding(Later, Now,
            0) };
        Refused(() => Reverse(Twice, pool, holdings: holdings), RefusalKind.Conflict, "income-distributed")
            .Details["distributionIds"].Should().BeEquivalentTo(new[] { Earlier });
    }

    private static RuleViolation Refused(Func<object> decide, RefusalKind kind, string code)
    {
        var violation = FluentActions.Invoking(decide).Should().Throw<RuleViolation>().Which;
        (violation.Kind, violation.Code).Should().Be((kind, code));
        return violation;
    }
}
