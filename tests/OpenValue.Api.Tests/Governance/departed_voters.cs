using NodaTime;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Tests.Governance;

/// <summary>A member who leaves while a proposal is open: their position stops counting, and later proposals give
/// them no vote.</summary>
[Collection(AppCollection.Name)]
public class departed_voters(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_departed_members_block_no_longer_counts_and_they_get_no_vote_on_a_new_proposal()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var cy = await api.Admit(n, "Cy", "labour", "contributor");
        var decision = new
        {
            title = "The weekly call moves", kind = "decision",
                change = new { text = "The weekly call moves to Monday." },
            closesAt = app.In(Duration.FromDays(5)),
        };
        var p = await api.Propose(n, n.Token, decision);
        // 3 eligible (Ada, Bob, Cy); Bob blocks: a standard decision fails on any block.
        var blocked = await api.State(n, p, bob.Token, "block", "Not on Mondays");
        (blocked.Tally(), blocked.WouldPass).Should().Be(("3/1/0/0/0/1", false));

        var today = app.Clock.GetCurrentInstant().InUtc().Date.ToString("yyyy-MM-dd", null);
        (await api.Post(n.Url($"/members/{bob.MemberId}/departure"),
            new { on = today, terms = "bad-leaver", reason = "moved away" }, n.Token)).Status.Should().Be(200);

        // Bob's block no longer counts: 2 eligible who count, none stated, no block: it would pass now.
        var after = await api.Proposal(n, p, cy.Token);
        (after.Tally(), after.WouldPass, after.Status).Should().Be(("2/0/0/0/0/0", true, ProposalStatus.Open));
        after.Positions.Single().Counts.Should().BeFalse();
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "agree" }, bob.Token))
            .ShouldBeProblem(403, code: "member-departed");

        var next = await api.Propose(n, cy.Token, decision with { title = "The monthly call moves" });
        var fresh = await api.Proposal(n, next, cy.Token);
        fresh.EligibleVoters.Should()
            .BeEquivalentTo([n.MemberId, cy.MemberId], "a departed member gets no vote");
        fresh.Tally().Should().Be("2/0/0/0/0/0");
    }
}
