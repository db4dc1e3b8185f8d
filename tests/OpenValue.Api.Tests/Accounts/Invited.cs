using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Accounts;

public static class Invited
{
    /// <summary>Founds a network and signs its founder in through the founding's invitation.</summary>
    public static async Task<(FoundedNetwork Network, Browser Browser, string InvitationUrl)> FoundAndSignIn(
        this ApiClient api, string login, string name = "Wikihouse Makers")
    {
        var founded = (await api.Post<NetworkFoundedResponse>("/networks", new { name, currency = "EUR",
            founder = new { name = "Ada" } })).Expect(201);
        var network = new FoundedNetwork(founded.NetworkId, founded.MemberId, founded.Token);
        var url = founded.InvitationUrl;
        var browser = new Browser(api);
        await browser.Accept(url, login);
        return (network, browser, url);
    }

    /// <summary>Admits a member and returns the invitation link that came with the admission.</summary>
    public static async Task<(Guid MemberId, string InvitationUrl)> AdmitInvited(
        this ApiClient api, FoundedNetwork network, string name, params string[] roles)
    {
        var admitted = (await api.Post<MemberAdmittedResponse>($"/networks/{network.NetworkId}/members",
            new { name, roles, stakeholderClass = "labour" }, network.Token)).Expect(201);
        return (admitted.MemberId, admitted.InvitationUrl);
    }

    public static string UniqueLogin(string who) => $"{who}-{Guid.NewGuid():N}@example.org";
}
