using OpenValue.Api.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class listing_and_the_review_queue(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<IEnumerable<Guid>> Listed(FoundedNetwork network, string token, string query = "") =>
        (await api.Get<ContributionPage>(network.Url("/contributions" + query), token)).Expect(200).Items
        .Select(i => i.ContributionId);

    private async Task<IEnumerable<Guid>> Queued(FoundedNetwork network, string token) =>
        (await api.Get<ReviewQueuePage>(network.Url("/review-queue"), token)).Expect(200).Items
        .Select(i => i.ContributionId);

    [Fact]
    public async Task the_list_filters_by_status_member_and_project_and_pages_newest_first()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var project = await api.OpenProject(network, "Frame");
        var first = await api.Submit(network, bob.Token);
        var second = await api.Submit(network, bob.Token, Claims.Work().With("projectId", project.ToString()));
        var third = await api.Submit(network, network.Token);
        await api.Review(network, first, network.Token, "request-changes", "Photos please");

        var all = (await api.Get<ContributionPage>(network.Url("/contributions"), bob.Token)).Expect(200);
        all.Items.Select(i => i.ContributionId).Should().Equal(third, second, first);
        all.TotalCount.Should().Be(3);
        (await Listed(network, bob.Token, "?status=changes-requested")).Should().Equal(first);
        (await Listed(network, bob.Token, $"?memberId={network.MemberId}")).Should().Equal(third);
        (await Listed(network, bob.Token, $"?projectId={project}&status=submitted")).Should().Equal(second);

        var page2 = (await api.Get<ContributionPage>(network.Url("/contributions?page=2&pageSize=2"), bob.Token))
            .Expect(200);
        page2.Items.Select(i => i.ContributionId).Should().Equal(first);
        page2.Page.Should().Be(2);
        page2.PageSize.Should().Be(2);
        page2.TotalCount.Should().Be(3);
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("memberId=bob", "memberId")]
    [InlineData("projectId=1", "projectId")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task bad_filters_are_problems(string query, string field)
    {
        var network = await api.Found();
        (await api.Get(network.Url("/contributions?" + query), network.Token)).ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task the_queue_holds_others_claims_this_reviewer_has_not_judged_this_round_oldest_first()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var cy = await api.Admit(network, "Cy", "labour", "reviewer");
        await api.SetQuorum(network, 2);
        var older = await api.Submit(network, bob.Token);
        var newer = await api.Submit(network, bob.Token);
        var adas = await api.Submit(network, network.Token);

        (await Queued(network, network.Token)).Should().Equal(older, newer);
        (await Queued(network, cy.Token)).Should().Equal(older, newer, adas);
        // The page carries what the reviewer's screen shows beside it: the quorum and the authors' names.
        var queue = (await api.Get<ReviewQueuePage>(network.Url("/review-queue"), cy.Token)).Expect(200);
        queue.ApprovalsRequired.Should().Be(2);
        queue.Authors.Should().Equal(new AuthorName(network.MemberId, "Ada"), new AuthorName(bob.MemberId, "Bob"));

        await api.Review(network, older, network.Token);
        (await Queued(network, network.Token)).Should().Equal(newer);
        (await Queued(network, cy.Token)).Should().Contain(older);

        await api.Review(network, newer, cy.Token, "request-changes", "Which router?");
        (await Queued(network, network.Token)).Should().BeEmpty();
        (await api.Amend(network, newer, bob.Token, Claims.Work("2"))).Status.Should().Be(200);
        (await Queued(network, cy.Token)).Should().Equal(older, newer, adas);
    }

    [Fact]
    public async Task the_queue_is_for_reviewers_only()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        (await api.Get(network.Url("/review-queue"), bob.Token)).ShouldBeProblem(403, code: "role-required");
    }
}
