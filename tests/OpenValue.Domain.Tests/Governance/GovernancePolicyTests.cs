using NodaTime;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Governance;

public class GovernancePolicyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");

    private static Spec<Network> Founded() => new Spec<Network>(Network.Evolve)
        .Given(Founding.Decide(new FoundNetwork("Makers", "EUR", "Ada"), NetworkId, Ada, Now));

    private static SetGovernancePolicy Set(
        Dictionary<string, string?>? types = null, Dictionary<string, int?>? days = null, bool? direct = null) =>
        new(types, days, direct, Ada);

    [Fact]
    public void Governance_is_off_by_default_with_the_documented_types_and_minimums()
    {
        var policy = Founded().State.Governance;
        policy.On.Should().BeFalse();
        policy.StewardsAdoptDirectly.Should().BeTrue();
        policy.Required(ProposalKind.ValueEquation).Should().Be(DecisionType.Significant);
        foreach (var kind in new[] { ProposalKind.ReviewPolicy, ProposalKind.TreasuryPolicy,
            ProposalKind.GovernancePolicy,
                     ProposalKind.Decision })
            policy.Required(kind).Should().Be(DecisionType.Standard);
        policy.Minimum(DecisionType.Standard).Should().Be(Duration.FromDays(3));
        policy.Minimum(DecisionType.Significant).Should().Be(Duration.FromDays(5));
        policy.Minimum(DecisionType.Quorum).Should().Be(Duration.FromDays(10));
        policy.Minimum(DecisionType.Emergency).Should().Be(Duration.Zero);
        var direct = () => GovernanceRules.RequireDirect(Founded().State, ProposalKind.ValueEquation);
        direct.Should().NotThrow();
    }

    [Fact]
    public void Turning_governance_on_stops_stewards_adopting_directly()
    {
        var spec = Founded();
        var events = GovernanceRules.Decide(Set(), spec.State, Now);
        events.Should().ContainSingle().Which.Should().BeOfType<GovernancePolicySet>().Which.StewardsAdoptDirectly
            .Should().BeFalse();
        spec.Given(events);
        spec.State.Governance.On.Should().BeTrue();
        var direct = () => GovernanceRules.RequireDirect(spec.State, ProposalKind.ReviewPolicy);
        direct.Should().Throw<RuleViolation>().Which.Should().Match<RuleViolation>(v =>
            v.Kind == RefusalKind.Forbidden && v.Code == "proposal-required");
        // The same policy again changes nothing.
        spec.Then(n => GovernanceRules.Decide(Set(), n, Now));
    }

    [Fact]
    public void A_steward_names_types_and_minimums_and_may_keep_adopting_directly()
    {
        var spec = Founded();
        var events = GovernanceRules.Decide(Set(new() { ["value-equation"] = "quorum" }, new() { ["quorum"] = 7 },
            true),
            spec.State, Now);
        spec.Given(events);
        spec.State.Governance.Required(ProposalKind.ValueEquation).Should().Be(DecisionType.Quorum);
        spec.State.Governance.Minimum(DecisionType.Quorum).Should().Be(Duration.FromDays(7));
        spec.State.Governance.Minimum(DecisionType.Standard).Should().Be(Duration.FromDays(3));
        var direct = () => GovernanceRules.RequireDirect(spec.State, ProposalKind.ValueEquation);
        direct.Should().NotThrow();
        // Left out, stewardsAdoptDirectly keeps the value in force.
        spec.Then(n => GovernanceRules.Decide(Set(), n, Now));
    }

    [Fact]
    public void Unknown_kinds_and_types_and_minimums_out_of_range_are_refused()
    {
        var spec = Founded();
        spec.ThenRefused(n => GovernanceRules.Decide(Set(new() { ["rates"] = "standard" }), n, Now),
            RefusalKind.Invalid,
            "invalid-decisionTypes-rates");
        spec.ThenRefused(n => GovernanceRules.Decide(Set(new() { ["decision"] = "unanimous" }), n, Now),
            RefusalKind.Invalid, "invalid-decisionTypes-decision");
        spec.ThenRefused(n => GovernanceRules.Decide(Set(days: new() { ["standard"] = 91 }), n, Now),
            RefusalKind.Invalid,
            "invalid-minimumDays-standard");
        spec.ThenRefused(n => GovernanceRules.Decide(Set(days: new() { ["standard"] = -1 }), n, Now),
            RefusalKind.Invalid,
            "invalid-minimumDays-standard");
    }
}
