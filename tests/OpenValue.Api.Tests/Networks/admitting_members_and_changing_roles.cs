using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

[Collection(AppCollection.Name)]
public class admitting_members_and_changing_roles(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_steward_admits_a_member_who_can_then_list_members()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");

        var members = await api.Get<MembersResponse>($"/networks/{network.NetworkId}/members", bob.Token);
        var listed = members.Expect(200).Members.Single(m => m.MemberId == bob.MemberId);
        listed.Roles.Should().Equal(Role.Contributor, Role.Reviewer);
        listed.StakeholderClass.Should().Be(StakeholderClass.Labour);
    }

    [Fact]
    public async Task fields_the_caller_may_not_set_are_not_bound()
    {
        var network = await api.Found();
        var other = await api.Found("Other");
        var chosenId = Guid.NewGuid();
        var memberId = (await api.Post<MemberAdmittedResponse>($"/networks/{network.NetworkId}/members",
            new { name = "Eve", roles = new[] { "contributor" }, stakeholderClass = "user", memberId = chosenId,
                networkId = other.NetworkId, id = chosenId },
            network.Token)).Expect(201).MemberId;
        memberId.Should().NotBe(chosenId);
        (await app.EventCount(other.NetworkId)).Should().Be(2, "nothing lands in the network named in the body");
        var admitted = (await app.Events(network.NetworkId, network.NetworkId)).Last().Data.Should()
            .BeOfType<MemberAdmitted>().Which;
        admitted.MemberId.Should().Be(memberId);
        admitted.NetworkId.Should().Be(network.NetworkId);
    }

    [Fact]
    public async Task role_changes_take_effect_on_the_next_request()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var admitAsBob = () => api.Post($"/networks/{network.NetworkId}/members", new { name = "Cy",
            roles = new[] { "contributor" }, stakeholderClass = "user" }, bob.Token);

        (await admitAsBob()).ShouldBeProblem(403, code: "role-required");

        var granted = await api.Post<MemberResponse>($"/networks/{network.NetworkId}/members/{bob.MemberId}/roles",
            new { grant = new[] { "steward" } }, network.Token);
        granted.Expect(200).Roles.Should().Equal(Role.Contributor, Role.Steward);
        (await admitAsBob()).Status.Should().Be(201);

        (await api.Post($"/networks/{network.NetworkId}/members/{bob.MemberId}/roles",
            new { revoke = new[] { "steward" } }, network.Token)).Status.Should().Be(200);
        (await admitAsBob()).ShouldBeProblem(403);
    }

    [Fact]
    public async Task the_last_steward_keeps_the_role_and_the_stream_is_unchanged()
    {
        var network = await api.Found();
        await api.Admit(network, "Bob", "labour", "contributor");
        var before = await app.EventCount(network.NetworkId);

        (await api.Post($"/networks/{network.NetworkId}/members/{network.MemberId}/roles",
            new { revoke = new[] { "steward" } }, network.Token))
            .ShouldBeProblem(409, code: "last-steward");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_steward_can_hand_over_and_step_down()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "steward");
        var revoked = await api.Post<MemberResponse>(
            $"/networks/{network.NetworkId}/members/{network.MemberId}/roles", new { revoke = new[] { "steward" } },
            network.Token);
        revoked.Expect(200).Roles.Should().NotContain(Role.Steward);
        (await api.Post($"/networks/{network.NetworkId}/members/{bob.MemberId}/roles",
            new { revoke = new[] { "steward" } }, bob.Token))
            .ShouldBeProblem(409, code: "last-steward");
    }

    [Fact]
    public async Task two_stewards_stepping_down_at_once_leave_one_steward()
    {
        // Each decision alone is allowed (another steward exists); together they would leave none. Both read
        // the same network version, so the second append fails its version check.
        for (var round = 0; round < 5; round++)
        {
            var network = await api.Found();
            var bob = await api.Admit(network, "Bob", "labour", "contributor", "steward");
            var results = await Task.WhenAll(
                api.Post($"/networks/{network.NetworkId}/members/{network.MemberId}/roles",
                    new { revoke = new[] { "steward" } }, network.Token),
                api.Post($"/networks/{network.NetworkId}/members/{bob.MemberId}/roles",
                    new { revoke = new[] { "steward" } }, bob.Token));

            results.Count(r => r.Status == 200).Should().Be(1);
            results.Single(r => r.Status != 200).Status.Should().Be(409);
            var members = await api.Get<MembersResponse>($"/networks/{network.NetworkId}/members", network.Token);
            members.Expect(200).Members.Count(m => m.Roles.Contains(Role.Steward)).Should().Be(1);
            (await app.Events(network.NetworkId, network.NetworkId)).Count(e => e.Data is MemberRoleRevoked).Should()
                .Be(1);
        }
    }

    [Theory]
    [InlineData("""{"roles":["contributor"],"stakeholderClass":"labour"}""", "name")]
    [InlineData("""{"name":"Bob","roles":["boss"],"stakeholderClass":"labour"}""", "roles[0]")]
    [InlineData("""{"name":"Bob","roles":["user"],"stakeholderClass":"labour"}""", "roles[0]")]
    [InlineData("""{"name":"Bob","roles":["Steward"],"stakeholderClass":"labour"}""", "roles[0]")]
    [InlineData("""{"name":"Bob","roles":[],"stakeholderClass":"labour"}""", "roles")]
    [InlineData("""{"name":"Bob","roles":["contributor"],"stakeholderClass":"owner"}""", "stakeholderClass")]
    [InlineData("""{"name":"Bob","roles":["contributor"],"stakeholderClass":"Labour"}""", "stakeholderClass")]
    [InlineData("""{"name":"Bob","roles":["contributor"]}""", "stakeholderClass")]
    [InlineData("""{"name":"\u200b\u200b","roles":["contributor"],"stakeholderClass":"labour"}""", "name")]
    [InlineData("""{"name":"Bob\u202egnp","roles":["contributor"],"stakeholderClass":"labour"}""", "name")]
    [InlineData("""{"name":"Bob\nSmith","roles":["contributor"],"stakeholderClass":"labour"}""", "name")]
    public async Task bad_admissions_are_problems_and_append_nothing(string body, string field)
    {
        var network = await api.Found();
        (await api.Post($"/networks/{network.NetworkId}/members", body, network.Token)).ShouldBeProblem(400, field);
        (await app.EventCount(network.NetworkId)).Should().Be(2);
    }

    [Fact]
    public async Task bad_role_changes_are_problems_and_append_nothing()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var url = $"/networks/{network.NetworkId}/members/{bob.MemberId}/roles";
        (await api.Post(url, new { grant = new[] { "king" } }, network.Token)).ShouldBeProblem(400, "grant[0]");
        (await api.Post(url, new { }, network.Token)).ShouldBeProblem(400, "grant");
        (await api.Post(url, new { grant = new[] { "reviewer" }, revoke = new[] { "reviewer" } }, network.Token))
            .ShouldBeProblem(400, "revoke");
        (await api.Post($"/networks/{network.NetworkId}/members/{Guid.NewGuid()}/roles",
            new { grant = new[] { "reviewer" } }, network.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(3);
    }
}
