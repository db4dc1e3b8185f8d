using NodaTime;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Treasury;

/// <summary>
/// A reversed payout paid again on its own: once, with its own id and reference, from the pool again.
/// </summary>
public class ReissuingPayoutsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Instant Later = Now + Duration.FromDays(3);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Id = Guid.Parse("0197a000-0000-7000-8000-00000000d0e1");
    private static readonly Guid PoolId = DerivedIds.Pool(NetworkId, null);
    private static readonly Guid AdasPayout = DerivedIds.Payout(Id, 1);
    private static readonly Guid BobsPayout = DerivedIds.Payout(Id, 2);

    private static readonly DistributionProposed Proposed = new(Id, NetworkId, null, PoolId, 10000, "EUR",
        DistributionPolicy.ProRata,
        Now, null, 1, 20, [new ShareUsed(Ada, 10, 0.7m), new ShareUsed(Bob, 10, 0.3m)], new Dictionary<Guid, long>(),
        [new ProposedLine(1, Ada, 7000, 14, "…"), new ProposedLine(2, Bob, 3000, 6, "…")], false, Ada, Now);

    private static readonly PayoutsIssued Issued = new(Id,
        [new Payout(AdasPayout, 1, Ada, 7000, "OV-0000D0E1-001"), new Payout(BobsPayout, 2, Bob, 3000,
            "OV-0000D0E1-002")], Ada, Now);

    private static PayoutReversed Reversal(Guid payoutId, Guid memberId, long amountMinor) =>
        new(Id, payoutId, memberId, amountMinor, "IBAN closed", Ada, Now);

    private static Distribution Paid(params object[] more) =>
        new object[] { Proposed, Issued }.Concat(more).Aggregate((Distribution?)null, Distribution.Evolve)!;

    /// <summary>10,000 income, the distribution of 10,000 reserved and paid, and whatever returned.</summary>
    private static Pool PoolWith(long incomeMinor, params object[] more) => new object[]
    {
        new IncomeRecorded(PoolId, NetworkId, null, Guid.NewGuid(), incomeMinor, "EUR", IncomeSource.Sale,
            new LocalDate(2026, 11, 1), null, Ada, Now),
        new DistributionReserved(PoolId, NetworkId, null, Id, 10000, "EUR", Ada, Now),
    }.Concat(more).Aggregate((Pool?)null, Pool.Evolve)!;

    private static readonly PayoutReturned BobsReturn = new(PoolId, NetworkId, null, Id, BobsPayout, 3000, "EUR",
        "IBAN closed", Ada, Now);

    [Fact]
    public void A_reversed_payout_is_paid_again_as_a_new_payout_from_the_pool()
    {
        var distribution = Paid(Reversal(BobsPayout, Bob, 3000));
        var pool = PoolWith(10000, BobsReturn);
        var (reissue, drawn) = Settling.Decide(new ReissuePayout(BobsPayout, Ada), distribution, pool, Later);

        var id = DerivedIds.Reissue(BobsPayout);
        reissue.Should().Be(new PayoutReissued(Id, id, BobsPayout, 2, Bob, 3000, "OV-0000D0E1-002-R1", Ada, Later));
        drawn.Should().Be(new PayoutRedrawn(PoolId, NetworkId, null, Id, id, BobsPayout, 3000, "EUR", Ada, Later));
        id.Should().NotBe(BobsPayout);

        var after = Distribution.Evolve(distribution, reissue)!;
        after.Payouts.Select(p => p.PayoutId).Should().Equal(AdasPayout, BobsPayout, id);
        after.Standing().Should().Equal((Ada, 7000L), (Bob, 3000L));
        (after.PaidMinor, after.ReversedMinor, after.HeldMinor).Should().Be((13000L, 3000L, 10000L));
        after.ReissueOf(BobsPayout).Should().Be(reissue);
        var poolAfter = Pool.Evolve(pool, drawn)!;
        (poolAfter.RedrawnMinor, poolAfter.AvailableMinor).Should().Be((3000L, 0L));
    }

    [Fact]
    public void A_payout_is_reissued_once()
    {
        var distribution = Paid(Reversal(BobsPayout, Bob, 3000));
        var (reissue, _) = Settling.Decide(new ReissuePayout(BobsPayout, Ada), distribution, PoolWith(20000,
            BobsReturn), Later);
        Refused(() => Settling.Decide(new ReissuePayout(BobsPayout, Ada), Distribution.Evolve(distribution, reissue)!,
            PoolWith(20000, BobsReturn), Later),
            RefusalKind.Conflict, "already-reissued").Message.Should().Contain("OV-0000D0E1-002-R1");
    }

    [Fact]
    public void Only_a_reversed_payout_is_reissued() =>
        Refused(() => Settling.Decide(new ReissuePayout(AdasPayout, Ada), Paid(Reversal(BobsPayout, Bob, 3000)),
            PoolWith(20000, BobsReturn), Later),
            RefusalKind.Conflict, "not-reversed");

    [Fact]
    public void A_payout_of_no_such_id_is_not_found() =>
        Refused(() => Settling.Decide(new ReissuePayout(Guid.NewGuid(), Ada), Paid(), PoolWith(10000), Later),
            RefusalKind.NotFound, "payout-not-found");

    [Fact]
    public void A_pool_that_no_longer_has_the_money_refuses_the_reissue()
    {
        // The returned 30.00 went into another distribution of 20.01 before the reissue: 9.99 is left.
        var pool = PoolWith(10000, BobsReturn, new DistributionReserved(PoolId, NetworkId, null, Guid.NewGuid(), 2001,
            "EUR", Ada, Now));
        Refused(() => Settling.Decide(new ReissuePayout(BobsPayout, Ada), Paid(Reversal(BobsPayout, Bob, 3000)), pool,
            Later),
            RefusalKind.Conflict, "insufficient-funds").Message.Should().Contain("30.00 EUR").And.Contain("9.99 EUR");
    }

    [Fact]
    public void A_reissue_can_be_reversed_and_reissued_in_turn()
    {
        var (first, firstDrawn) = Settling.Decide(new ReissuePayout(BobsPayout, Ada), Paid(Reversal(BobsPayout, Bob,
            3000)), PoolWith(10000, BobsReturn), Later);
        var distribution = Paid(Reversal(BobsPayout, Bob, 3000), first);
        var (again, returned) = Settling.Decide(new ReversePayout(first.PayoutId, "bounced again", Ada), distribution,
            Later);
        distribution = Distribution.Evolve(distribution, again)!;
        distribution.Standing().Should().Equal((Ada, 7000L));
        var pool = PoolWith(10000, BobsReturn, firstDrawn, returned);
        var (second, _) = Settling.Decide(new ReissuePayout(first.PayoutId, Ada), distribution, pool, Later);
        (second.Reference, second.ReissueOf, second.PayoutId).Should().Be(("OV-0000D0E1-002-R2", first.PayoutId,
            DerivedIds.Reissue(first.PayoutId)));
    }

    [Fact]
    public void A_distribution_stored_before_reissues_existed_reads_as_having_none()
    {
        var stored = new Distribution(Id, Proposed, DistributionStatus.Paid, null, null, Issued, []);
        stored.Reissues.Should().BeEmpty();
        (stored.PaidMinor, stored.HeldMinor).Should().Be((10000L, 10000L));
    }

    private static RuleViolation Refused(Func<object> decide, RefusalKind kind, string code)
    {
        var violation = FluentActions.Invoking(decide).Should().Throw<RuleViolation>().Which;
        (violation.Kind, violation.Code).Should().Be((kind, code));
        return violation;
    }
}
