using OpenValue.Api.Security;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Activity;

/// <summary>GET /networks/{n}/activity: the network's facts, newest first, written by Marten's async daemon.</summary>
[Collection(AppCollection.Name)]
public class the_activity_feed(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task shows_every_fact_of_a_claim_to_payout_journey_newest_first()
    {
        var n = await api.Found();
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        var claim = await api.Submit(n, bob.Token);
        (await api.Review(n, claim, n.Token)).Status.Should().Be(200);
        await api.RecordIncome(n, "100.00");
        var distribution = (await api.Proposed(n, "60.00")).DistributionId;
        await api.Paid(n, distribution);

        var feed = await api.Activity(n, n.Token);

        feed.Types().Should().Equal("payouts-issued", "distribution-proposed", "income-recorded",
            "contribution-accepted",
            "contribution-reviewed", "contribution-submitted", "member-admitted", "value-equation-adopted",
                "member-admitted", "network-founded");
        feed.Items.Select(i => i.Sequence).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
        feed.NextBefore.Should().BeNull();
        var submitted = feed.Items[5];
        submitted.ActorId.Should().Be(bob.MemberId);
        submitted.ActorName.Should().Be("Bob");
        submitted.MemberId.Should().Be(bob.MemberId);
        submitted.ContributionId.Should().Be(claim);
        submitted.Summary.Should().Be("Claimed 12.5 hour of work: Router jig for the Wikihouse frame.");
        submitted.At.Should().Be(AppFixture.Start);
        var accepted = feed.Items[3];
        accepted.ActorId.Should().BeNull("an acceptance follows from the review; no member acted on its own");
        // Entries about a claim name it and its author as they read now (the stored sentence says "the claim").
        accepted.Summary.Should().Be(
            "Bob’s claim “Router jig for the Wikihouse frame” of 12.5 hour of work was accepted for 1000 points " +
            "(value equation version 1).");
        var reviewed = feed.Items[4];
        reviewed.Summary.Should().Be("Reviewed Bob’s claim “Router jig for the Wikihouse frame”: approve.");
        (reviewed.ActorName, reviewed.MemberName).Should().Be(("Ada", "Bob"));
        reviewed.Claim!.AuthorId.Should().Be(bob.MemberId);
        reviewed.Claim.Description.Should().Be("Router jig for the Wikihouse frame.");
        feed.Items[1].DistributionId.Should().Be(distribution);
        feed.Items[1].Summary.Should().Be("Proposed a pro-rata distribution of 60.00 EUR over 1 line.");
        feed.Items[6].Summary.Should().Be("Admitted Bob as contributor, reviewer (labour).");
        feed.Items[6].ActorName.Should().Be("Ada");
    }

    [Fact]
    public async Task shows_income_records_to_treasurers_only_and_own_token_resets_to_stewards_only()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var cem = await api.Admit(n, "Cem", "investor", "treasurer");
        await api.RecordIncome(n, "25.00");
        bob = await Reissued(n, bob, bob.Token);

        (await api.Activity(n, n.Token)).Types().Should().Contain(["income-recorded", "member-token-reissued"]);
        (await api.Activity(n, cem.Token)).Types().Should().Contain("income-recorded")
            .And.NotContain("member-token-reissued");
        var asBob = await api.Activity(n, bob.Token);
        asBob.Types().Should().NotContain("income-recorded").And.NotContain("member-token-reissued")
            .And.Equal("member-admitted", "member-admitted", "member-admitted", "network-founded");
    }

    [Fact]
    public async Task shows_everyone_a_steward_resetting_another_members_token_and_every_treasurer_or_steward_grant()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var cem = await api.Admit(n, "Cem", "investor", "contributor");
        await Reissued(n, cem, n.Token);
        (await api.Post(n.Url($"/members/{cem.MemberId}/roles"), new { grant = new[] { "treasurer", "steward" } },
            n.Token))
            .Status.Should().Be(200);

        var asBob = await api.Activity(n, bob.Token);
        asBob.Types().Should().StartWith(["member-role-granted", "member-role-granted", "member-token-reissued"]);
        asBob.Items.Take(3).Select(i => i.Summary).Should().Equal(
            "Granted the steward role.", "Granted the treasurer role.",
            "Reissued the member's access token; every earlier token of theirs stopped working.");
    }

    [Fact]
    public async Task isolates_networks()
    {
        var target = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        await api.Submit(target, target.Token);

        (await api.Get(target.Url("/activity"), outsider.Token)).ShouldBeProblem(404, code: "network-not-found");
        var own = await api.Activity(outsider, outsider.Token);
        own.Types().Should().Equal("member-admitted", "network-founded");
        own.Items[1].Summary.Should().Be("Founded the network “Outsider” with EUR as its currency.");
    }

    /// <summary>Bob's token after a steward reissued it (the earlier one stopped working).</summary>
    private async Task<Member> Reissued(FoundedNetwork n, Member bob, string by)
    {
        var reissued = await api.Post<TokenReissuedResponse>(n.Url($"/members/{bob.MemberId}/token"), null, by);
        return bob with { Token = reissued.Expect(200).Token };
    }
}
