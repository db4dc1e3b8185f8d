using NodaTime;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Treasury;

public class SettlingTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Id = Guid.Parse("0197a000-0000-7000-8000-00000000d0e1");
    private static readonly Guid PoolId = DerivedIds.Pool(NetworkId, null);

    private static DistributionProposed Proposed(bool fourEyes) => new(Id, NetworkId, null, PoolId, 10000, "EUR",
        DistributionPolicy.Balanced,
        Now, null, 1, 20, [new ShareUsed(Ada, 10, 0.5m), new ShareUsed(Bob, 10, 0.5m)], new Dictionary<Guid,
            long> { [Ada] = 20000 },
        [new ProposedLine(1, Ada, 0, 10, "…"), new ProposedLine(2, Bob, 10000, 10, "…")], fourEyes, Ada, Now);

    private static Spec<Distribution> Given(bool fourEyes = true, params object[] more) =>
        new Spec<Distribution>(Distribution.Evolve).Given([Proposed(fourEyes), .. more]);

    private static PayoutsIssued Issued => new(Id, [new Payout(DerivedIds.Payout(Id, 2), 2, Bob, 10000,
        "OV-0000D0E1-002")], Bob, Now);

    [Fact]
    public void A_proposer_cannot_approve_their_own_distribution_but_another_treasurer_can()
    {
        var spec = Given();
        spec.State.Status.Should().Be(DistributionStatus.Proposed);
        spec.ThenRefused(d => Approve(d, Ada), RefusalKind.Forbidden, "self-approval");
        spec.Then(d => Approve(d, Bob), new DistributionApproved(Id, Bob, Now));
    }

    private static readonly Duration CoolingOff = Duration.FromHours(72);

    private static object[] Approve(Distribution d, Guid approver, params Vouching[] vouchings) =>
        Settling.Decide(new ApproveDistribution(Id, approver), d, vouchings, CoolingOff, Now);

    // The proposal was made at Now by Ada; the cooling-off period is 72 hours: what Ada did after Now - 72 h counts.
    [Theory]
    [InlineData(VouchingKind.Admitted, 0)]
    [InlineData(VouchingKind.GrantedTreasurer, -71)]
    [InlineData(VouchingKind.GrantedSteward, -1)]
    [InlineData(VouchingKind.ReissuedToken, 5)]
    public void An_approver_the_proposer_vouched_for_around_the_proposal_is_refused(VouchingKind kind,
        int hoursFromProposal)
    {
        var act = new Vouching(Ada, kind, Now + Duration.FromHours(hoursFromProposal));
        var refusal = Given().ThenRefused(d => Approve(d, Bob, act), RefusalKind.Forbidden, "approver-not-independent");
        refusal.Message.Should().Contain(FourEyesCheck.Describe(kind))
            .And.Contain(hoursFromProposal > 0 ? "after the proposal" : "within the 72-hour cooling-off period");
    }

    [Fact]
    public void Vouching_before_the_cooling_off_period_or_by_someone_else_does_not_count()
    {
        var longAgo = new Vouching(Ada, VouchingKind.GrantedTreasurer, Now - Duration.FromHours(72));
        var byCara = new Vouching(Guid.Parse("0197a000-0000-7000-8000-0000000000c3"), VouchingKind.ReissuedToken, Now);
        Given().Then(d => Approve(d, Bob, longAgo, byCara), new DistributionApproved(Id, Bob, Now));
    }

    [Fact]
    public void With_no_cooling_off_only_vouching_after_the_proposal_counts()
    {
        var atIt = new Vouching(Ada, VouchingKind.Admitted, Now);
        var justAfter = new Vouching(Ada, VouchingKind.ReissuedToken, Now + Duration.FromSeconds(1));
        Settling.Decide(new ApproveDistribution(Id, Bob), Given().State, [atIt], Duration.Zero, Now).Should()
            .ContainSingle();
        Given().ThenRefused(d => Settling.Decide(new ApproveDistribution(Id, Bob), d, [justAfter], Duration.Zero, Now),
            RefusalKind.Forbidden, "approver-not-independent");
    }

    [Fact]
    public void Without_four_eyes_a_proposal_is_approved_from_the_start() =>
        Given(fourEyes: false).State.Status.Should().Be(DistributionStatus.Approved);

    [Fact]
    public void Payouts_wait_for_approval() =>
        Given().ThenRefused(d => Settling.Decide(new IssuePayouts(Id, Ada), d, Now), RefusalKind.Conflict,
            "not-approved");

    [Fact]
    public void Payouts_are_issued_once_for_the_lines_above_zero_with_derived_ids_and_references()
    {
        var spec = Given(true, new DistributionApproved(Id, Bob, Now));
        spec.Then(d => Settling.Decide(new IssuePayouts(Id, Bob), d, Now), Issued);
        spec.Given(Issued).Then(d => Settling.Decide(new IssuePayouts(Id, Ada), d, Now));
        spec.State.Status.Should().Be(DistributionStatus.Paid);
    }

    [Fact]
    public void Cancelling_before_payout_releases_the_reservation_and_a_repeat_changes_nothing()
    {
        var spec = Given();
        var (events, pool) = Settling.Decide(new CancelDistribution(Id, " wrong amount ", Ada), spec.State, Now);
        events.Should().Equal(new DistributionCancelled(Id, "wrong amount", Ada, Now));
        pool.Should().Equal(new DistributionReleased(PoolId, NetworkId, null, Id, 10000, "EUR", Ada, Now));
        spec.Given(events);
        Settling.Decide(new CancelDistribution(Id, null, Ada), spec.State, Now).DistributionEvents.Should().BeEmpty();
        spec.ThenRefused(d => Settling.Decide(new IssuePayouts(Id, Ada), d, Now), RefusalKind.Conflict, "cancelled");
    }

    [Fact]
    public void A_paid_distribution_cannot_be_cancelled() =>
        Given(false, Issued).ThenRefused(d => Settling.Decide(new CancelDistribution(Id, null, Ada), d, Now)
            .DistributionEvents, RefusalKind.Conflict, "already-paid");

    [Fact]
    public void A_reversal_returns_the_money_to_the_pool_once()
    {
        var spec = Given(false, Issued);
        var payoutId = DerivedIds.Payout(Id, 2);
        var (reversal, returned) = Settling.Decide(new ReversePayout(payoutId, "bank returned it", Ada), spec.State,
            Now);
        reversal.Should().Be(new PayoutReversed(Id, payoutId, Bob, 10000, "bank returned it", Ada, Now));
        returned.Should().Be(new PayoutReturned(PoolId, NetworkId, null, Id, payoutId, 10000, "EUR", "bank returned it",
            Ada, Now));
        spec.Given(reversal);
        spec.State.Standing().Should().BeEmpty();
        spec.ThenRefused(d => [Settling.Decide(new ReversePayout(payoutId, "again", Ada), d, Now).Reversal],
            RefusalKind.Conflict, "already-reversed");
        spec.ThenRefused(d => [Settling.Decide(new ReversePayout(payoutId, " ", Ada), d, Now).Reversal],
            RefusalKind.Invalid, "invalid-reason");
    }

    [Fact]
    public void A_pool_balances_income_reservations_releases_and_returns()
    {
        object[] events =
        [
            new IncomeRecorded(PoolId, NetworkId, null, Guid.NewGuid(), 30000, "EUR", IncomeSource.Grant,
                new LocalDate(2026, 11, 1), null, Ada, Now),
            new DistributionReserved(PoolId, NetworkId, null, Id, 10000, "EUR", Ada, Now),
            new DistributionReserved(PoolId, NetworkId, null, Guid.NewGuid(), 5000, "EUR", Ada, Now),
            new DistributionReleased(PoolId, NetworkId, null, Id, 10000, "EUR", Ada, Now),
            new PayoutReturned(PoolId, NetworkId, null, Id, Guid.NewGuid(), 700, "EUR", "bounced", Ada, Now),
        ];
        var pool = events.Aggregate((Pool?)null, Pool.Evolve)!;
        (pool.IncomeMinor, pool.CommittedMinor, pool.ReturnedMinor, pool.AvailableMinor).Should().Be((30000L, 5000L,
            700L, 25700L));
    }

    [Fact]
    public void References_are_short_and_stable() =>
        Settling.Reference(Guid.Parse("0197a000-0000-7000-8000-00000abcdef1"), 7).Should().Be("OV-0ABCDEF1-007");
}

