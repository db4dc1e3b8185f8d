using NodaTime;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Valuation;

public class ValueEquationBuilderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid Frame = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static ValueEquation Build(ValueEquationRequest request) => ValueEquationBuilder.Build(request, 2, Now);

    private static Dictionary<string, KindRuleRequest?> Rules(string kind, KindRuleRequest? rule) => new() { [kind] = rule };

    [Fact]
    public void The_slicing_pie_preset_values_work_x2_cash_and_expenses_x4_and_other_kinds_x2_in_the_catalogue_units()
    {
        var equation = Build(new ValueEquationRequest("slicing-pie"));
        equation.Version.Should().Be(2);
        equation.EffectiveFrom.Should().Be(Now);
        equation.Rules["work"].Should().Be(new KindRule(ValueUnit.Hour, 50m, 2m));
        equation.Rules["care"].Should().Be(new KindRule(ValueUnit.Hour, 50m, 2m));
        equation.Rules["cash"].Should().Be(new KindRule(ValueUnit.Money, 1m, 4m));
        equation.Rules["expense"].Should().Be(new KindRule(ValueUnit.Money, 1m, 4m));
        foreach (var kind in new[] { "material", "sales" })
            equation.Rules[kind].Should().Be(new KindRule(ValueUnit.Money, 1m, 2m), kind);
        equation.Rules["equipment"].Should().Be(new KindRule(ValueUnit.Hour, 1m, 2m));
        equation.Rules["design"].Should().Be(new KindRule(ValueUnit.Point, 1m, 2m));
        equation.Rules.Should().HaveCount(8);
    }

    [Fact]
    public void The_other_presets()
    {
        Build(new ValueEquationRequest("hours-only")).Rules.Should().BeEquivalentTo(new Dictionary<string, KindRule>
        {
            ["work"] = new(ValueUnit.Hour, 1m, 1m), ["care"] = new(ValueUnit.Hour, 1m, 1m),
        });
        Build(new ValueEquationRequest("equal-money")).Rules.Should().BeEquivalentTo(new Dictionary<string, KindRule>
        {
            ["cash"] = new(ValueUnit.Money, 1m, 1m), ["expense"] = new(ValueUnit.Money, 1m, 1m), ["material"] = new(ValueUnit.Money, 1m, 1m),
        });
    }

    [Fact]
    public void Requested_rules_override_the_preset_field_by_field()
    {
        var equation = Build(new ValueEquationRequest("slicing-pie", new Dictionary<string, KindRuleRequest?>
        {
            ["work"] = new(null, "40", null),
            ["grant-writing"] = new("point", "1", "1.5"),
        }));
        equation.Rules["work"].Should().Be(new KindRule(ValueUnit.Hour, 40m, 2m));
        equation.Rules["grant-writing"].Should().Be(new KindRule(ValueUnit.Point, 1m, 1.5m));
        equation.Rules["cash"].Should().Be(new KindRule(ValueUnit.Money, 1m, 4m));
    }

    [Fact]
    public void Options_are_carried_over()
    {
        var equation = Build(new ValueEquationRequest(
            Rules: Rules("work", new("hour", "1", "1")),
            HalfLifeDays: 90,
            ClassWeights: new Dictionary<string, string?> { ["labour"] = "0.35", ["user"] = "0.35", ["investor"] = "0.30" },
            ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?> { [Frame] = Rules("work", new(null, null, "3")) }));
        equation.HalfLifeDays.Should().Be(90);
        equation.ClassWeights.Should().BeEquivalentTo(new Dictionary<StakeholderClass, decimal>
        {
            [StakeholderClass.Labour] = 0.35m, [StakeholderClass.User] = 0.35m, [StakeholderClass.Investor] = 0.30m,
        });
        equation.ProjectOverrides[Frame]["work"].Should().Be(new KindRule(ValueUnit.Hour, 1m, 3m));
        equation.RuleFor("work", Frame).Should().Be((new KindRule(ValueUnit.Hour, 1m, 3m), true));
        equation.RuleFor("work", null).Should().Be((new KindRule(ValueUnit.Hour, 1m, 1m), false));
        equation.RuleFor("cash", Frame).Should().BeNull();
    }

    public static TheoryData<ValueEquationRequest, string> BadRequests => new()
    {
        { new(), "rules" },
        { new(Rules: new Dictionary<string, KindRuleRequest?>()), "rules" },
        { new("slicing-cake"), "preset" },
        { new(Rules: Rules("work", null)), "rules.work" },
        { new(Rules: Rules("Work Stuff", new("hour", "1", "1"))), "rules" },
        { new(Rules: Rules("work", new("hour", "0", "1"))), "rules.work.rate" },
        { new(Rules: Rules("work", new("hour", "-5", "1"))), "rules.work.rate" },
        { new(Rules: Rules("work", new("hour", "fifty", "1"))), "rules.work.rate" },
        { new(Rules: Rules("work", new("hour", null, "1"))), "rules.work.rate" },
        { new(Rules: Rules("work", new("hour", "1", "0"))), "rules.work.multiplier" },
        { new(Rules: Rules("work", new("hour", "1", "2e1"))), "rules.work.multiplier" },
        { new(Rules: Rules("work", new("day", "1", "1"))), "rules.work.unit" },
        { new(Rules: Rules("work", new(null, "1", "1"))), "rules.work.unit" },
        { new("slicing-pie", Rules("cash", new("EUR", null, null))), "rules.cash.unit" },
        { new("hours-only", HalfLifeDays: 0), "halfLifeDays" },
        { new("hours-only", HalfLifeDays: -30), "halfLifeDays" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?> { ["labour"] = "0.5", ["user"] = "0.49" }), "classWeights" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?>()), "classWeights" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?> { ["labour"] = "1.5", ["user"] = "-0.5" }), "classWeights.user" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?> { ["owners"] = "1" }), "classWeights.owners" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?> { ["labour"] = null }), "classWeights.labour" },
        { new("hours-only", ClassWeights: new Dictionary<string, string?> { ["labour"] = "0.5", ["Labour"] = "0.5" }), "classWeights.Labour" },
        { new("hours-only", ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?> { [Frame] = Rules("work", new(null, "0", null)) }), $"projectOverrides.{Frame}.work.rate" },
        { new("hours-only", ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?> { [Frame] = Rules("design", new(null, "1", "1")) }), $"projectOverrides.{Frame}.design.unit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_requests_are_refused_naming_the_exact_field(ValueEquationRequest request, string field)
    {
        var act = () => Build(request);
        var violation = act.Should().Throw<RuleViolation>().Which;
        violation.Kind.Should().Be(RefusalKind.Invalid);
        violation.Field.Should().Be(field);
    }

    [Fact]
    public void Class_weights_must_sum_to_exactly_one_not_nearly()
    {
        var third = "0.3333333333333333333333333333";
        var act = () => Build(new ValueEquationRequest("hours-only",
            ClassWeights: new Dictionary<string, string?> { ["labour"] = third, ["user"] = third, ["investor"] = third }));
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-classWeights");
    }
}
