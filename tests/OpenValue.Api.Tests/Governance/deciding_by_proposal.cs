using NodaTime;
using OpenValue.Api.Tests.Infrastructure;
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
        open.Text("status").Should().Be("open");
        open.Text("decisionType").Should().Be("significant");
        open.Counts().Should().Be("3/0/0/0/0/0");
        open["wouldPass"]!.GetValue<bool>().Should().BeFalse(); // 2*0 = 0, not > 0

        await api.State(n, p, n.Token, "agree");
        var two = await api.State(n, p, bob.Token, "agree");
        // 3 eligible, 2 stated, both agree: 2*2 = 4 > 2.
        two.Counts().Should().Be("3/2/2/0/0/0");
        two["counts"]!["notStated"]!.GetValue<int>().Should().Be(1);
        two["wouldPass"]!.GetValue<bool>().Should().BeTrue();
        two.Text("status").Should().Be("open");

        // Cy disagrees, the last eligible voter: it closes at once. 2*2 = 4 > 3 stated, no block: passed.
        var closed = await api.State(n, p, cy.Token, "disagree", "The cash multiplier is too high");
        closed.Text("status").Should().Be("passed");
        closed.Counts().Should().Be("3/3/2/0/1/0");
        closed.Text("why").Should()
            .Be("Significant: no block and more than half of the stated positions agree (2 of 3).");
        closed["outcome"]!["early"]!.GetValue<bool>().Should().BeTrue();

        var (_, current, _) = await api.Get($"/networks/{n.NetworkId}/value-equations/current", cy.Token);
        current!["version"]!.GetValue<int>().Should().Be(1);
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
            (await api.Proposal(n, blocked, n.Token)).Text("status").Should().Be("open");
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
        failed.Text("status").Should().Be("failed");
        failed.Counts().Should().Be("3/2/1/0/0/1");
        failed.Text("why").Should().Be("Standard: fails with any block (1 block).");
        failed["outcome"]!["early"]!.GetValue<bool>().Should().BeFalse();
        // Only Ada agreed and 2 of 3 never stated: a standard decision passes with no block.
        var passed = await api.Proposal(n, quiet, n.Token);
        passed.Text("status").Should().Be("passed");
        passed.Counts().Should().Be("3/1/1/0/0/0");

        var policySets = (await app.Events(n.NetworkId,
            n.NetworkId)).Select(e => e.Data).OfType<ReviewPolicySet>().ToList();
        policySets.Should().ContainSingle().Which.ProposalId.Should().Be(quiet);
        (await app.Events(n.NetworkId, quiet)).Should().HaveCount(3); // made, 1 position, passed (once)
        var (_, policy, _) = await api.Get($"/networks/{n.NetworkId}/review-policy", n.Token);
        policy!["approvalsRequired"]!.GetValue<int>().Should().Be(2);
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
        changed.Counts().Should().Be("2/1/0/1/0/0");
        changed["positions"]!.AsArray().Should().ContainSingle();
        changed["wouldPass"]!.GetValue<bool>().Should().BeTrue();
        changed.Text("why").Should().Be("Standard: passes with no block (0 blocks).");
        changed["eligibleVoters"]!.AsArray().Select(v => Guid.Parse(v!.GetValue<string>())).Should()
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
        var (status, withdrawn, _) = await api.Post(Proposals.Url(n, $"/{p}/withdrawal"),
            new { reason = "Too early" }, bob.Token);
        status.Should().Be(200, withdrawn?.ToJsonString());
        withdrawn!.Text("status").Should().Be("withdrawn");
        withdrawn!["outcome"]!["reason"]!.GetValue<string>().Should().Be("Too early");
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

        var (_, all, _) = await api.Get(Proposals.Url(n), n.Token);
        all!["items"]!.AsArray().Select(i => i!.Text("proposalId")).Should().Equal(second.ToString(), first.ToString());
        all["totalCount"]!.GetValue<long>().Should().Be(2);
        var (_, passed, _) = await api.Get(Proposals.Url(n, "?status=passed"), n.Token);
        passed!["items"]!.AsArray().Should().ContainSingle().Which!.Text("why").Should()
            .Be("Standard: passes with no block (0 blocks).");
        (await api.Get(Proposals.Url(n, "?status=lost"), n.Token)).ShouldBeProblem(400, "status");
    }
}
