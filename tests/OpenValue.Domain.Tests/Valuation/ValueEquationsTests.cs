using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Valuation;

public class ValueEquationsTests
{
    private static Spec<Network> Network() => new Spec<Network>(OpenValue.Domain.Networks.Network.Evolve).Given(
        new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Now),
        new MemberAdmitted(NetworkId, Ada, "Ada", Enum.GetValues<Role>(), StakeholderClass.Founder, Ada, Now),
        new ProjectOpened(NetworkId, ProjectId, "Frame", Ada, Now));

    private static object[] Adopt(Network network, ValueEquationRequest request) =>
        ValueEquations.Decide(new AdoptValueEquation(request, Ada), network, Now);

    [Fact]
    public void Versions_count_up_and_the_network_keeps_each_as_adopted()
    {
        var spec = Network();
        var first = Adopt(spec.State, new ValueEquationRequest("hours-only"));
        first.Should().BeEquivalentTo(new object[]
        {
            new ValueEquationAdopted(NetworkId, 1, [new ValueRule("care", ValueUnit.Hour, 1m, 1m), new ValueRule("work", ValueUnit.Hour, 1m, 1m)],
                null, null, [], Ada, Now),
        }, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        spec.Given(first);
        var second = Adopt(spec.State, new ValueEquationRequest("equal-money", HalfLifeDays: 90,
            ClassWeights: new Dictionary<string, string?> { ["labour"] = "0.5", ["user"] = "0.5" }));
        spec.Given(second);

        spec.State.Equations.Select(e => e.Version).Should().Equal(1, 2);
        spec.State.Equation!.HalfLifeDays.Should().Be(90);
        spec.State.Equation.ClassWeights.Should().Equal(new Dictionary<StakeholderClass, decimal> { [StakeholderClass.Labour] = 0.5m, [StakeholderClass.User] = 0.5m });
        spec.State.EquationVersion(1)!.Rules.Keys.Should().BeEquivalentTo("work", "care");
        spec.State.EquationAt(Now - NodaTime.Duration.FromTicks(1)).Should().BeNull();
    }

    [Fact]
    public void Project_overrides_must_name_a_project_of_the_network_and_keep_the_kinds_unit()
    {
        var network = Network().State;
        var unknownProject = Guid.Parse("0197a000-0000-7000-8000-0000000000ff");
        Overrides(network, unknownProject, "work", new KindRuleRequest(null, "2", null)).Field.Should().Be($"projectOverrides.{unknownProject}");
        Overrides(network, ProjectId, "cash", new KindRuleRequest("money", "1", "1")).Field.Should().Be($"projectOverrides.{ProjectId}.cash");
        Overrides(network, ProjectId, "work", new KindRuleRequest("point", null, null)).Field.Should().Be($"projectOverrides.{ProjectId}.work.unit");

        var ok = Adopt(network, new ValueEquationRequest("hours-only", ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?>
        {
            [ProjectId] = new Dictionary<string, KindRuleRequest?> { ["work"] = new(null, "2", null) },
        }));
        ((ValueEquationAdopted)ok[0]).ProjectOverrides.Should().BeEquivalentTo([new ProjectValueRules(ProjectId, [new ValueRule("work", ValueUnit.Hour, 2m, 1m)])]);
    }

    private static RuleViolation Overrides(Network network, Guid project, string kind, KindRuleRequest rule)
    {
        var act = () => Adopt(network, new ValueEquationRequest("hours-only", ProjectOverrides: new Dictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?>
        {
            [project] = new Dictionary<string, KindRuleRequest?> { [kind] = rule },
        }));
        return act.Should().Throw<RuleViolation>().Which;
    }

    [Fact]
    public void Once_an_equation_is_adopted_the_claim_catalogue_is_its_kinds_in_its_units()
    {
        var spec = Network();
        KindCatalogue.Of(spec.State).Kinds.Should().Contain("equipment");
        spec.Given(Adopt(spec.State, new ValueEquationRequest("equal-money")));
        var catalogue = KindCatalogue.Of(spec.State);
        catalogue.Kinds.Should().Equal("cash", "expense", "material");
        catalogue.Find("cash").Should().Be(new OpenValue.Domain.Contributions.KindRule("cash", "EUR", 2, IsMoney: true));
    }
}
