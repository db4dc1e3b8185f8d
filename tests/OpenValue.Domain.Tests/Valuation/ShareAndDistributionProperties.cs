using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

using Money = OpenValue.Domain.Money.Money;

public class ShareAndDistributionProperties
{
    private static readonly Currency Eur = Currency.Parse("EUR", "currency");

    [Fact]
    public void Seeded_shares_sum_to_exactly_one_and_every_policy_sums_to_the_amount()
    {
        var random = new SeededRandom(42);
        for (var run = 0; run < 300; run++)
        {
            var points = random.Weights(random.Below(10) == 0 ? 200 : 8);
            var classes = points.Keys.ToDictionary(m => m, _ => (StakeholderClass)random.Below(4));
            var classWeights = new Dictionary<StakeholderClass, decimal>
            {
                [StakeholderClass.Labour] = 0.35m, [StakeholderClass.User] = 0.35m, [StakeholderClass.Investor] = 0.30m,
            };
            var amount = new Money(random.Below(3) == 0 ? random.Below(5) : random.Below(100_000_000_000), Eur);
            var paid = points.Keys.Where(_ => random.Below(2) == 0).ToDictionary(m => m, _ => random.Below(10_000_000));

            foreach (var shares in new[] { Shares.Of(points), Shares.Of(points, classes, classWeights) })
            {
                if (shares.Count == 0) continue;
                shares.Sum(s => s.Share).Should().Be(1m, "run {0}", run);
                shares.Should().OnlyContain(s => s.Share >= 0 && s.Share <= 1);
                var proRata = Distributions.ProRata(amount, shares);
                Check(proRata, amount, run);
                var shareOf = shares.ToDictionary(s => s.MemberId, s => s.Share);
                proRata.Where(l => Math.Abs(l.AmountMinor - amount.AmountMinor * shareOf[l.MemberId]) >= 1m)
                    .Should().BeEmpty("a pro-rata line is within one cent of amount × share (run {0})", run);
                Check(Distributions.Balanced(amount, shares, paid), amount, run);
            }
        }
    }

    private static void Check(IReadOnlyList<DistributionLine> lines, Money amount, int run)
    {
        lines.Sum(l => l.AmountMinor).Should().Be(amount.AmountMinor, "run {0}", run);
        lines.Should().OnlyContain(l => l.AmountMinor >= 0, "run {0}", run);
    }
}
