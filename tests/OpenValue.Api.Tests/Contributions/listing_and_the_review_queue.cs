using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class listing_and_the_review_queue(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static IEnumerable<string> Ids(System.Text.Json.Nodes.JsonNode? page) =>
        page!["items"]!.AsArray().Select(i => i!["contributionId"]!.GetValue<string>());

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

        var all = await api.Get(network.Url("/contributions"), bob.Token);
        Ids(all.Body).Should().Equal(third.ToString(), second.ToString(), first.ToString());
        all.Body!["totalCount"]!.GetValue<long>().Should().Be(3);
        Ids((await api.Get(network.Url("/contributions?status=changes-requested"), bob.Token)).Body).Should()
            .Equal(first.ToString());
        Ids((await api.Get(network.Url($"/contributions?memberId={network.MemberId}"), bob.Token)).Body).Should()
            .Equal(third.ToString());
        Ids((await api.Get(network.Url($"/contributions?projectId={project}&status=submitted"), bob.Token)).Body)
            .Should().Equal(second.ToString());

        var (_, page2, _) = await api.Get(network.Url("/contributions?page=2&pageSize=2"), bob.Token);
        Ids(page2).Should().Equal(first.ToString());
        page2!["page"]!.GetValue<int>().Should().Be(2);
        page2["pageSize"]!.GetValue<int>().Should().Be(2);
        page2["totalCount"]!.GetValue<long>().Should().Be(3);
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

        Ids((await api.Get(network.Url("/review-queue"), network.Token)).Body).Should().Equal(older.ToString(),
            newer.ToString());
        Ids((await api.Get(network.Url("/review-queue"), cy.Token)).Body).Should().Equal(older.ToString(),
            newer.ToString(), adas.ToString());
        // The page carries what the reviewer's screen shows beside it: the quorum and the authors' names.
        var queue = (await api.Get(network.Url("/review-queue"), cy.Token)).Body!;
        queue["approvalsRequired"]!.GetValue<int>().Should().Be(2);
        queue["authors"]!.ToJsonString().Should().Be(
            $"[{{\"memberId\":\"{network.MemberId}\",\"name\":\"Ada\"}}," +
            $"{{\"memberId\":\"{bob.MemberId}\",\"name\":\"Bob\"}}]");

        await api.Review(network, older, network.Token);
        Ids((await api.Get(network.Url("/review-queue"), network.Token)).Body).Should().Equal(newer.ToString());
        Ids((await api.Get(network.Url("/review-queue"), cy.Token)).Body).Should().Contain(older.ToString());

        await api.Review(network, newer, cy.Token, "request-changes", "Which router?");
        Ids((await api.Get(network.Url("/review-queue"), network.Token)).Body).Should().BeEmpty();
        (await api.Amend(network, newer, bob.Token, Claims.Work("2"))).Status.Should().Be(200);
        Ids((await api.Get(network.Url("/review-queue"), cy.Token)).Body).Should().Equal(older.ToString(),
            newer.ToString(), adas.ToString());
    }

    [Fact]
    public async Task the_queue_is_for_reviewers_only()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        (await api.Get(network.Url("/review-queue"), bob.Token)).ShouldBeProblem(403, code: "role-required");
    }
}
