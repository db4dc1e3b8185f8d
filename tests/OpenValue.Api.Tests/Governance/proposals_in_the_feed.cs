using NodaTime;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Governance;

/// <summary>Every member sees in the activity feed what was proposed, who stated what, and how it closed.</summary>
[Collection(AppCollection.Name)]
public class proposals_in_the_feed(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_proposal_its_positions_and_its_outcome_are_in_the_feed()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var p = await api.Propose(n, n.Token, new
        {
            title = "We meet on Mondays", kind = "decision", change = new { text = "The weekly call moves to Monday." },
            closesAt = app.In(Duration.FromDays(3)),
        });
        await api.State(n, p, n.Token, "agree");
        await api.State(n, p, bob.Token, "disagree", "Mondays I am at the workshop");
        var second = await api.Propose(n, bob.Token, new
        {
            title = "Tuesdays", kind = "decision", change = new { text = "Tuesdays." },
            closesAt = app.In(Duration.FromDays(3)),
        });
        (await api.Post(Proposals.Url(n, $"/{second}/withdrawal"), new { }, bob.Token)).Status.Should().Be(200);

        var feed = await api.Activity(n, bob.Token);
        feed.Types().Take(6).Should().Equal("proposal-withdrawn", "proposal-made", "proposal-passed", "position-stated",
            "position-stated", "proposal-made");
        var summaries = feed.Items.Take(6).Select(i => i.Summary).ToList();
        var closesOn = (app.Clock.GetCurrentInstant() + Duration.FromDays(3)).InUtc().Date.ToString("yyyy-MM-dd", null);
        summaries[5].Should().Be(
            $"Proposed “We meet on Mondays”, a decision change by standard decision, open until {closesOn} " +
            "(2 eligible voters).");
        summaries[3].Should().Be("Stated the position disagree on a proposal: “Mondays I am at the workshop.”");
        // 2 eligible, both stated, no block: a standard decision passes at once.
        summaries[2].Should().Be("A proposal passed early: Standard: passes with no block (0 blocks).");
        summaries[0].Should().Be("Withdrew a proposal.");
    }
}
