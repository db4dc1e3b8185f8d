namespace OpenValue.Domain.Tests.Money;

using OpenValue.Domain.Money;

public class LargestRemainderProperties
{
    [Fact]
    public void A_thousand_seeded_splits_sum_to_the_whole_and_stay_within_one_unit_of_the_quota()
    {
        var random = new SeededRandom(20261126);
        for (var run = 0; run < 1000; run++)
        {
            var amount = random.Below(4) == 0 ? random.Below(10) : random.Below(1_000_000_000_000_000);
            var weights = random.Weights(random.Below(10) == 0 ? 500 : 12);
            if (weights.Values.All(w => w == 0)) weights[weights.Keys.First()] = 1m;
            var parts = LargestRemainder.Split(amount, weights);

            parts.Values.Aggregate(0L, (s, p) => checked(s + p)).Should().Be(amount, "run {0}", run);
            parts.Keys.ToHashSet().SetEquals(weights.Keys).Should().BeTrue("run {0}", run);
            var total = weights.Values.Sum();
            // The exact quota is amount × w / Σw; a part is its floor or the floor plus one, never negative,
            // and a zero weight gets zero. (Plain checks: thousands of fluent assertions would dominate the run.)
            var bad = parts.Where(p => p.Value < 0 || Math.Abs(p.Value - amount * weights[p.Key] / total) > 1m
                                       || (weights[p.Key] == 0 && p.Value != 0));
            bad.Should().BeEmpty("run {0}", run);
        }
    }
}
