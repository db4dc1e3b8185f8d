using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

using Money = OpenValue.Domain.Money.Money;

public class DistributionTests
{
    private static readonly Currency Euro = Currency.Parse("EUR", "currency");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Cem = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 26, 0, 0);

    private static Money Eur(long minor) => new(minor, Euro);

    private static IReadOnlyList<ShareLine> SharesOf(decimal ada, decimal bob, decimal cem) =>
        Shares.Of(new Dictionary<Guid, decimal> { [Ada] = ada, [Bob] = bob, [Cem] = cem });

    private static IEnumerable<(Guid, long)> Amounts(IReadOnlyList<DistributionLine> lines) => lines.Select(l => (l.MemberId, l.AmountMinor));

    [Fact]
    public void Pro_rata_one_cent_among_three_equal_members_goes_to_the_smallest_id() =>
        Amounts(Distributions.ProRata(Eur(1), SharesOf(10, 10, 10))).Should().Equal((Ada, 1L), (Bob, 0L), (Cem, 0L));

    [Fact]
    public void Pro_rata_a_hundred_euros_among_three_equal_members() =>
        Amounts(Distributions.ProRata(Eur(10000), SharesOf(10, 10, 10))).Should().Equal((Ada, 3334L), (Bob, 3333L), (Cem, 3333L));

    [Fact]
    public void Pro_rata_slicing_pie_with_explanations()
    {
        // 50000 cents × 0.8275862068965517241379310345 = 41379.31…, × 0.1724137931034482758620689655 = 8620.68…:
        // floors 41379 + 8620 = 49999; Bob's remainder .68… beats Ada's .31…, so Bob takes the last cent.
        var lines = Distributions.ProRata(Eur(50000), Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 9600m, [Bob] = 2000m }));
        lines.Should().Equal(
            new DistributionLine(Ada, 41379, "pro-rata: 82.76% share (9600 points) of 500.00 EUR"),
            new DistributionLine(Bob, 8621, "pro-rata: 17.24% share (2000 points) of 500.00 EUR"));
    }

    [Fact]
    public void A_member_with_zero_points_gets_no_line() =>
        Amounts(Distributions.ProRata(Eur(1001), SharesOf(1, 0, 1))).Should().Equal((Ada, 501L), (Cem, 500L));

    [Fact]
    public void Nobody_with_a_share_is_a_conflict()
    {
        var noShares = () => Distributions.ProRata(Eur(100), Shares.Of(new Dictionary<Guid, decimal>()));
        noShares.Should().Throw<RuleViolation>().Which.Code.Should().Be("no-eligible-member");
        var balanced = () => Distributions.Balanced(Eur(100), [], new Dictionary<Guid, long> { [Ada] = 5 });
        balanced.Should().Throw<RuleViolation>().Which.Kind.Should().Be(RefusalKind.Conflict);
        var recent = () => Distributions.Recent(Eur(100), [], AsOf, 90);
        recent.Should().Throw<RuleViolation>().Which.Code.Should().Be("no-eligible-member");
    }

    [Fact]
    public void A_zero_amount_gives_zero_lines() =>
        Amounts(Distributions.ProRata(Eur(0), SharesOf(1, 2, 3))).Should().Equal((Ada, 0L), (Bob, 0L), (Cem, 0L));

    [Fact]
    public void Balanced_skips_a_member_paid_ahead_of_their_share()
    {
        // Equal shares; Ada was paid 600.00 before, Bob and Cem nothing. Amount 300.00.
        // Ever distributed = 600.00 + 300.00 = 900.00, so each target is 300.00.
        // Shortfalls: Ada max(0, 300 − 600) = 0, Bob 300, Cem 300 (each a hair under, by the 28th place).
        // 30000 cents in proportion 0 : 1 : 1 → Ada 0, Bob 150.00, Cem 150.00.
        var lines = Distributions.Balanced(Eur(30000), SharesOf(5, 5, 5), new Dictionary<Guid, long> { [Ada] = 60000 });
        Amounts(lines).Should().Equal((Ada, 0L), (Bob, 15000L), (Cem, 15000L));
        lines[0].Explanation.Should().Be("balanced: target 33.33% of 900.00 EUR ever distributed = 300.00 EUR; paid before 600.00 EUR; shortfall 0.00 EUR");
    }

    [Fact]
    public void Balanced_pays_the_most_underpaid_most()
    {
        // Shares 0.5 / 0.25 / 0.25. Paid before: Ada 500.00, Bob 100.00, Cem 0. Amount 200.00.
        // Ever distributed 800.00; targets 400.00 / 200.00 / 200.00; shortfalls 0 / 100.00 / 200.00.
        // 20000 cents × 100/300 = 6666.67 and × 200/300 = 13333.33: floors 6666 + 13333 = 19999,
        // Bob's remainder 2/3 beats Cem's 1/3 → Ada 0, Bob 66.67, Cem 133.33.
        var lines = Distributions.Balanced(Eur(20000), SharesOf(200, 100, 100), new Dictionary<Guid, long> { [Ada] = 50000, [Bob] = 10000 });
        Amounts(lines).Should().Equal((Ada, 0L), (Bob, 6667L), (Cem, 13333L));
    }

    [Fact]
    public void Balanced_with_nothing_paid_before_is_pro_rata()
    {
        var balanced = Distributions.Balanced(Eur(10000), SharesOf(3, 3, 3), new Dictionary<Guid, long>());
        Amounts(balanced).Should().Equal((Ada, 3334L), (Bob, 3333L), (Cem, 3333L));
    }

    [Fact]
    public void Balanced_counts_payments_to_members_who_no_longer_hold_a_share()
    {
        // Dee (no share now) was paid 100.00. Ever distributed = 100.00 + 100.00; Ada and Bob target 100.00 each,
        // Cem (share 0) gets no line. Shortfalls 100.00 / 100.00 → 50.00 each.
        var dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");
        var lines = Distributions.Balanced(Eur(10000), SharesOf(1, 1, 0), new Dictionary<Guid, long> { [dee] = 10000 });
        Amounts(lines).Should().Equal((Ada, 5000L), (Bob, 5000L));
    }

    [Fact]
    public void Balanced_with_a_zero_amount_falls_back_to_pro_rata_zeros() =>
        Amounts(Distributions.Balanced(Eur(0), SharesOf(1, 1, 1), new Dictionary<Guid, long> { [Ada] = 100, [Bob] = 100, [Cem] = 100 }))
            .Should().Equal((Ada, 0L), (Bob, 0L), (Cem, 0L));

    [Fact]
    public void Recent_divides_by_the_recent_shares_and_says_so()
    {
        var lines = Distributions.Recent(Eur(1000), Shares.Of(new Dictionary<Guid, decimal> { [Bob] = 30m, [Cem] = 10m }), AsOf, 90);
        lines.Should().Equal(
            new DistributionLine(Bob, 750, "recent: 75% share (30 points accepted in the 90 days to 2026-11-26T00:00:00Z) of 10.00 EUR"),
            new DistributionLine(Cem, 250, "recent: 25% share (10 points accepted in the 90 days to 2026-11-26T00:00:00Z) of 10.00 EUR"));
    }

    [Fact]
    public void The_recent_window_excludes_its_start_and_includes_as_of()
    {
        Distributions.InRecentWindow(AsOf, AsOf, 90).Should().BeTrue();
        Distributions.InRecentWindow(AsOf - Duration.FromDays(90), AsOf, 90).Should().BeFalse();
        Distributions.InRecentWindow(AsOf - Duration.FromDays(90) + Duration.FromNanoseconds(1), AsOf, 90).Should().BeTrue();
        Distributions.InRecentWindow(AsOf + Duration.FromNanoseconds(1), AsOf, 90).Should().BeFalse();
    }

    [Fact]
    public void Class_weighted_shares_flow_through_to_the_lines()
    {
        var shares = Shares.Of(
            new Dictionary<Guid, decimal> { [Ada] = 9000m, [Bob] = 10m },
            new Dictionary<Guid, StakeholderClass> { [Ada] = StakeholderClass.Labour, [Bob] = StakeholderClass.User },
            new Dictionary<StakeholderClass, decimal> { [StakeholderClass.Labour] = 0.35m, [StakeholderClass.User] = 0.35m, [StakeholderClass.Investor] = 0.3m });
        Amounts(Distributions.ProRata(Eur(10001), shares)).Should().Equal((Ada, 5001L), (Bob, 5000L));
    }

    [Theory]
    [InlineData("pro-rata", DistributionPolicy.ProRata)]
    [InlineData("balanced", DistributionPolicy.Balanced)]
    [InlineData("recent", DistributionPolicy.Recent)]
    public void Policies_have_wire_names(string name, DistributionPolicy policy)
    {
        DistributionPolicies.Parse(name, "policy").Should().Be(policy);
        DistributionPolicies.Name(policy).Should().Be(name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ProRata")]
    [InlineData("fair")]
    public void Unknown_policies_are_refused(string? name)
    {
        var act = () => DistributionPolicies.Parse(name, "policy");
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("policy");
    }
}
