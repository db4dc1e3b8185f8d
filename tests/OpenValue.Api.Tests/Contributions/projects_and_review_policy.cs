using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Projects;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class projects_and_review_policy(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_steward_opens_projects_that_members_list_and_claims_reference()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var frame = await api.OpenProject(network, "Frame v2");

        var listed = (await api.Get<ProjectsResponse>(network.Url("/projects"), bob.Token)).Expect(200).Projects
            .Single();
        listed.ProjectId.Should().Be(frame);
        listed.Name.Should().Be("Frame v2");

        var id = await api.Submit(network, bob.Token, Claims.Work().With("projectId", frame.ToString()));
        (await api.Get<ContributionResponse>(network.Url($"/contributions/{id}"), bob.Token)).Expect(200).ProjectId
            .Should().Be(frame);
        (await app.Events(network.NetworkId, network.NetworkId)).Should().Contain(e => e.Data is ProjectOpened);
    }

    [Fact]
    public async Task opening_refuses_non_stewards_blank_names_and_duplicates()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        await api.OpenProject(network, "Frame");
        var before = await app.EventCount(network.NetworkId);

        (await api.Post(network.Url("/projects"), new { name = "Other" }, bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(network.Url("/projects"), new { name = " " }, network.Token)).ShouldBeProblem(400, "name");
        (await api.Post(network.Url("/projects"), new { name = "frame" }, network.Token)).ShouldBeProblem(409, code: "project-exists");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_project_of_another_network_is_not_a_project_here()
    {
        var network = await api.Found();
        var other = await api.Found("Other");
        var elsewhere = await api.OpenProject(other, "Elsewhere");
        (await api.Post(network.Url("/contributions"), Claims.Work().With("projectId", elsewhere.ToString()), network.Token))
            .ShouldBeProblem(400, "projectId");
    }

    [Fact]
    public async Task the_review_policy_is_set_by_a_steward_within_bounds()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "reviewer");
        (await api.Get<ReviewPolicyResponse>(network.Url("/review-policy"), bob.Token)).Expect(200)
            .ApprovalsRequired.Should().Be(1);
        (await api.Post(network.Url("/review-policy"), new { approvalsRequired = 2 }, bob.Token)).ShouldBeProblem(403);
        (await api.Post(network.Url("/review-policy"), new { approvalsRequired = 0 }, network.Token)).ShouldBeProblem(400, "approvalsRequired");
        (await api.Post(network.Url("/review-policy"), new { }, network.Token)).ShouldBeProblem(400, "approvalsRequired");
        (await app.EventCount(network.NetworkId)).Should().Be(3);

        await api.SetQuorum(network, 3);
        await api.SetQuorum(network, 3);
        (await app.Events(network.NetworkId, network.NetworkId)).Last().Data.Should().Be(
            new ReviewPolicySet(network.NetworkId, 3, network.MemberId, AppFixture.Start));
        (await app.EventCount(network.NetworkId)).Should().Be(4, "setting the quorum in force again appends nothing");
    }
}
