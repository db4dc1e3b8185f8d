using NodaTime;
using OpenValue.Api.Governance;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Tests.Governance;

/// <summary>GET and POST /governance-policy, and the direct routes it closes to stewards.</summary>
[Collection(AppCollection.Name)]
public class the_governance_policy(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Url(FoundedNetwork n) => $"/networks/{n.NetworkId}/governance-policy";

    [Fact]
    public async Task it_is_off_by_default_and_any_member_reads_it()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var policy = (await api.Get<GovernancePolicyResponse>(Url(n), bob.Token)).Expect(200);
        policy.GovernanceOn.Should().BeFalse();
        policy.StewardsAdoptDirectly.Should().BeTrue();
        policy.DecisionTypes["value-equation"].Should().Be(DecisionType.Significant);
        policy.DecisionTypes["treasury-policy"].Should().Be(DecisionType.Standard);
        policy.MinimumDays.Should().Equal(new Dictionary<string, int>
        {
            ["standard"] = 3, ["significant"] = 5, ["quorum"] = 10, ["emergency"] = 0,
        });
    }

    [Fact]
    public async Task turning_it_on_stops_stewards_adopting_directly_until_a_proposal_lets_them_again()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        (await api.Post(Url(n), new { }, bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(Url(n), new { minimumDays = new { standard = 91 } }, n.Token))
            .ShouldBeProblem(400, "minimumDays.standard");
        var on = (await api.Post<GovernancePolicyResponse>(Url(n),
            new { decisionTypes = new { decision = "emergency" } }, n.Token)).Expect(200);
        on.GovernanceOn.Should().BeTrue();
        on.StewardsAdoptDirectly.Should().BeFalse();
        on.DecisionTypes["decision"].Should().Be(DecisionType.Emergency);

        var count = await app.EventCount(n.NetworkId);
        var networks = $"/networks/{n.NetworkId}";
        (await api.Post($"{networks}/value-equations", new { preset = "slicing-pie" }, n.Token))
            .ShouldBeProblem(403, code: "proposal-required");
        (await api.Post($"{networks}/review-policy", new { approvalsRequired = 2 }, n.Token))
            .ShouldBeProblem(403, code: "proposal-required");
        (await api.Post($"{networks}/treasury-policy", new { fourEyes = "always" }, n.Token))
            .ShouldBeProblem(403, code: "proposal-required");
        (await api.Post(Url(n), new { stewardsAdoptDirectly = true }, n.Token)).ShouldBeProblem(403,
            code: "proposal-required");
        (await app.EventCount(n.NetworkId)).Should().Be(count);

        // Governance-policy changes need a standard decision: Ada and Bob agree, it closes early and passes.
        var p = await api.Propose(n, bob.Token, new
        {
            title = "Stewards may adopt again", kind = "governance-policy",
                change = new { stewardsAdoptDirectly = true },
            closesAt = app.In(Duration.FromDays(3)),
        });
        await api.State(n, p, n.Token, "agree");
        (await api.State(n, p, bob.Token, "agree")).Status.Should().Be(ProposalStatus.Passed);
        var set = (await app.Events(n.NetworkId,
            n.NetworkId)).Last().Data.Should().BeOfType<GovernancePolicySet>().Which;
        set.ProposalId.Should().Be(p);
        set.SetBy.Should().Be(bob.MemberId);
        (await api.Get<GovernancePolicyResponse>(Url(n), bob.Token)).Expect(200).StewardsAdoptDirectly.Should()
            .BeTrue();
        (await api.Post($"{networks}/value-equations", new { preset = "slicing-pie" },
            n.Token)).Status.Should().Be(201);
    }
}
