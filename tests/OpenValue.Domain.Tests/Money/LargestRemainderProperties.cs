namespace OpenValue.Domain.Tests.Money;

using OpenValue.Domain.Money;

public class LargestRemainderProperties
{
    /// <summary>
    /// A tiny deterministic generator (SplitMix64), so the 1000 cases are the same on every machine and run;
    /// System.Random's sequence is not promised across .NET versions.
    /// </summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong state = seed;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }

        public long Below(long bound) => (long)(Next() % (ulong)bound);
    }

    [Fact]
    public void A_thousand_seeded_splits_sum_to_the_whole_and_stay_within_one_unit_of_the_quota()
    {
        var random = new SplitMix(20261126);
        for (var run = 0; run < 1000; run++)
        {
            var amount = random.Below(4) == 0 ? random.Below(10) : random.Below(1_000_000_000_000_000);
            var weights = RandomWeights(random);
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

    private static Dictionary<Guid, decimal> RandomWeights(SplitMix random)
    {
        var count = 1 + (int)random.Below(random.Below(10) == 0 ? 500 : 12);
        var weights = new Dictionary<Guid, decimal>();
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[16];
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), random.Next());
            BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), random.Next());
            // One weight in five is zero; the rest have up to four decimals.
            weights[new Guid(bytes)] = random.Below(5) == 0 ? 0m : random.Below(100_000_000) / 10_000m;
        }
        if (weights.Values.All(w => w == 0)) weights[weights.Keys.First()] = 1m;
        return weights;
    }
}
