using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

[Collection(WebCollection.Name)]
public class joining_by_invitation(WebFixture web)
{
    [Fact]
    public async Task a_member_accepts_their_invitation_on_a_phone_and_switches_between_networks()
    {
        var first = await web.Api.Found("Alpha Makers");
        var second = await web.Api.Found("Beta Makers");
        var bobInFirst = await web.Api.Admit(first, "Bob", "contributor");
        var bobInSecond = await web.Api.Admit(second, "Bob B", "contributor");
        await using var bob = await web.Open(phone: true);
        var page = bob.Page;
        var login = Screens.UniqueLogin("bob");

        var uri = new Uri(bobInFirst.InvitationUrl);
        await bob.GoTo(uri.PathAndQuery + uri.Fragment);
        await Expect(page.Heading("Join Alpha Makers")).ToBeVisibleAsync();
        await Expect(page.GetByText("You are invited as Bob.", new() { Exact = false })).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();
        await bob.Screenshot("invitation");
        await bob.AcceptWithNewAccount(bobInFirst.InvitationUrl, login);
        await Expect(page.Heading("Alpha Makers")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(375,
            "nothing scrolls sideways on a phone");

        var secondUri = new Uri(bobInSecond.InvitationUrl);
        await bob.GoTo(secondUri.PathAndQuery + secondUri.Fragment);
        await Expect(page.Heading("Join Beta Makers")).ToBeVisibleAsync();
        await page.Button("Join as " + login).ClickAsync();
        await Expect(page.Heading("Beta Makers")).ToBeVisibleAsync();
        await page.GetByLabel("Network").SelectOptionAsync(new SelectOptionValue { Label = "Alpha Makers" });
        await Expect(page.Heading("Alpha Makers")).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();
    }

    [Fact]
    public async Task a_used_link_says_so()
    {
        var network = await web.Api.Found("Gamma Makers");
        var bob = await web.Api.Admit(network, "Bob", "contributor");
        await using (var first = await web.Open())
            await first.AcceptWithNewAccount(bob.InvitationUrl, Screens.UniqueLogin("bob"));

        await using var again = await web.Open();
        var uri = new Uri(bob.InvitationUrl);
        await again.GoTo(uri.PathAndQuery + uri.Fragment);
        await Expect(again.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used or expired");
        await again.ShouldBeAccessible();
    }
}
