using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Integrity;

[Collection(AppCollection.Name)]
public class who_may_verify(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task stewards_and_treasurers_may_others_may_not_and_another_network_cannot_see_it()
    {
        var network = await api.Found();
        var treasurer = await api.Admit(network, "Tess", "labour", "treasurer");
        var steward = await api.Admit(network, "Stu", "labour", "steward");
        var member = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        var other = await api.Found("Elsewhere");

        (await api.Get(network.Url("/integrity"), treasurer.Token)).Status.Should().Be(200);
        (await api.Get(network.Url("/integrity"), steward.Token)).Status.Should().Be(200);
        (await api.Get(network.Url("/integrity"), member.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Get(network.Url("/integrity"), other.Token)).ShouldBeProblem(404);
        (await api.Get(network.Url("/integrity"))).ShouldBeProblem(401);
    }
}
