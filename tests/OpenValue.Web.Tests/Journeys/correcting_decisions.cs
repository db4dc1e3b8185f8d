using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// Corrections on a 375 px screen and on a desktop: Bob sets his payout details (a bad IBAN refused at the field
/// with the failed check, then a good one), appeals the rejection of his claim and asks the stewards to revoke
/// Ada's accepted one; Ada, the steward, finds that request on the Stewardship screen and revokes the acceptance,
/// records Cy's departure and erases Cy's personal data. Every outcome is compared with the API's.
/// </summary>
[Collection(WebCollection.Name)]
public class correcting_decisions(WebFixture web)
{
    [Fact]
    public async Task a_member_sets_payout_details_and_appeals_and_a_steward_revokes_records_a_departure_and_erases()
    {
        var network = await web.Api.Found("Correcting Makers");
        var n = network.NetworkId;
        await web.Api.AdoptHourlyRate(network, "10");
        var bob = await web.Api.Admit(network, "Bob", "contributor", "reviewer");
        var cy = await web.Api.Admit(network, "Cy", "contributor");
        await web.Api.Earn(network, network.Token, bob.Token, "2");
        await web.Api.Earn(network, cy.Token, network.Token, "1");
        var url = $"/networks/{n}/contributions";
        var claim = await web.Api.Send(HttpMethod.Post, url, bob.Token, new { kind = "work", quantity = "3",
            unit = "hour", occurredOn = "2026-11-20", description = "Frame drawings" }, 201);
        var rejected = claim["contributionId"]!.GetValue<Guid>();
        var read = await web.Api.Get($"{url}/{rejected}", network.Token);
        await web.Api.Send(HttpMethod.Post, $"{url}/{rejected}/reviews", network.Token, new { verdict = "reject",
            reason = "Drawn for another network", expectedVersion = read["version"]!.GetValue<long>() });

        await using var member = await web.Open(phone: true);
        await member.AcceptWithNewAccount(bob.InvitationUrl, Screens.UniqueLogin("bob"));
        var page = member.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "My share" }).ClickAsync();
        await Expect(page.GetByText("You have not set payout details yet")).ToBeVisibleAsync();
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("DE89 3704 0044 0532 0130 01");
        await page.Button("Save payout details").ClickAsync();
        await page.ShouldShowProblemAt("IBAN", "failed check: checksum");
        await member.ShouldBeAccessible();
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("de89370400440532013000");
        await page.GetByLabel("BIC (optional)").FillAsync("COBADEFFXXX");
        await page.Button("Save payout details").ClickAsync();
        await Expect(page.GetByText("Payout details saved.")).ToBeVisibleAsync();
        var details = await web.Api.Get($"/networks/{n}/members/{bob.MemberId}/payout-details", bob.Token);
        (details["iban"]!.GetValue<string>(), details["bic"]!.GetValue<string>())
            .Should().Be(("DE89 3704 0044 0532 0130 00", "COBADEFFXXX"));
        var shown = page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "DE89" });
        await Expect(shown).ToHaveTextAsync("DE89 3704 0044 0532 0130 00");

        await page.GetByRole(AriaRole.Link, new() { Name = "My claims" }).ClickAsync();
        await page.Button("Appeal “Frame drawings”").FocusAsync(); // by keyboard: Enter opens, the reason is next
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Reason for the appeal")).ToBeFocusedAsync();
        await page.Button("Appeal").ClickAsync();
        await page.ShouldShowProblemAt("Reason for the appeal", "reason");
        await page.GetByLabel("Reason for the appeal").FillAsync("Drawn for this network's frame");
        await page.Button("Appeal").ClickAsync();
        await Expect(page.GetByText("Waiting for review")).ToBeVisibleAsync();
        var appealed = await web.Api.Get($"{url}/{rejected}", bob.Token);
        (appealed["status"]!.GetValue<string>(), appealed["round"]!.GetValue<int>()).Should().Be(("submitted", 2));
        await Expect(page.Button("Revoke acceptance “2 hours in the workshop”")).ToHaveCountAsync(0);
        await page.Button("Ask stewards to revoke “2 hours in the workshop”").ClickAsync();
        await page.GetByLabel("Reason for the appeal").FillAsync("The router was borrowed");
        await page.Button("Ask stewards to revoke").ClickAsync();
        await Expect(page.GetByText("Appeal sent.")).ToBeVisibleAsync();
        var asked = (await web.Api.Get($"{url}?revocationRequested=true", network.Token))["items"]!.AsArray();
        asked.Select(c => c!["description"]!.GetValue<string>()).Should().Equal("2 hours in the workshop");
        await member.ShouldBeAccessible();
        await member.Screenshot("corrections");

        await using var steward = await web.Open();
        await steward.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        page = steward.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Stewardship" }).ClickAsync();
        var requests = page.GetByRole(AriaRole.List, new() { Name = "Claims members asked to revoke" });
        await Expect(requests.GetByText("Bob asks to revoke: The router was borrowed")).ToBeVisibleAsync();
        await steward.ShouldBeAccessible();
        await requests.GetByRole(AriaRole.Button, new() { Name = "Revoke acceptance “2 hours in the workshop”" })
            .ClickAsync();
        await page.GetByLabel("Reason for the revocation").FillAsync("The router was borrowed, not built");
        await page.Button("Revoke acceptance").ClickAsync();
        await Expect(page.GetByText("No member has asked to revoke an accepted claim.")).ToBeVisibleAsync();
        var revoked = (await web.Api.Get($"{url}?memberId={network.MemberId}", network.Token))["items"]!.AsArray()
            .Single(c => c!["description"]!.GetValue<string>() == "2 hours in the workshop")!;
        (revoked["status"]!.GetValue<string>(), revoked["points"]!.GetValue<string>()).Should().Be(("revoked", "0"));

        await page.Button("Manage Cy").ClickAsync();
        var departure = page.GetByRole(AriaRole.Form, new() { Name = "Departure of Cy" });
        await departure.GetByLabel("Terms").SelectOptionAsync("good-leaver");
        await departure.GetByRole(AriaRole.Button, new() { Name = "Record departure" }).ClickAsync();
        await page.ShouldShowProblemAt("Reason for the departure", "reason");
        await departure.GetByLabel("Reason for the departure").FillAsync("Moved to another town");
        await departure.GetByRole(AriaRole.Button, new() { Name = "Record departure" }).ClickAsync();
        await Expect(page.GetByText("(good-leaver)")).ToBeVisibleAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var cyNow = await web.Api.Get($"/networks/{n}/members/{cy.MemberId}", network.Token);
        (cyNow["departure"]!["on"]!.GetValue<string>(), cyNow["departure"]!["terms"]!.GetValue<string>())
            .Should().Be((today, "good-leaver"));
        await steward.ShouldBeAccessible();

        await page.Button("Erase personal data of Cy").ClickAsync();
        await Expect(page.Button("Keep the data")).ToBeFocusedAsync(); // the safe choice has the keyboard
        await page.Keyboard.PressAsync("Enter");
        await page.Button("Erase personal data of Cy").ClickAsync();
        await page.Button("Yes, erase Cy").ClickAsync();
        var members = page.GetByRole(AriaRole.List, new() { Name = "Members to manage" });
        await Expect(members.GetByText("erased member", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(members.GetByText("Cy", new() { Exact = true })).ToHaveCountAsync(0);
        var erased = await web.Api.Get($"/networks/{n}/members/{cy.MemberId}", network.Token);
        (erased["name"]!.GetValue<string>(), erased["erased"]!.GetValue<bool>()).Should().Be(("erased member", true));
        await steward.ShouldBeAccessible();
        await steward.Screenshot("steward-corrections");

        await page.GetByRole(AriaRole.Link, new() { Name = "My claims" }).ClickAsync();
        await Expect(page.GetByText("Revoked", new() { Exact = true })).ToBeVisibleAsync();
    }
}
