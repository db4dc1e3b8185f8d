using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Valuation;

public class RevaluingAndSimulationTests
{
    private static readonly Guid Work1 = Guid.Parse("0197a000-0000-7000-8000-0000000001c1");
    private static readonly Guid Work2 = Guid.Parse("0197a000-0000-7000-8000-0000000001c2");
    private static readonly Guid Cash1 = Guid.Parse("0197a000-0000-7000-8000-0000000001c3");

    private static Network WithVersions(params ValueEquationRequest[] requests)
    {
        var network = Makers();
        foreach (var request in requests)
            network = ValueEquations.Decide(new AdoptValueEquation(request, Ada), network, Now).Aggregate(network, (n, e) => Network.Evolve(n, e)!);
        return network;
    }

    private static readonly AcceptedContribution[] History =
    [
        new(Work1, Bob, null, "work", 10m, "hour", Now - Duration.FromDays(20), 10m),
        new(Work2, Ada, null, "work", 2m, "hour", Now - Duration.FromDays(10), null),
        new(Cash1, Ada, null, "cash", 500m, "EUR", Now - Duration.FromDays(10), 500m),
    ];

    [Fact]
    public void Revaluing_corrects_only_what_changes_and_keeps_what_the_version_cannot_value()
    {
        var network = WithVersions(new ValueEquationRequest("hours-only"), new ValueEquationRequest("hours-only", new Dictionary<string, KindRuleRequest?> { ["work"] = new(null, "3", null) }));
        var result = Revaluing.Decide(new RevalueContributions(2, " New rates ", Ada), network, History, Now);

        result.Corrections.Select(c => (c.ContributionId, c.PreviousPoints, c.Points, c.EquationVersion, c.Reason))
            .Should().Equal((Work1, 10m, 30m, 2, "New rates"), (Work2, (decimal?)null, 6m, 2, "New rates"));
        result.Corrections[0].AcceptedAt.Should().Be(Now - Duration.FromDays(20));
        result.Unvalued.Should().Equal(Cash1);
        result.Revalued.Should().Be(new ContributionsRevalued(NetworkId, 2, "New rates", 2, Ada, Now));

        var again = History.Select(h => h.ContributionId == Work1 ? h with { Points = 30m } : h.ContributionId == Work2 ? h with { Points = 6m } : h);
        Revaluing.Decide(new RevalueContributions(2, "retry", Ada), network, again, Now).Should().BeEquivalentTo(
            new { Corrections = Array.Empty<ContributionValueCorrected>(), Revalued = (ContributionsRevalued?)null });
    }

    [Fact]
    public void Revaluing_needs_a_reason_and_an_adopted_version()
    {
        var network = WithVersions(new ValueEquationRequest("hours-only"));
        var noReason = () => Revaluing.Decide(new RevalueContributions(1, "", Ada), network, History, Now);
        noReason.Should().Throw<RuleViolation>().Which.Field.Should().Be("reason");
        var noVersion = () => Revaluing.Decide(new RevalueContributions(2, "x", Ada), network, History, Now);
        noVersion.Should().Throw<RuleViolation>().Which.Code.Should().Be("value-equation-not-found");
    }

    [Fact]
    public void A_simulation_values_the_whole_history_under_the_proposal_with_its_decay_and_class_weights()
    {
        var network = Makers();
        var proposal = ValueEquations.Candidate(new ValueEquationRequest("equal-money", new Dictionary<string, KindRuleRequest?> { ["work"] = new("hour", "50", "1") },
            HalfLifeDays: 10, ClassWeights: new Dictionary<string, string?> { ["labour"] = "0.6", ["founder"] = "0.4" }), network, 1, Now);
        var classes = new Dictionary<Guid, StakeholderClass> { [Bob] = StakeholderClass.Labour, [Ada] = StakeholderClass.Founder };

        var result = Simulation.Run(proposal, History, classes, OpenValue.Domain.Money.Currency.Parse("EUR", "currency"), Now);

        // Bob: 500 points two half-lives old → 125. Ada: (100 + 500) one half-life old → 300. Classes split 0.6 / 0.4.
        result.PointsByKind[Bob].Should().Equal(new Dictionary<string, decimal> { ["work"] = 125m });
        result.PointsByKind[Ada].Should().Equal(new Dictionary<string, decimal> { ["work"] = 50m, ["cash"] = 250m });
        result.Shares.Select(s => (s.MemberId, s.Points, s.Share)).Should().BeEquivalentTo(new[] { (Bob, 125m, 0.6m), (Ada, 300m, 0.4m) });
        result.Unvalued.Should().BeEmpty();
    }
}