public class CommittedTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Id = Guid.Parse("0197a000-0000-7000-8000-00000000d0e1");

    private static Distribution Proposed() => Distribution.Evolve(null, new DistributionProposed(Id, Guid.Empty, null,
        Guid.Empty, 300, "EUR",
        DistributionPolicy.ProRata, Now, null, 1, 2, [], new Dictionary<Guid, long>(),
        [new ProposedLine(1, Ada, 200, 1, ""), new ProposedLine(2, Bob, 100, 1, "")], false, Ada, Now))!;

    /// <summary>
    /// Balanced's "paid so far": pending lines count, so two balanced proposals back to back don't fill one shortfall
    /// twice.
    /// </summary>
    [Fact]
    public void Pending_lines_and_standing_payouts_count_but_cancelled_and_reversed_do_not()
    {
        var approved = Proposed();
        approved.Committed().Should().Equal((Ada, 200L), (Bob, 100L));
        var paid = Settling.Decide(new IssuePayouts(Id, Ada), approved, Now).Aggregate((Distribution?)approved,
            Distribution.Evolve)!;
        paid.Committed().Should().Equal((Ada, 200L), (Bob, 100L));
        var bobs = paid.Payouts.Single(p => p.MemberId == Bob).PayoutId;
        Distribution.Evolve(paid, Settling.Decide(new ReversePayout(bobs, "bounced", Ada), paid, Now)
            .Reversal)!.Committed().Should().Equal((Ada, 200L));
        Settling.Decide(new CancelDistribution(Id, null, Ada), approved, Now)
            .DistributionEvents.Aggregate((Distribution?)approved, Distribution.Evolve)!
            .Committed().Should().BeEmpty();
    }
}
