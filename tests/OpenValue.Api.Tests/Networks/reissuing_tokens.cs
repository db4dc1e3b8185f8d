using OpenValue.Api.Security;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

[Collection(AppCollection.Name)]
public class reissuing_tokens(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<string> Reissue(FoundedNetwork network, Guid memberId, string token)
    {
        var reissued = await api.Post<TokenReissuedResponse>(
            $"/networks/{network.NetworkId}/members/{memberId}/token", null, token);
        return reissued.Expect(200).Token;
    }

    [Fact]
    public async Task a_member_replaces_their_own_token_and_the_old_one_stops_working()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var fresh = await Reissue(network, bob.MemberId, bob.Token);

        fresh.Should().NotBe(bob.Token);
        (await api.Get($"/networks/{network.NetworkId}/members", bob.Token)).ShouldBeProblem(401);
        (await api.Get($"/networks/{network.NetworkId}/members", fresh)).Status.Should().Be(200);
        var reissued = (await app.Events(network.NetworkId, network.NetworkId)).Last().Data;
        reissued.Should().BeEquivalentTo(new { NetworkId = network.NetworkId, MemberId = bob.MemberId, ReissuedBy = bob.MemberId });
        reissued.Should().BeOfType<MemberTokenReissued>();
    }

    [Fact]
    public async Task a_steward_replaces_a_members_lost_token_but_others_cannot()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var cy = await api.Admit(network, "Cy", "labour", "contributor", "treasurer");

        (await api.Post($"/networks/{network.NetworkId}/members/{bob.MemberId}/token", null, cy.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Get($"/networks/{network.NetworkId}/members", bob.Token)).Status.Should().Be(200, "a refused reissue changes nothing");

        var fresh = await Reissue(network, bob.MemberId, network.Token);
        (await api.Get($"/networks/{network.NetworkId}/members", bob.Token)).ShouldBeProblem(401);
        (await api.Get($"/networks/{network.NetworkId}/members", fresh)).Status.Should().Be(200);
        (await api.Post($"/networks/{network.NetworkId}/members/{Guid.NewGuid()}/token", null, network.Token)).ShouldBeProblem(404, code: "member-not-found");
    }
}
