using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

[Collection(WebCollection.Name)]
public class admitting_members(WebFixture web)
{
    [Fact]
    public async Task a_steward_admits_a_member_copies_the_link_and_the_member_joins_with_it()
    {
        var network = await web.Api.Found("Admitting Makers");
        await using var ada = await web.Open();
        await ada.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        await ada.Page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();

        await ada.Page.Button("Admit").ClickAsync();
        await ada.Page.ShouldShowProblemAt("Name", "name");
        var link = await ada.Page.AdmitAndCopyLink("Bob", "contributor", "reviewer");
        link.Should().StartWith(web.Server.Address + "app/invitation#");
        await Expect(ada.Page.GetByText("contributor, reviewer · labour")).ToBeVisibleAsync();
        await ada.ShouldBeAccessible();
        await ada.Screenshot("members");

        await using var bob = await web.Open(phone: true);
        await bob.AcceptWithNewAccount(link, Screens.UniqueLogin("bob"));
        await Expect(bob.Page.Heading("Admitting Makers")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Link, new() { Name = "Review" })).ToBeVisibleAsync();

        await ada.Page.Button("New invitation link for Bob").ClickAsync();
        var list = ada.Page.GetByRole(AriaRole.List, new() { Name = "Members" });
        var fresh = await list.GetByLabel("Invitation link for Bob (works once, for 7 days)").InputValueAsync();
        fresh.Should().NotBe(link);
        var members = await web.Api.Get($"/networks/{network.NetworkId}/members", network.Token);
        members["members"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).Should().Equal("Ada", "Bob");
    }
}
