using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class reviewing_by_quorum_and_rounds(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task with_a_quorum_of_two_the_second_approval_accepts()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var cy = await api.Admit(network, "Cy", "labour", "reviewer");
        await api.SetQuorum(network, 2);
        (await api.Get<ReviewPolicyResponse>(network.Url("/review-policy"), bob.Token)).Expect(200)
            .ApprovalsRequired.Should().Be(2);
        var id = await api.Submit(network, bob.Token);

        (await api.Review(network, id, network.Token)).Expect(200).Status.Should().Be(ContributionStatus.Submitted);
        (await api.Review(network, id, network.Token)).ShouldBeProblem(409, code: "already-reviewed");
        (await api.Review(network, id, cy.Token)).Expect(200).Status.Should().Be(ContributionStatus.Accepted);
        (await app.Events(network.NetworkId, id)).Last().Data.Should().BeOfType<ContributionAccepted>()
            .Which.ApprovalsRequired.Should().Be(2);
    }

    [Fact]
    public async Task a_review_of_a_claim_amended_since_the_reviewer_read_it_is_409_and_appends_nothing()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);
        var seen = (await api.Get<ContributionResponse>(network.Url($"/contributions/{id}"), network.Token))
            .Expect(200).Version;
        (await api.Amend(network, id, bob.Token, Claims.Work("120"))).Status.Should().Be(200);
        var before = await app.EventCount(network.NetworkId);

        (await api.Review(network, id, network.Token, expectedVersion: seen)).ShouldBeProblem(409,
            code: "contribution-changed");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
        (await api.Post(network.Url($"/contributions/{id}/reviews"), new { verdict = "approve" }, network.Token))
            .ShouldBeProblem(400, field: "expectedVersion");
        var accepted = (await api.Review(network, id, network.Token, expectedVersion: seen + 1)).Expect(200);
        accepted.Quantity.Should().Be("120");
        accepted.Version.Should().BeGreaterThan(seen + 1);
    }

    [Fact]
    public async Task a_member_cannot_review_their_own_claim()
    {
        var network = await api.Found();
        var id = await api.Submit(network, network.Token);
        (await api.Review(network, id, network.Token)).ShouldBeProblem(403, code: "self-review");
        (await app.Events(network.NetworkId, id)).Should().ContainSingle();
    }

    [Fact]
    public async Task changes_requested_then_amended_starts_a_fresh_round_that_an_approval_accepts()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        (await api.Review(network, id, network.Token, "request-changes")).ShouldBeProblem(400, "reason");
        var asked = await api.Review(network, id, network.Token, "request-changes", "Add the photos");
        asked.Expect(200).Status.Should().Be(ContributionStatus.ChangesRequested);
        (await api.Review(network, id, network.Token)).ShouldBeProblem(409, code: "not-reviewable");

        var amended = (await api.Amend(network, id, bob.Token, Claims.Work("10").With("evidenceUrl",
            "https://example.org/photos"))).Expect(200);
        amended.Status.Should().Be(ContributionStatus.Submitted);
        amended.Round.Should().Be(2);

        var accepted = (await api.Review(network, id, network.Token)).Expect(200);
        accepted.Status.Should().Be(ContributionStatus.Accepted);
        accepted.Reviews.Select(r => r.Verdict).Should().Equal(Verdict.RequestChanges, Verdict.Approve);
        (await app.Events(network.NetworkId, id)).Last().Data.Should().BeOfType<ContributionAccepted>()
            .Which.Quantity.Should().Be(10m);
    }

    [Fact]
    public async Task a_rejection_needs_a_reason_and_is_final()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        (await api.Review(network, id, network.Token, "reject", "  ")).ShouldBeProblem(400, "reason");
        (await api.Review(network, id, network.Token, "maybe")).ShouldBeProblem(400, "verdict");
        (await app.Events(network.NetworkId, id)).Should().ContainSingle();

        (await api.Review(network, id, network.Token, "reject", "Not this network's work")).Expect(200).Status
            .Should().Be(ContributionStatus.Rejected);
        var cy = await api.Admit(network, "Cy", "labour", "reviewer");
        (await api.Review(network, id, cy.Token)).ShouldBeProblem(409, code: "not-reviewable");
        (await api.Amend(network, id, bob.Token, Claims.Work())).ShouldBeProblem(409, code: "not-amendable");
        (await api.Post(network.Url($"/contributions/{id}/withdrawal"), null, bob.Token)).ShouldBeProblem(409,
            code: "not-withdrawable");
    }

    [Fact]
    public async Task twenty_reviewers_racing_with_a_quorum_of_one_accept_exactly_once()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var reviewers = new List<Infrastructure.Member>();
        for (var i = 0; i < 20; i++)
            reviewers.Add(await api.Admit(network, $"Reviewer {i}", "labour", "reviewer"));
        var id = await api.Submit(network, bob.Token);

        var results = await Task.WhenAll(reviewers.Select(r => api.Review(network, id, r.Token)));

        results.Count(r => r.Status == 200).Should().Be(1, string.Join(", ", results.Select(r => r.Status)));
        results.Where(r => r.Status != 200).Should().AllSatisfy(r => r.ShouldBeProblem(409));
        var events = await app.Events(network.NetworkId, id);
        events.Count(e => e.Data is ContributionAccepted).Should().Be(1);
        events.Count(e => e.Data is ContributionReviewed).Should().Be(1);
    }
}
