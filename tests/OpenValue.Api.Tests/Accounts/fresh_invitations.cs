using OpenValue.Api.Accounts;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Accounts;

[Collection(AppCollection.Name)]
public class fresh_invitations(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<string> Reissue(FoundedNetwork network, Guid memberId)
    {
        var issued = (await api.Post<InvitationIssuedResponse>(
            $"/networks/{network.NetworkId}/members/{memberId}/invitation", null, network.Token)).Expect(200);
        issued.MemberId.Should().Be(memberId);
        return issued.InvitationUrl;
    }

    [Fact]
    public async Task a_member_who_lost_access_gets_in_with_a_new_account_and_the_old_one_loses_the_network()
    {
        var network = await api.Found();
        var (bobId, first) = await api.AdmitInvited(network, "Bob", "contributor");
        var lost = new Browser(api);
        await lost.Accept(first, Invited.UniqueLogin("bob-old"));

        var fresh = await Reissue(network, bobId);
        var found = new Browser(api);
        var body = await found.Accept(fresh, Invited.UniqueLogin("bob-new"));

        body.Networks.Single().MemberId.Should().Be(bobId);
        (await found.Get($"/networks/{network.NetworkId}/members")).Status.Should().Be(200);
        (await lost.Get($"/networks/{network.NetworkId}/members")).ShouldBeProblem(404, code: "network-not-found");
        (await lost.Get<AccountResponse>("/accounts/me")).Expect(200).Networks.Should().BeEmpty();
    }

    [Fact]
    public async Task a_fresh_invitation_ends_the_unused_earlier_one()
    {
        var network = await api.Found();
        var (bobId, first) = await api.AdmitInvited(network, "Bob", "contributor");
        var fresh = await Reissue(network, bobId);

        (await api.Post("/accounts/invitations/preview", new { token = Browser.Token(first) })).ShouldBeProblem(404,
            field: "token");
        (await api.Post("/accounts/invitations/preview", new { token = Browser.Token(fresh) })).Status.Should().Be(200);
    }

    [Fact]
    public async Task only_a_steward_issues_one_and_only_for_a_member_of_the_network()
    {
        var network = await api.Found();
        var other = await api.Found("Other");
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "treasurer");
        var url = $"/networks/{network.NetworkId}/members/{bob.MemberId}/invitation";

        (await api.Post(url, null, bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(url, null)).ShouldBeProblem(401);
        (await api.Post(url, null, other.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await api.Post($"/networks/{network.NetworkId}/members/{other.MemberId}/invitation", null, network.Token))
            .ShouldBeProblem(404, code: "member-not-found");
    }
}
