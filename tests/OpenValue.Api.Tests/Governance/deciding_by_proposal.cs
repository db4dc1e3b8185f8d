using NodaTime;
using OpenValue.Api.Governance;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Valuation;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Tests.Governance;

/// <summary>Proposals end to end: positions, counts, early and deadline closing, the change appended citing
/// them.</summary>
[Collection(AppCollection.Name)]
public class deciding_by_proposal(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_value_equation_passes_early_when_every_member_has_stated_and_is_adopted_citing_the_proposal()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var cy = await api.Admit(n, "Cy", "labour", "reviewer");
        var p = await api.Propose(n, bob.Token, new
        {
            title = "Rates for 2027", kind = "value-equation", change = new { preset = "slicing-pie" },
            closesAt = app.In(Duration.FromDays(5)),
        });

        var open = await api.Proposal(n, p, cy.Token);
        open.Status.Should().Be(ProposalStatus.Open);
        open.DecisionType.Should().Be(DecisionType.Significant);
        open.Tally().Should().Be("3/0/0/0/0/0");
        open.WouldPass.Should().BeFalse(); // 2*0 = 0, not > 0

        await api.State(n, p, n.Token, "agree");
        var two = await api.State(n, p, bob.Token, "agree");
        // 3 eligible, 2 stated, both agree: 2*2 = 4 > 2.
        two.Tally().Should().Be("3/2/2/0/0/0");
        two.Counts.NotStated.Should().Be(1);
        two.WouldPass.Should().BeTrue();
        two.Status.Should().Be(ProposalStatus.Open);

        // Cy disagrees, the last eligible voter: it closes at once. 2*2 = 4 > 3 stated, no block: passed.
        var closed = await api.State(n, p, cy.Token, "disagree", "The cash multiplier is too high");
        closed.Status.Should().Be(ProposalStatus.Passed);
        closed.Tally().Should().Be("3/3/2/0/1/0");
        closed.Why.Should()
            .Be("Significant: no block and more than half of the stated positions agree (2 of 3).");
        closed.Outcome!.Early.Should().BeTrue();

        var current = await api.Get<ValueEquationResponse>($"/networks/{n.NetworkId}/value-equations/current",
            cy.Token);
        current.Expect(200).Version.Should().Be(1);
        var adopted = (await app.Events(n.NetworkId,
            n.NetworkId)).Last().Data.Should().BeOfType<ValueEquationAdopted>().Which;
        adopted.ProposalId.Should().Be(p);
        adopted.AdoptedBy.Should().Be(bob.MemberId);
        (await app.Events(n.NetworkId, p)).Select(e => e.Data.GetType()).Should().Equal(typeof(ProposalMade),
            typeof(PositionStated), typeof(PositionStated), typeof(PositionStated), typeof(ProposalPassed));
    }

    [Fact]
    public async Task at_the_deadline_a_blocked_standard_proposal_fails_and_changes_nothing_an_unblocked_one_passes()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        await api.Admit(n, "Cy", "labour", "reviewer");
        var body = new
        {
            title = "Two approvals", kind = "review-policy", change = new { approvalsRequired = 2 },
            closesAt = app.In(Duration.FromDays(3)),
        };
        var blocked = await api.Propose(n, bob.Token, body);
        var quiet = await api.Propose(n, bob.Token, body);
        await api.State(n, blocked, n.Token, "agree");
        await api.State(n, blocked, bob.Token, "block", "One reviewer is enough while we are three");
        await api.State(n, quiet, n.Token, "agree");

        var before = app.Clock.GetCurrentInstant();
        try
        {
            // Early delivery (before the deadline) changes nothing.
            await app.DeliverClose(n, blocked);
            (await api.Proposal(n, blocked, n.Token)).Status.Should().Be(ProposalStatus.Open);
            app.Clock.Advance(Duration.FromDays(3));
            await app.DeliverClose(n, blocked);
            await app.DeliverClose(n, quiet);
            await app.DeliverClose(n, quiet); // a second delivery finds it closed
        }
        finally
        {
            app.Clock.Reset(before);
        }

        var failed = await api.Proposal(n, blocked, n.Token);
        failed.Status.Should().Be(ProposalStatus.Failed);
        failed.Tally().Should().Be("3/2/1/0/0/1");
        failed.Why.Should().Be("Standard: fails with any block (1 block).");
        failed.Outcome!.Early.Should().BeFalse();
        // Only Ada agreed and 2 of 3 never stated: a standard decision passes with no block.
        var passed = await api.Proposal(n, quiet, n.Token);
        passed.Status.Should().Be(ProposalStatus.Passed);
        passed.Tally().Should().Be("3/1/1/0/0/0");

        var policySets = (await app.Events(n.NetworkId,
            n.NetworkId)).Select(e => e.Data).OfType<ReviewPolicySet>().ToList();
        policySets.Should().ContainSingle().Which.ProposalId.Should().Be(quiet);
        (await app.Events(n.NetworkId, quiet)).Should().HaveCount(3); // made, 1 position, passed (once)
        var policy = await api.Get<ReviewPolicyResponse>($"/networks/{n.NetworkId}/review-policy", n.Token);
        policy.Expect(200).ApprovalsRequired.Should().Be(2);
    }

    [Fact]
    public async Task a_member_admitted_after_the_proposal_has_no_vote_and_positions_change_until_it_closes()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var p = await api.Propose(n, n.Token, new
        {
            title = "We meet on Mondays", kind = "decision", change = new { text = "The weekly call moves to Monday." },
            closesAt = app.In(Duration.FromDays(3)),
        });
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var count = await app.EventCount(n.NetworkId);
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "agree" }, dee.Token))
            .ShouldBeProblem(403, code: "not-eligible");
        (await app.EventCount(n.NetworkId)).Should().Be(count);

        await api.State(n, p, bob.Token, "block", "Mondays I work at the workshop");
        var changed = await api.State(n, p, bob.Token, "abstain");
        changed.Tally().Should().Be("2/1/0/1/0/0");
        changed.Positions.Should().ContainSingle();
        changed.WouldPass.Should().BeTrue();
        changed.Why.Should().Be("Standard: passes with no block (0 blocks).");
        changed.EligibleVoters.Should()
            .BeEquivalentTo([n.MemberId, bob.MemberId]);
    }

    [Fact]
    public async Task the_proposer_withdraws_and_then_no_position_is_taken()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var p = await api.Propose(n, bob.Token, new
        {
            title = "Always four eyes", kind = "treasury-policy", change = new { fourEyes = "always" },
            closesAt = app.In(Duration.FromDays(3)),
        });
        (await api.Post(Proposals.Url(n, $"/{p}/withdrawal"), new { }, n.Token)).ShouldBeProblem(403,
            code: "proposer-only");
        var withdrawn = (await api.Post<ProposalResponse>(Proposals.Url(n, $"/{p}/withdrawal"),
            new { reason = "Too early" }, bob.Token)).Expect(200);
        withdrawn.Status.Should().Be(ProposalStatus.Withdrawn);
        withdrawn.Outcome!.Reason.Should().Be("Too early");
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "agree" }, n.Token))
            .ShouldBeProblem(409, code: "proposal-closed");
        (await api.Post(Proposals.Url(n, $"/{p}/withdrawal"), new { }, bob.Token)).ShouldBeProblem(409,
            code: "proposal-closed");
        (await app.Events(n.NetworkId, n.NetworkId)).Select(e => e.Data).OfType<TreasuryPolicySet>().Should().BeEmpty();
    }

    [Fact]
    public async Task proposals_are_listed_newest_first_and_filtered_by_status()
    {
        var n = await api.Found();
        var body = (string title) => new
        {
            title, kind = "decision", change = new { text = title }, closesAt = app.In(Duration.FromDays(3)),
        };
        var first = await api.Propose(n, n.Token, body("First"));
        var before = app.Clock.GetCurrentInstant();
        Guid second;
        try
        {
            app.Clock.Advance(Duration.FromSeconds(1));
            second = await api.Propose(n, n.Token, body("Second"));
        }
        finally
        {
            app.Clock.Reset(before); // other tests expect the shared clock where they left it
        }
        await api.State(n, first, n.Token, "agree"); // the only voter: it closes early, passed

        var all = (await api.Get<ProposalPage>(Proposals.Url(n), n.Token)).Expect(200);
        all.Items.Select(i => i.ProposalId).Should().Equal(second, first);
        all.TotalCount.Should().Be(2);
        var passed = (await api.Get<ProposalPage>(Proposals.Url(n, "?status=passed"), n.Token)).Expect(200);
        passed.Items.Should().ContainSingle().Which.Why.Should()
            .Be("Standard: passes with no block (0 blocks).");
        (await api.Get(Proposals.Url(n, "?status=lost"), n.Token)).ShouldBeProblem(400, "status");
    }
}
