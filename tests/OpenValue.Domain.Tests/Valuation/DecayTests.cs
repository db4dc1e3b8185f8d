using NodaTime;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

public class DecayTests
{
    private static readonly Instant Accepted = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void At_age_zero_the_factor_is_exactly_one() =>
        Decay.Factor(Duration.Zero, 90).Should().Be(1m);

    [Fact]
    public void After_one_and_two_half_lives_the_factor_is_exactly_a_half_and_a_quarter()
    {
        Decay.Factor(Duration.FromDays(90), 90).Should().Be(0.5m);
        Decay.Factor(Duration.FromDays(180), 90).Should().Be(0.25m);
        Decay.Factor(Duration.FromDays(90 * 10), 90).Should().Be(0.0009765625m);
    }

    // Expected values from Python's decimal module at 60 digits, rounded half-even to 18 places:
    // (Decimal(2).ln() * x).exp().quantize(Decimal('1e-18'), ROUND_HALF_EVEN).
    [Theory]
    [InlineData("-0.5", "0.707106781186547524")]   // 2^-0.5 = 0.7071067811865475244008…
    [InlineData("-1.5", "0.353553390593273762")]
    [InlineData("-10.25", "0.000821187905521206")]
    [InlineData("-0.001", "0.999307092990452522")]
    [InlineData("-7.123456789", "0.007171761420957158")]
    [InlineData("0.999", "1.998614185980905044")]
    [InlineData("0.3333333333333333333333333333", "1.259921049894873165")]
    public void Fractional_powers_match_an_independent_computation(string x, string expected) =>
        Pow2.Rounded(decimal.Parse(x)).Should().Be(decimal.Parse(expected));

    [Fact]
    public void Large_powers_keep_about_28_significant_digits()
    {
        // 2^95.5 = 56022770974786139918731938227.458…; decimal has no room for 18 places there.
        var relativeError = Math.Abs(Pow2.Rounded(95.5m) - 56022770974786139918731938227.458m) / 56022770974786139918731938227m;
        relativeError.Should().BeLessThan(0.000000000000000000000000001m);
    }

    [Fact]
    public void Integer_powers_are_exact_and_tiny_ones_round_to_zero()
    {
        Pow2.Rounded(0).Should().Be(1m);
        Pow2.Rounded(10).Should().Be(1024m);
        Pow2.Working(95).Should().Be(39614081257132168796771975168m);
        Pow2.Rounded(-60).Should().Be(0.000000000000000001m);   // 8.67e-19 rounds up to 10^-18
        Pow2.Rounded(-61).Should().Be(0m);
        Pow2.Rounded(-500).Should().Be(0m);
    }

    [Fact]
    public void Two_to_the_96_overflows_rather_than_going_wrong()
    {
        var act = () => Pow2.Working(96);
        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Age_is_exact_to_the_nanosecond_not_whole_days()
    {
        // 10 days at a 30-day half-life: 2^(-1/3) = 0.793700525984099737…
        Decay.Factor(Duration.FromDays(10), 30).Should().Be(0.793700525984099737m);
        Decay.Factor(Duration.FromDays(10) - Duration.FromNanoseconds(1), 30).Should().BeGreaterThan(0.793700525984099737m);
    }

    [Fact]
    public void Decayed_points_round_once_to_18_places()
    {
        // 1000 × 2^(-1.5) = 353.553390593273762200422…
        Decay.Decayed(1000m, Accepted, Accepted + Duration.FromDays(45), 30).Should().Be(353.553390593273762200m);
        Decay.Decayed(1000m, Accepted, Accepted, 30).Should().Be(1000m);
    }

    [Fact]
    public void Points_accepted_after_the_query_instant_are_refused()
    {
        var act = () => Decay.Decayed(1m, Accepted, Accepted - Duration.FromSeconds(1), 30);
        act.Should().Throw<ArgumentOutOfRangeException>();
        var factor = () => Decay.Factor(Duration.FromSeconds(-1), 30);
        factor.Should().Throw<ArgumentOutOfRangeException>();
    }
}
