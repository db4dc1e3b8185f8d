using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

/// <summary>POST …/contributions/{c}/revocation (a steward) and …/appeal (the author; any member for an
/// acceptance).</summary>
[Collection(AppCollection.Name)]
public class revoking_and_appealing(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static object Reason(string? reason = "the work was not done") => new { reason };

    private Task<Reply<ContributionResponse>> Revoke(
        FoundedNetwork n, Guid id, string token, string? reason = "the work was not done") =>
        api.Post<ContributionResponse>(n.Url($"/contributions/{id}/revocation"), Reason(reason), token);

    private Task<Reply<ContributionResponse>> Appeal(
        FoundedNetwork n, Guid id, string token, string? reason = "evidence added") =>
        api.Post<ContributionResponse>(n.Url($"/contributions/{id}/appeal"), Reason(reason), token);

    private async Task<ShareExplanationResponse> Explained(FoundedNetwork n, Member m, string token,
        Instant? asOf = null)
    {
        var query = asOf is { } at ? $"?asOf={Uri.EscapeDataString(at.ToString())}" : "";
        return (await api.Get<ShareExplanationResponse>(n.Url($"/members/{m.MemberId}/share{query}"), token))
            .Expect(200);
    }

    private async Task<string> PointsOf(FoundedNetwork n, Member m, string token, Instant? asOf = null) =>
        (await Explained(n, m, token, asOf)).Points;

    /// <summary>
    /// hours-only: 1 point an hour. Bob 30 h and 10 h accepted (40 points); the 30 h claim revoked a day later:
    /// 10 points from then on, still 40 as of any earlier moment; the explanation shows the revoked line at 0.
    /// </summary>
    [Fact]
    public Task a_steward_revokes_an_acceptance_and_only_later_moments_lose_its_points() => app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        await api.Adopt(n, new { preset = "hours-only" });
        var wrong = await api.Accepted(n, bob.Token, n.Token, Claims.Work("30"));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
        var before = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromDays(1));

        var body = (await Revoke(n, wrong, n.Token)).Expect(200);
        body.Status.Should().Be(ContributionStatus.Revoked);
        body.Points.Should().Be("0");
        body.Revocation!.Points.Should().Be("30");
        body.Revocation.Reason.Should().Be("the work was not done");
        var revoked = (await app.Events(n.NetworkId, wrong)).Last().Data.Should()
            .BeOfType<ContributionAcceptanceRevoked>().Which;
        (revoked.Points, revoked.RevokedBy, revoked.RevokedAt).Should().Be((30m, n.MemberId,
            app.Clock.GetCurrentInstant()));

        (await PointsOf(n, bob, bob.Token)).Should().Be("10");
        (await PointsOf(n, bob, bob.Token, before)).Should().Be("40", "shares as of a moment before the revocation");
        var line = (await Explained(n, bob, bob.Token)).Contributions.Single(l => l.ContributionId == wrong);
        line.Points.Should().Be("0");
        line.Revocation!.Reason.Should().Be("the work was not done");
        (await Explained(n, bob, bob.Token, before)).Contributions.Should().OnlyContain(l => l.Revocation == null);

        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
    });

    [Fact]
    public async Task revocation_refusals_are_problems_and_append_nothing()
    {
        var n = await api.Found();
        var other = await api.Found("Other");
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, new { preset = "hours-only" });
        var accepted = await api.Accepted(n, bob.Token, n.Token, Claims.Work("3"));
        var open = await api.Submit(n, bob.Token, Claims.Work("2"));
        var theirs = await api.Submit(other, other.Token, Claims.Work("1"));
        var count = await app.EventCount(n.NetworkId);

        (await Revoke(n, accepted, bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await Revoke(n, accepted, n.Token, reason: null)).ShouldBeProblem(400, field: "reason");
        (await Revoke(n, accepted, n.Token, reason: " ")).ShouldBeProblem(400, field: "reason");
        (await Revoke(n, open, n.Token)).ShouldBeProblem(409, code: "not-accepted");
        (await Revoke(n, theirs, n.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await Revoke(n, Guid.NewGuid(), n.Token)).ShouldBeProblem(404);
        (await app.EventCount(n.NetworkId)).Should().Be(count);

        (await Revoke(n, accepted, n.Token)).Status.Should().Be(200);
        var revokedCount = await app.EventCount(n.NetworkId);
        (await Revoke(n, accepted, n.Token)).ShouldBeProblem(409, code: "already-revoked");
        (await app.EventCount(n.NetworkId)).Should().Be(revokedCount);
    }

    [Fact]
    public async Task the_author_appeals_a_rejection_and_it_is_reviewed_again_in_a_new_round()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var cy = await api.Admit(n, "Cy", "labour", "reviewer");
        await api.Adopt(n, new { preset = "hours-only" });
        var id = await api.Submit(n, bob.Token, Claims.Work("4"));
        (await api.Review(n, id, cy.Token, "reject", "no evidence")).Status.Should().Be(200);

        var body = (await Appeal(n, id, bob.Token)).Expect(200);
        (body.Status, body.Round).Should().Be((ContributionStatus.Submitted, 2));
        body.Appeals![0].Reason.Should().Be("evidence added");
        var queue = (await api.Get<ReviewQueuePage>(n.Url("/review-queue"), cy.Token)).Expect(200);
        queue.Items.Select(i => i.ContributionId).Should().Contain(id);

        var accepted = (await api.Review(n, id, cy.Token)).Expect(200);
        (accepted.Status, accepted.Points).Should().Be((ContributionStatus.Accepted, "4"));
    }

    [Fact]
    public async Task appeal_refusals_are_problems_and_append_nothing()
    {
        var n = await api.Found();
        var other = await api.Found("Other");
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var rejected = await api.Submit(n, bob.Token, Claims.Work("4"));
        (await api.Review(n, rejected, n.Token, "reject", "no evidence")).Status.Should().Be(200);
        var open = await api.Submit(n, bob.Token, Claims.Work("2"));
        var theirs = await api.Submit(other, other.Token, Claims.Work("1"));
        var count = await app.EventCount(n.NetworkId);

        (await Appeal(n, rejected, dee.Token)).ShouldBeProblem(403, code: "not-author");
        (await Appeal(n, rejected, bob.Token, reason: "")).ShouldBeProblem(400, field: "reason");
        (await Appeal(n, open, bob.Token)).ShouldBeProblem(409, code: "not-appealable");
        (await Appeal(n, theirs, bob.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await app.EventCount(n.NetworkId)).Should().Be(count);
    }

    [Fact]
    public async Task a_member_appeals_an_acceptance_and_stewards_find_it_flagged_until_they_revoke_it()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        await api.Adopt(n, new { preset = "hours-only" });
        var id = await api.Accepted(n, bob.Token, n.Token, Claims.Work("8"));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("1"));

        var body = (await Appeal(n, id, dee.Token, "I never saw this jig")).Expect(200);
        (body.Status, body.RevocationRequested).Should().Be((ContributionStatus.Accepted, true));
        body.RevocationRequests![0].RequestedBy.Should().Be(dee.MemberId);
        (await Appeal(n, id, dee.Token)).ShouldBeProblem(409, code: "revocation-already-requested");
        (await api.Get(n.Url("/contributions?revocationRequested=yes"), n.Token))
            .ShouldBeProblem(400, field: "revocationRequested");
        var flagged = await Flagged(n);
        flagged.Should().Equal(id);
        (await PointsOf(n, bob, bob.Token)).Should().Be("9", "a request changes no points: 8 + 1");

        (await Revoke(n, id, n.Token, "confirmed: not done")).Status.Should().Be(200);
        (await Flagged(n)).Should().BeEmpty();
        (await PointsOf(n, bob, bob.Token)).Should().Be("1");
        var feed = await api.Activity(n, bob.Token);
        feed.Items[0].Summary.Should()
            .Be("Revoked the acceptance of the member's work claim (8 points): confirmed: not done.");
        feed.Items[1].Summary.Should()
            .Be("Asked the stewards to revoke the acceptance of Bob’s claim “Router jig for the Wikihouse frame”: " +
                "I never saw this jig.");
    }

    private async Task<List<Guid>> Flagged(FoundedNetwork n)
    {
        var page = await api.Get<ContributionPage>(n.Url("/contributions?revocationRequested=true"), n.Token);
        return [.. page.Expect(200).Items.Select(i => i.ContributionId)];
    }
}
