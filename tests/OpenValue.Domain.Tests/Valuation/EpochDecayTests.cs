using NodaTime;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

public class EpochDecayTests
{
    private static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void A_weight_at_the_epoch_is_the_points_and_doubles_every_half_life()
    {
        var decay = new EpochDecay(Epoch, 30);
        decay.Weight(100m, Epoch).Should().Be(100m);
        decay.Weight(100m, Epoch + Duration.FromDays(60)).Should().Be(400m);
        decay.Decayed(400m, Epoch + Duration.FromDays(90)).Should().Be(50m);
    }

    [Fact]
    public void The_epoch_form_agrees_with_decaying_each_contribution()
    {
        // Contributions at awkward instants (fractions of a day, some before the epoch), queried much later.
        var decay = new EpochDecay(Epoch, 45);
        var asOf = Epoch + Duration.FromDays(400) + Duration.FromMilliseconds(123_456_789);
        var contributions = Enumerable.Range(0, 200).Select(i => (
            Points: 17.25m * (i % 13 + 1) + i / 7m,
            At: Epoch + Duration.FromMinutes(2_713L * i - 50_000))).ToList();

        var direct = contributions.Sum(c => Decay.Decayed(c.Points, c.At, asOf, 45));
        var weightSum = contributions.Sum(c => decay.Weight(c.Points, c.At));
        var viaEpoch = decay.Decayed(weightSum, asOf);

        // The documented bound: within (n + 1) × 10^-18 for n contributions.
        Math.Abs(direct - viaEpoch).Should().BeLessThanOrEqualTo((contributions.Count + 1) * 0.000000000000000001m);
    }

    [Fact]
    public void Rebasing_keeps_the_decayed_value()
    {
        var decay = new EpochDecay(Epoch, 30);
        var weight = decay.Weight(1000m, Epoch + Duration.FromDays(1000));   // 1000 × 2^(33.33…): a big number
        var asOf = Epoch + Duration.FromDays(1010);

        var (rebased, rebasedWeight) = decay.Rebase(weight, Epoch + Duration.FromDays(990));
        rebased.Epoch.Should().Be(Epoch + Duration.FromDays(990));
        Math.Abs(rebased.Decayed(rebasedWeight, asOf) - decay.Decayed(weight, asOf)).Should().BeLessThanOrEqualTo(0.000000000000000002m);
        // And both equal 1000 × 2^(-10/30) = 793.700525984099737375…
        Math.Abs(decay.Decayed(weight, asOf) - 793.700525984099737375m).Should().BeLessThanOrEqualTo(0.000000000000000002m);
    }

    [Fact]
    public void A_weight_far_beyond_the_epoch_overflows_instead_of_going_wrong()
    {
        var act = () => new EpochDecay(Epoch, 1).Weight(1m, Epoch + Duration.FromDays(200));
        act.Should().Throw<OverflowException>();
    }
}
