using NodaTime;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Treasury;
using static OpenValue.Domain.Tests.Budgeting.RoundSetup;

namespace OpenValue.Domain.Tests.Budgeting;

public class ClosingTests
{
    /// <summary>
    /// Budgets 33.34 / 33.33 / 33.33. Jig (Bob's, 20.00–30.00): Ada 20.00 + Bob 10.00 = 30.00, funded at its maximum.
    /// Kiln (Cy's, 50.00–60.00): Cy 33.33 + Ada 6.67 = 40.00, below its minimum. Mural (Ada's): Bob 5.00, then
    /// cancelled.
    /// </summary>
    private static Spec<Round> ThreeBuckets() => Spec(
        Bucket(Jig, Bob, 2000, 3000), Bucket(Kiln, Cy, 5000, 6000), Bucket(Mural, Ada, 100, 1000),
        Funded(Jig, Ada, 2000), Funded(Jig, Bob, 1000), Funded(Kiln, Cy, 3333), Funded(Kiln, Ada, 667),
        Funded(Mural, Bob, 500), new BucketCancelled(RoundId, Mural, null, Ada, Now));

    [Fact]
    public void buckets_at_their_minimum_are_paid_to_their_owners_and_everything_else_returns_to_the_pool()
    {
        var spec = ThreeBuckets();
        var (closed, settled) = Closing.Decide(new CloseRound(Ada), spec.State, Now)!.Value;
        // Paid: the jig's 30.00 to Bob. Returned: the kiln's 40.00 plus the budgets not in a bucket that stands,
        // 100.00 − (30.00 + 40.00) = 30.00 (Bob's 5.00 in the cancelled mural among them): 40.00 + 30.00 = 70.00,
        // and 30.00 + 70.00 = 100.00, the round's amount.
        closed.Payouts.Should().Equal(new BucketPayout(DerivedIds.Payout(RoundId, 1), 1, Jig, Bob, 3000,
            Settling.Reference(RoundId, 1)));
        (closed.PaidMinor, closed.ReturnedMinor).Should().Be((3000, 7000));
        settled.Should().Be(new RoundSettled(spec.State.Opening.PoolId, spec.State.Opening.NetworkId, null, RoundId,
            3000,
            7000, "EUR", Ada, Now));
        spec.Given(closed);
        spec.State.Buckets.Select(b => b.Status).Should().Equal(BucketStatus.Funded, BucketStatus.Unfunded,
            BucketStatus.Cancelled);
        spec.State.HeldMinor.Should().Be(3000);
    }

    [Fact]
    public void the_pool_holds_the_whole_amount_while_open_and_only_the_payouts_after_closing()
    {
        var pool = PoolWith(25_000); // 250.00 of income
        var opened = Opened();
        pool = Pool.Evolve(pool, new RoundReserved(pool.Id, pool.NetworkId, null, RoundId, 10_000, "EUR", Ada, Now))!;
        pool.AvailableMinor.Should().Be(15_000); // 250.00 − 100.00
        pool = Pool.Evolve(pool, new RoundSettled(pool.Id, pool.NetworkId, null, opened.RoundId, 3000, 7000, "EUR",
            Ada, Now))!;
        // 250.00 − 30.00 paid = 220.00 undistributed.
        (pool.AvailableMinor, pool.RoundsHeldMinor, pool.RoundsPaidMinor).Should().Be((22_000, 0L, 3000L));
    }

    [Fact]
    public void a_round_closes_exactly_once()
    {
        var spec = ThreeBuckets();
        spec.Given(Closing.Decide(new CloseRound(Ada), spec.State, Now)!.Value.Closed);
        Closing.Decide(new CloseRound(Ada), spec.State, Now).Should().BeNull();
        Closing.Decide(new CloseRound(null), spec.State, ClosesAt).Should().BeNull();
    }

    [Fact]
    public void the_scheduled_closing_waits_for_the_window_to_end_a_treasurer_does_not()
    {
        var spec = ThreeBuckets();
        Closing.Decide(new CloseRound(null), spec.State, ClosesAt - Duration.FromSeconds(1)).Should().BeNull();
        var scheduled = Closing.Decide(new CloseRound(null), spec.State, ClosesAt)!.Value;
        (scheduled.Closed.ClosedBy, scheduled.Settled.SettledBy).Should().Be((null, null));
        Closing.Decide(new CloseRound(Ada), spec.State, Now).Should().NotBeNull();
    }

    [Fact]
    public void a_round_without_buckets_returns_its_whole_amount()
    {
        var (closed, _) = Closing.Decide(new CloseRound(Ada), Spec().State, Now)!.Value;
        (closed.Payouts.Count, closed.PaidMinor, closed.ReturnedMinor).Should().Be((0, 0L, 10_000L));
    }

    [Fact]
    public void a_bucket_exactly_at_its_minimum_is_funded_and_one_cent_below_is_not()
    {
        var spec = Spec(Bucket(Jig, Bob, 2000, 3000), Bucket(Kiln, Cy, 2000, 3000), Funded(Jig, Ada, 2000),
            Funded(Kiln, Bob, 1999));
        var (closed, _) = Closing.Decide(new CloseRound(Ada), spec.State, Now)!.Value;
        closed.Payouts.Select(p => (p.BucketId, p.MemberId, p.AmountMinor)).Should().Equal((Jig, Bob, 2000L));
        closed.ReturnedMinor.Should().Be(8000); // 100.00 − 20.00; the kiln's 19.99 goes back too
    }
}
