using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class reviewing_a_contribution(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task one_approval_accepts_a_claim_with_what_valuation_needs()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        var (status, body, _) = await api.Review(network, id, network.Token);
        status.Should().Be(200, body?.ToJsonString());
        body!["status"]!.GetValue<string>().Should().Be("accepted");
        body["quantity"]!.GetValue<string>().Should().Be("12.5");
        body["points"].Should().BeNull();
        body["reviews"]!.AsArray().Single()!["verdict"]!.GetValue<string>().Should().Be("approve");

        var events = await app.Events(network.NetworkId, id);
        events.Select(e => e.Data.GetType()).Should().Equal(typeof(ContributionSubmitted), typeof(ContributionReviewed),
            typeof(ContributionAccepted));
        events[2].Data.Should().Be(new ContributionAccepted(id, bob.MemberId, null, "work", 12.5m, "hour",
            new NodaTime.LocalDate(2026, 11, 20), 1, null, null, null, AppFixture.Start));
    }
}

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
        (await api.Get(network.Url("/review-policy"), bob.Token)).Body!["approvalsRequired"]!.GetValue<int>().Should()
            .Be(2);
        var id = await api.Submit(network, bob.Token);

        (await api.Review(network, id, network.Token)).Body!["status"]!.GetValue<string>().Should().Be("submitted");
        (await api.Review(network, id, network.Token)).ShouldBeProblem(409, code: "already-reviewed");
        (await api.Review(network, id, cy.Token)).Body!["status"]!.GetValue<string>().Should().Be("accepted");
        (await app.Events(network.NetworkId, id)).Last().Data.Should().BeOfType<ContributionAccepted>()
            .Which.ApprovalsRequired.Should().Be(2);
    }

    [Fact]
    public async Task a_review_of_a_claim_amended_since_the_reviewer_read_it_is_409_and_appends_nothing()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);
        var (_, read, _) = await api.Get(network.Url($"/contributions/{id}"), network.Token);
        var seen = read!["version"]!.GetValue<long>();
        (await api.Amend(network, id, bob.Token, Claims.Work("120"))).Status.Should().Be(200);
        var before = await app.EventCount(network.NetworkId);

        (await api.Review(network, id, network.Token, expectedVersion: seen)).ShouldBeProblem(409,
            code: "contribution-changed");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
        (await api.Post(network.Url($"/contributions/{id}/reviews"), new { verdict = "approve" }, network.Token))
            .ShouldBeProblem(400, field: "expectedVersion");
        var (status, accepted, _) = await api.Review(network, id, network.Token, expectedVersion: seen + 1);
        status.Should().Be(200, accepted?.ToJsonString());
        accepted!["quantity"]!.GetValue<string>().Should().Be("120");
        accepted["version"]!.GetValue<long>().Should().BeGreaterThan(seen + 1);
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
        var (_, asked, _) = await api.Review(network, id, network.Token, "request-changes", "Add the photos");
        asked!["status"]!.GetValue<string>().Should().Be("changes-requested");
        (await api.Review(network, id, network.Token)).ShouldBeProblem(409, code: "not-reviewable");

        var (status, amended, _) = await api.Amend(network, id, bob.Token, Claims.Work("10").With("evidenceUrl",
            "https://example.org/photos"));
        status.Should().Be(200, amended?.ToJsonString());
        amended!["status"]!.GetValue<string>().Should().Be("submitted");
        amended["round"]!.GetValue<int>().Should().Be(2);

        var (_, accepted, _) = await api.Review(network, id, network.Token);
        accepted!["status"]!.GetValue<string>().Should().Be("accepted");
        accepted["reviews"]!.AsArray().Select(r => r!["verdict"]!.GetValue<string>()).Should().Equal("request-changes",
            "approve");
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

        (await api.Review(network, id, network.Token, "reject", "Not this network's work"))
            .Body!["status"]!.GetValue<string>().Should().Be("rejected");
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
