using OpenValue.Domain.Tests.Contributions;
using NodaTime;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Treasury;

using Money = OpenValue.Domain.Money.Money;
using Currency = OpenValue.Domain.Money.Currency;

public class TreasuryTests
{
    private static readonly Instant Now = Given.Now;
    private static readonly LocalDate Today = Given.Today;
    private static readonly Guid NetworkId = Given.NetworkId;
    private static readonly Guid Ada = Given.Ada;
    private static readonly Guid Bob = Given.Bob;
    private static readonly Guid Cem = Given.Cy;
    private static readonly Guid Frame = Given.ProjectId;
    private static readonly Guid DistributionId = Guid.Parse("0197a000-0000-7000-8000-00000000d001");
    private static readonly Currency Euro = Currency.Parse("EUR", "currency");

    private static Network Net(params object[] more) =>
        new object[] { new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Now),
            new MemberAdmitted(NetworkId, Ada, "Ada", [Role.Treasurer, Role.Steward], StakeholderClass.Founder, Ada,
                Now),
            new MemberAdmitted(NetworkId, Bob, "Bob", [Role.Contributor], StakeholderClass.Labour, Ada, Now),
            new MemberAdmitted(NetworkId, Cem, "Cem", [Role.Contributor], StakeholderClass.Labour, Ada, Now),
            new ProjectOpened(NetworkId, Frame, "Frame", Ada, Now) }
        .Concat(more).Aggregate((Network?)null, Network.Evolve)!;

    private static Pool PoolWith(long incomeMinor, Guid? project = null) =>
        Pool.Evolve(null, new IncomeRecorded(DerivedIds.Pool(NetworkId, project), NetworkId, project, Guid.NewGuid(),
            incomeMinor, "EUR",
            IncomeSource.Sale, Today, null, Ada, Now))!;

    private static SharesUsed Equal(params Guid[] members) =>
        new(1, members.Length * 10, [.. Shares.Of(members.ToDictionary(m => m, _ => 10m)).Select(s =>
            new ShareUsed(s.MemberId, s.Points, s.Share))]);

    private static ProposeDistribution Proposal(string amount, string policy = "pro-rata", string? project = null,
        string currency = "EUR") =>
        new(new MoneyInput(amount, currency), policy, project, null, null, Ada);

    private static (DistributionReserved Reservation, DistributionProposed Proposal) Propose(
        string amount, Pool pool, SharesUsed shares, string policy = "pro-rata", Dictionary<Guid, long>? paid = null,
            Network? network = null)
    {
        var n = network ?? Net();
        var request = Proposing.Validate(Proposal(amount, policy, pool.ProjectId?.ToString()), n, Now);
        return Proposing.Decide(request, DistributionId, pool, n, shares, paid ?? [], Ada, Now);
    }

    private static IEnumerable<(Guid, long)> Amounts(DistributionProposed p) => p.Lines.Select(l => (l.MemberId,
        l.AmountMinor));

    [Fact]
    public void One_cent_among_three_equal_members_goes_to_the_smallest_id() =>
        Amounts(Propose("0.01", PoolWith(100), Equal(Ada, Bob, Cem)).Proposal).Should().Equal((Ada, 1L), (Bob, 0L),
            (Cem, 0L));

    [Fact]
    public void A_hundred_euros_among_three_equal_members()
    {
        var proposal = Propose("100.00", PoolWith(10000), Equal(Ada, Bob, Cem)).Proposal;
        Amounts(proposal).Should().Equal((Ada, 3334L), (Bob, 3333L), (Cem, 3333L));
        proposal.Lines.Select(l => l.Line).Should().Equal(1, 2, 3);
        proposal.Lines[0].Explanation.Should().Be("pro-rata: 33.33% share (10 points) of 100.00 EUR");
    }

    [Fact]
    public void A_member_with_zero_points_gets_no_line()
    {
        var shares = new SharesUsed(1, 20, [.. Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 10, [Bob] = 0,
            [Cem] = 10 })
            .Select(s => new ShareUsed(s.MemberId, s.Points, s.Share))]);
        Amounts(Propose("10.01", PoolWith(2000), shares).Proposal).Should().Equal((Ada, 501L), (Cem, 500L));
    }

    [Fact]
    public void Balanced_gives_an_overpaid_member_a_zero_line_and_splits_the_rest()
    {
        // Equal thirds; Ada was paid 600.00 before. Targets: (600 + 300) / 3 = 300 each; shortfalls 0, 300, 300.
        var proposal = Propose("300.00", PoolWith(30000), Equal(Ada, Bob, Cem), "balanced", new() { [Ada] = 60000 })
            .Proposal;
        Amounts(proposal).Should().Equal((Ada, 0L), (Bob, 15000L), (Cem, 15000L));
        proposal.PaidBefore.Should().Equal(new Dictionary<Guid, long> { [Ada] = 60000 });
    }

    [Fact]
    public void Recomputing_a_proposal_from_what_it_recorded_gives_the_same_lines()
    {
        var shares = new SharesUsed(2, 11600, [.. Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 9600,
            [Bob] = 2000 })
            .Select(s => new ShareUsed(s.MemberId, s.Points, s.Share))]);
        foreach (var policy in new[] { "pro-rata", "balanced" })
        {
            var proposal = Propose("500.00", PoolWith(100000), shares, policy, new() { [Bob] = 777 }).Proposal;
            Proposing.Recompute(proposal).Should().Equal(proposal.Lines);
        }
    }

    [Fact]
    public void Project_and_network_pools_are_different_streams_and_income_goes_to_its_scope()
    {
        DerivedIds.Pool(NetworkId, Frame).Should().NotBe(DerivedIds.Pool(NetworkId, null));
        DerivedIds.Pool(NetworkId, null).Should().Be(DerivedIds.Pool(NetworkId, null));
        DerivedIds.LooksDerived(DerivedIds.Pool(NetworkId, null)).Should().BeTrue();
        var income = Income.Decide(new RecordIncome(Guid.NewGuid(), new MoneyInput("10400.00", "EUR"), "licence-fee",
            Frame.ToString(), "2026-11-25", " v2 ", Ada), Net(), Today, Now);
        income.Should().BeEquivalentTo(new { PoolId = DerivedIds.Pool(NetworkId, Frame), ProjectId = (Guid?)Frame,
            AmountMinor = 1040000L, Source = IncomeSource.LicenceFee, Note = "v2" });
    }

    [Fact]
    public void The_amount_cannot_exceed_the_undistributed_income_of_its_pool()
    {
        var pool = PoolWith(10000);
        var (reservation, _) = Propose("60.00", pool, Equal(Ada, Bob));
        var after = Pool.Evolve(pool, reservation)!;
        after.AvailableMinor.Should().Be(4000);
        var refused = () => Propose("40.01", after, Equal(Ada, Bob));
        refused.Should().Throw<RuleViolation>().Which.Code.Should().Be("insufficient-funds");
        Propose("40.00", after, Equal(Ada, Bob)).Proposal.AmountMinor.Should().Be(4000);
    }

    [Fact]
    public void Nobody_with_points_is_refused() =>
        ((Action)(() => Propose("1.00", PoolWith(100), new SharesUsed(null, 0, []))))
            .Should().Throw<RuleViolation>().Which.Code.Should().Be("no-eligible-member");

    [Theory]
    [InlineData("-1.00", "EUR", "amount.amount")]
    [InlineData("1.001", "EUR", "amount.amount")]
    [InlineData("0", "EUR", "amount.amount")]
    [InlineData("1e3", "EUR", "amount.amount")]
    [InlineData("1.00", "USD", "amount.currency")]
    public void Bad_amounts_are_refused_naming_the_field(string amount, string currency, string field)
    {
        var act = () => Proposing.Validate(Proposal(amount, currency: currency), Net(), Now);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
        var income = () => Income.Decide(new RecordIncome(Guid.NewGuid(), new MoneyInput(amount, currency), "sale",
            null, "2026-11-25", null, Ada), Net(), Today, Now);
        income.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Recent_needs_a_window_and_other_policies_refuse_one()
    {
        var missing = () => Proposing.Validate(Proposal("1.00", "recent"), Net(), Now);
        missing.Should().Throw<RuleViolation>().Which.Field.Should().Be("windowDays");
        var stray = () => Proposing.Validate(Proposal("1.00") with { WindowDays = 90 }, Net(), Now);
        stray.Should().Throw<RuleViolation>().Which.Field.Should().Be("windowDays");
        var future = () => Proposing.Validate(Proposal("1.00") with { AsOf = "2026-12-01T00:00:00Z" }, Net(), Now);
        future.Should().Throw<RuleViolation>().Which.Field.Should().Be("asOf");
    }

    [Fact]
    public void Four_eyes_by_default_only_with_two_treasurers_and_configurable()
    {
        Net().SecondApprovalRequired.Should().BeFalse();
        var two = Net(new MemberRoleGranted(NetworkId, Bob, Role.Treasurer, Ada, Now));
        two.SecondApprovalRequired.Should().BeTrue();
        TreasuryPolicy.Decide(new SetTreasuryPolicy("never", null, Ada), two, Now).Should().ContainSingle();
        Net(new TreasuryPolicySet(NetworkId, FourEyes.Always, Ada, Now)).SecondApprovalRequired.Should().BeTrue();
        TreasuryPolicy.Decide(new SetTreasuryPolicy("when-two-treasurers", null, Ada), Net(), Now).Should().BeEmpty();
        var bad = () => TreasuryPolicy.Decide(new SetTreasuryPolicy("sometimes", null, Ada), Net(), Now);
        bad.Should().Throw<RuleViolation>().Which.Field.Should().Be("fourEyes");
    }

    [Fact]
    public void The_cooling_off_period_defaults_to_72_hours_and_is_set_with_or_without_the_four_eyes_rule()
    {
        Net().CoolingOff.Should().Be(Duration.FromHours(72));
        var set = TreasuryPolicy.Decide(new SetTreasuryPolicy(null, 24, Ada), Net(), Now);
        set.Should().Equal(new TreasuryPolicySet(NetworkId, FourEyes.WhenTwoTreasurers, Ada, Now, 24));
        var net = Net(set);
        net.CoolingOff.Should().Be(Duration.FromHours(24));
        TreasuryPolicy.Decide(new SetTreasuryPolicy("when-two-treasurers", 24, Ada), net, Now).Should().BeEmpty();
        TreasuryPolicy.Decide(new SetTreasuryPolicy("always", null, Ada), net, Now)
            .Should().Equal(new TreasuryPolicySet(NetworkId, FourEyes.Always, Ada, Now, 24));
        // An event stored before the cooling-off existed reads as the default.
        Net(new TreasuryPolicySet(NetworkId, FourEyes.Never, Ada, Now)).CoolingOff.Should().Be(Duration.FromHours(72));
    }

    [Theory]
    [InlineData(null, null, "fourEyes")]
    [InlineData(null, -1, "coolingOffHours")]
    [InlineData("always", 8761, "coolingOffHours")]
    public void A_treasury_policy_without_a_change_or_with_a_cooling_off_out_of_range_is_refused(string? fourEyes,
        int? hours, string field)
    {
        var act = () => TreasuryPolicy.Decide(new SetTreasuryPolicy(fourEyes, hours, Ada), Net(), Now);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }
}
