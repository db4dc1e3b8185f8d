using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// A member leaves the network on their own from "My share" on a 375 px screen: asked to confirm, refused without a
/// reason (shown at the field), then gone under the bad-leaver terms; the API then shows the departure and refuses
/// the member's own token.
/// </summary>
[Collection(WebCollection.Name)]
public class leaving_on_ones_own(WebFixture web)
{
    [Fact]
    public async Task a_member_leaves_after_confirming_and_can_no_longer_act()
    {
        var network = await web.Api.Found("Leaving Makers");
        var n = network.NetworkId;
        var dee = await web.Api.Admit(network, "Dee", "contributor");

        await using var member = await web.Open(phone: true);
        await member.AcceptWithNewAccount(dee.InvitationUrl, Screens.UniqueLogin("dee"));
        var page = member.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "My share" }).ClickAsync();
        await page.Button("Leave the network").ClickAsync();
        await Expect(page.Button("Stay")).ToBeFocusedAsync();
        await member.ShouldBeAccessible();
        await page.Button("Leave for good").ClickAsync();
        await page.ShouldShowProblemAt("Why you leave", "reason");
        (await web.Api.Get($"/networks/{n}/members/{dee.MemberId}", network.Token))["departure"]
            .Should().BeNull("a refused departure records nothing");

        await page.GetByLabel("Why you leave").FillAsync("Moving to another city");
        await page.Button("Leave the network").ClickAsync();
        await page.Button("Leave for good").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leaving the network" })).ToHaveCountAsync(0);
        var departed = await web.Api.Get($"/networks/{n}/members/{dee.MemberId}", network.Token);
        departed["departure"]!["terms"]!.GetValue<string>().Should().Be("bad-leaver");
        await web.Api.Send(HttpMethod.Get, $"/networks/{n}/members", dee.Token, expect: 403);
    }
}
