using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

public class SharesTests
{
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Cem = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    private static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");

    [Fact]
    public void Slicing_pie_hours_against_cash()
    {
        // Ada: 120 unpaid hours × 40 × 2 = 9600; Bob: 500.00 cash × 4 = 2000; total 11600.
        // 9600/11600 = 0.82758620689655172413793103448…: floor at 28 places …0344 remainder 9600/11600;
        // 2000/11600 = 0.17241379310344827586206896551…: floor …9655 remainder 2000/11600.
        // The floors sum to 1 − 10^-28; Ada's larger remainder takes the last unit.
        Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 9600m, [Bob] = 2000m }).Should().Equal(
            new ShareLine(Ada, 9600m, 0.8275862068965517241379310345m, 82.76m),
            new ShareLine(Bob, 2000m, 0.1724137931034482758620689655m, 17.24m));
    }

    [Fact]
    public void The_design_example_sums_to_exactly_one()
    {
        var lines = Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 100000m, [Bob] = 4000m });
        lines[0].Share.Should().Be(0.9615384615384615384615384615m);
        lines[0].Percent.Should().Be(96.15m);
        lines[1].Share.Should().Be(0.0384615384615384615384615385m);   // remainder 64000 beat 40000
        lines.Sum(l => l.Share).Should().Be(1m);
    }

    [Fact]
    public void Three_equal_members_share_thirds_and_the_last_unit_goes_to_the_smallest_id()
    {
        var lines = Shares.Of(new Dictionary<Guid, decimal> { [Cem] = 5m, [Ada] = 5m, [Bob] = 5m });
        lines.Select(l => l.MemberId).Should().Equal(Ada, Bob, Cem);
        lines.Select(l => l.Share).Should().Equal(
            0.3333333333333333333333333334m, 0.3333333333333333333333333333m, 0.3333333333333333333333333333m);
        lines.Select(l => l.Percent).Should().Equal(33.33m, 33.33m, 33.33m);
        lines.Sum(l => l.Share).Should().Be(1m);
    }

    [Fact]
    public void A_single_member_holds_everything_and_a_member_without_points_holds_nothing()
    {
        Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 0.5m }).Should().Equal(new ShareLine(Ada, 0.5m, 1m, 100m));
        Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 7m, [Bob] = 0m })[1].Should().Be(new ShareLine(Bob, 0m, 0m, 0m));
    }

    [Fact]
    public void No_points_gives_no_shares()
    {
        Shares.Of(new Dictionary<Guid, decimal>()).Should().BeEmpty();
        Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 0m, [Bob] = 0m }).Should().BeEmpty();
    }

    [Fact]
    public void Negative_points_are_a_caller_bug()
    {
        var act = () => Shares.Of(new Dictionary<Guid, decimal> { [Ada] = -1m });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static readonly Dictionary<StakeholderClass, decimal> FairShares = new()
    {
        [StakeholderClass.Labour] = 0.35m, [StakeholderClass.User] = 0.35m, [StakeholderClass.Investor] = 0.30m,
    };

    [Fact]
    public void A_class_without_points_drops_out_and_the_others_are_renormalised()
    {
        // No investor points: labour and user each get 0.35 / 0.70 = 0.5, whatever their points.
        var lines = Shares.Of(
            new Dictionary<Guid, decimal> { [Ada] = 9000m, [Bob] = 10m, [Cem] = 0m },
            new Dictionary<Guid, StakeholderClass> { [Ada] = StakeholderClass.Labour, [Bob] = StakeholderClass.User, [Cem] = StakeholderClass.Investor },
            FairShares);
        lines.Select(l => l.Share).Should().Equal(0.5m, 0.5m, 0m);
        lines.Select(l => l.Percent).Should().Equal(50m, 50m, 0m);
    }

    [Fact]
    public void Within_a_class_points_decide()
    {
        // Labour 0.35 split 3:1 between Ada and Bob = 0.2625 and 0.0875; user Cem 0.35; investor Dee 0.30.
        var lines = Shares.Of(
            new Dictionary<Guid, decimal> { [Ada] = 300m, [Bob] = 100m, [Cem] = 1m, [Dee] = 123456.789m },
            new Dictionary<Guid, StakeholderClass>
            {
                [Ada] = StakeholderClass.Labour, [Bob] = StakeholderClass.Labour, [Cem] = StakeholderClass.User, [Dee] = StakeholderClass.Investor,
            },
            FairShares);
        lines.Select(l => l.Share).Should().Equal(0.2625m, 0.0875m, 0.35m, 0.30m);
        lines.Sum(l => l.Share).Should().Be(1m);
    }

    [Fact]
    public void Members_whose_class_has_no_weight_get_nothing()
    {
        var lines = Shares.Of(
            new Dictionary<Guid, decimal> { [Ada] = 1m, [Bob] = 1000m },
            new Dictionary<Guid, StakeholderClass> { [Ada] = StakeholderClass.Labour, [Bob] = StakeholderClass.Founder },
            FairShares);
        lines.Select(l => l.Share).Should().Equal(1m, 0m);

        var onlyUnweighted = Shares.Of(
            new Dictionary<Guid, decimal> { [Bob] = 1000m },
            new Dictionary<Guid, StakeholderClass> { [Bob] = StakeholderClass.Founder },
            FairShares);
        onlyUnweighted.Should().BeEmpty();
    }

    [Fact]
    public void A_member_without_a_class_is_a_caller_bug()
    {
        var act = () => Shares.Of(new Dictionary<Guid, decimal> { [Ada] = 1m }, new Dictionary<Guid, StakeholderClass>(), FairShares);
        act.Should().Throw<ArgumentException>();
    }
}
