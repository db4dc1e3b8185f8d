using OpenValue.Api.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class amending_and_withdrawing(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task the_author_amends_before_any_review_but_not_once_review_began()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var cy = await api.Admit(network, "Cy", "labour", "reviewer");
        await api.SetQuorum(network, 2);
        var id = await api.Submit(network, bob.Token);

        var amended = (await api.Amend(network, id, bob.Token, Claims.Work("3").With("description",
            "Jig, second try"))).Expect(200);
        amended.Quantity.Should().Be("3");
        amended.Round.Should().Be(1);

        (await api.Review(network, id, cy.Token)).Status.Should().Be(200);
        (await api.Amend(network, id, bob.Token, Claims.Work("4"))).ShouldBeProblem(409, code: "not-amendable");
        (await app.Events(network.NetworkId, id)).Select(e => e.Data.GetType())
            .Should().Equal(typeof(ContributionSubmitted), typeof(ContributionAmended), typeof(ContributionReviewed));
    }

    [Fact]
    public async Task an_amendment_is_validated_like_a_submission()
    {
        var network = await api.Found();
        var id = await api.Submit(network, network.Token);
        (await api.Amend(network, id, network.Token, Claims.Work("0"))).ShouldBeProblem(400, "quantity");
        (await api.Amend(network, id, network.Token, Claims.Work().With("unit", "point"))).ShouldBeProblem(400, "unit");
        (await app.Events(network.NetworkId, id)).Should().ContainSingle();
    }

    [Fact]
    public async Task only_the_author_may_amend_or_withdraw()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        (await api.Amend(network, id, network.Token, Claims.Work("1"))).ShouldBeProblem(403, code: "not-author");
        (await api.Post(network.Url($"/contributions/{id}/withdrawal"), null, network.Token)).ShouldBeProblem(403, code: "not-author");
        (await app.Events(network.NetworkId, id)).Should().ContainSingle();
    }

    [Fact]
    public async Task a_withdrawn_claim_leaves_the_queue_and_cannot_be_reviewed_or_amended()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        var withdrawn = await api.Post<ContributionResponse>(network.Url($"/contributions/{id}/withdrawal"), null,
            bob.Token);
        withdrawn.Expect(200).Status.Should().Be(ContributionStatus.Withdrawn);

        (await api.Review(network, id, network.Token)).ShouldBeProblem(409, code: "not-reviewable");
        (await api.Amend(network, id, bob.Token, Claims.Work())).ShouldBeProblem(409, code: "not-amendable");
        (await api.Post(network.Url($"/contributions/{id}/withdrawal"), null, bob.Token)).ShouldBeProblem(409, code: "not-withdrawable");
        (await api.Get<ReviewQueuePage>(network.Url("/review-queue"), network.Token)).Expect(200).Items.Should()
            .BeEmpty();
    }

    [Fact]
    public async Task an_unknown_contribution_is_404()
    {
        var network = await api.Found();
        var unknown = Guid.NewGuid();
        (await api.Get(network.Url($"/contributions/{unknown}"), network.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await api.Review(network, unknown, network.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await api.Amend(network, unknown, network.Token, Claims.Work())).ShouldBeProblem(404, code: "contribution-not-found");
        (await api.Review(network, network.NetworkId, network.Token)).ShouldBeProblem(404, code: "contribution-not-found");
    }
}
