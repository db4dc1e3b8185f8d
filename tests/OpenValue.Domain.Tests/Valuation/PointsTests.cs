using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

public class PointsTests
{
    private static readonly Currency Eur = Currency.Parse("EUR", "currency");
    private static readonly Guid Frame = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static readonly ValueEquation SlicingPie = ValueEquationBuilder.Build(new ValueEquationRequest("slicing-pie",
        Rules: new Dictionary<string, KindRuleRequest?> { ["work"] = new(null, "40", null) },
        ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?>
        {
            [Frame] = new Dictionary<string, KindRuleRequest?> { ["work"] = new(null, "60", null) },
        }), 3, Instant.FromUtc(2026, 11, 1, 0, 0));

    [Fact]
    public void Points_are_quantity_times_rate_times_multiplier_with_their_inputs()
    {
        // 120 unpaid hours at a fair rate of 40/hour x2 = 9600 points.
        Points.Value(SlicingPie, "work", 120m, "hour", Eur).Should().Be(
            new PointsValuation("work", 120m, ValueUnit.Hour, 40m, 2m, 3, false, 9600m));
        // 500.00 EUR cash x4 = 2000 points.
        Points.Value(SlicingPie, "cash", 500.00m, "EUR", Eur).Points.Should().Be(2000m);
    }

    [Fact]
    public void Fractions_stay_exact()
    {
        Points.Value(SlicingPie, "work", 12.25m, "hour", Eur).Points.Should().Be(980m);
        Points.Value(SlicingPie, "material", 0.01m, "EUR", Eur).Points.Should().Be(0.02m);
        Points.Value(SlicingPie, "work", 0m, "hour", Eur).Points.Should().Be(0m);
    }

    [Fact]
    public void A_project_override_is_used_and_recorded()
    {
        var valuation = Points.Value(SlicingPie, "work", 10m, "hour", Eur, Frame);
        valuation.Points.Should().Be(1200m);
        valuation.FromProjectOverride.Should().BeTrue();
        Points.Value(SlicingPie, "cash", 10m, "EUR", Eur, Frame).FromProjectOverride.Should().BeFalse();
    }

    [Fact]
    public void Refusals()
    {
        var unknownKind = () => Points.Value(SlicingPie, "vibes", 1m, "hour", Eur);
        unknownKind.Should().Throw<RuleViolation>().Which.Code.Should().Be("kind-not-valued");
        var wrongUnit = () => Points.Value(SlicingPie, "cash", 1m, "USD", Eur);
        wrongUnit.Should().Throw<RuleViolation>().Which.Field.Should().Be("unit");
        var hoursForMoney = () => Points.Value(SlicingPie, "work", 1m, "EUR", Eur);
        hoursForMoney.Should().Throw<RuleViolation>().Which.Field.Should().Be("unit");
        var negative = () => Points.Value(SlicingPie, "work", -1m, "hour", Eur);
        negative.Should().Throw<RuleViolation>().Which.Field.Should().Be("quantity");
    }

    [Fact]
    public void A_product_that_decimal_would_round_is_refused_not_stored_approximately()
    {
        // Adoption bounds rates to 4 decimals, which keeps every product exact; an equation built another way
        // (stored before the bounds existed) still never gets a rounded product.
        var equation = new ValueEquation(1, new Dictionary<string, KindRule>
        {
            ["work"] = new(ValueUnit.Hour, 1.234567890123456789m, 3.1415926535897932384626m),
        }, null, new Dictionary<Guid, IReadOnlyDictionary<string, KindRule>>(), null, null);
        var act = () => Points.Value(equation, "work", 7.77777777777m, "hour", Eur);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("quantity");
    }
}
