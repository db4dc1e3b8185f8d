using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// A contributor claims three pieces of work in the browser; a reviewer approves one, rejects one with a reason
/// and asks for changes on the third; the figures the screens show are the API's, and the API's are the ones
/// computed by hand: 2 hours at 10 points an hour, multiplier 1, is 20 points, all of the network's.
/// </summary>
[Collection(WebCollection.Name)]
public class claiming_and_reviewing(WebFixture web)
{
    private static async Task Decide(IPage page)
    {
        var description = await page.ClaimUnderReview();
        await page.Review(description switch
        {
            "Router jig" => "Approve",
            "Frame drawings" => "Reject",
            _ => "Request changes",
        });
    }

    [Fact]
    public async Task a_contributor_claims_and_a_reviewer_approves_rejects_and_requests_changes()
    {
        var network = await web.Api.Found("Claims Makers");
        await web.Api.AdoptHourlyRate(network, "10");
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        var cyInvite = await web.Api.Admit(network, "Cy", "reviewer");

        await using var bob = await web.Open();
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "My claims" }).ClickAsync();
        await Expect(bob.Page.GetByText("You have not submitted a claim yet.")).ToBeVisibleAsync();
        await bob.Page.GetByLabel("Quantity (hour)").FillAsync("0");
        await bob.Page.GetByLabel("What you did").FillAsync("Nothing yet");
        await bob.Page.Button("Submit claim").ClickAsync();
        await bob.Page.ShouldShowProblemAt("Quantity (hour)", "more than 0");
        await bob.ShouldBeAccessible();
        foreach (var (hours, what) in new[] { ("2", "Router jig"), ("3", "Frame drawings"), ("1.5", "Tidy workshop") })
            await bob.Page.Claim(hours, what);
        await Expect(bob.Page.GetByText("Waiting for review")).ToHaveCountAsync(3);
        await bob.Screenshot("claims");

        await using var cy = await web.Open(phone: true);
        await cy.AcceptWithNewAccount(cyInvite.InvitationUrl, Screens.UniqueLogin("cy"));
        await cy.Page.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(cy.Page.GetByText("3 waiting for you")).ToBeVisibleAsync();
        await Expect(cy.Page.GetByTestId("queue-progress")).ToHaveTextAsync(Enumerable.Repeat("0 of 1 approvals", 3));
        await cy.ShouldBeAccessible();
        await cy.Screenshot("review");
        for (var i = 0; i < 3; i++)
            await Decide(cy.Page);
        await Expect(cy.Page.GetByText("No claims are waiting for your review.")).ToBeVisibleAsync();

        var claims = (await web.Api.Get($"/networks/{network.NetworkId}/contributions?memberId={bobInvite.MemberId}",
            bobInvite.Token))["items"]!
            .AsArray().ToDictionary(c => c!["description"]!.GetValue<string>(), c => c!);
        claims["Router jig"]["status"]!.GetValue<string>().Should().Be("accepted");
        claims["Router jig"]["points"]!.GetValue<string>().Should().Be("20");
        claims["Frame drawings"]["status"]!.GetValue<string>().Should().Be("rejected");
        claims["Frame drawings"]["reviews"]![0]!["reason"]!.GetValue<string>()
            .Should().Be("Reject: see the workshop notes");
        claims["Tidy workshop"]["status"]!.GetValue<string>().Should().Be("changes-requested");

        await bob.Page.ReloadAsync();
        await Expect(bob.Page.GetByText("Accepted", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(bob.Page.GetByText("Reviewer (reject): Reject: see the workshop notes")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByText("Changes requested", new() { Exact = true })).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();

        var shares = await web.Api.Get($"/networks/{network.NetworkId}/shares", bobInvite.Token);
        shares["totalPoints"]!.GetValue<string>().Should().Be("20");
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(bob.Page.GetByTestId("total-points")).ToHaveTextAsync("20");
        await Expect(bob.Page.GetByTestId("my-points")).ToHaveTextAsync("20");
        await Expect(bob.Page.GetByTestId("my-share")).ToHaveTextAsync("100.00 %");
        await Expect(bob.Page.GetByRole(AriaRole.Img, new() { Name = "Shares: Bob 100.00 %" })).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();
        await bob.Screenshot("dashboard");
    }

    [Fact]
    public async Task a_contributor_amends_a_claim_a_reviewer_asked_to_change()
    {
        var network = await web.Api.Found("Amending Makers");
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        var claim = await web.Api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/contributions", bobInvite.Token,
            new { kind = "work", quantity = "1.5", unit = "hour", occurredOn = "2026-11-20",
                description = "Tidy workshop" },
            201);
        var id = claim["contributionId"]!.GetValue<Guid>();
        var read = await web.Api.Get($"/networks/{network.NetworkId}/contributions/{id}", network.Token);
        await web.Api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/contributions/{id}/reviews", network.Token,
            new { verdict = "request-changes", reason = "Say which workshop",
                expectedVersion = read["version"]!.GetValue<long>() });

        await using var bob = await web.Open();
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "My claims" }).ClickAsync();
        var form = await bob.Page.FillAmendment("Tidy workshop", "Tidy the north workshop", "2");
        await bob.ShouldBeAccessible();
        await form.SendAmendment();

        await Expect(bob.Page.GetByText("Tidy the north workshop", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(bob.Page.GetByText("Waiting for review")).ToHaveCountAsync(1);
        var amended = await web.Api.Get($"/networks/{network.NetworkId}/contributions/{id}", bobInvite.Token);
        amended["status"]!.GetValue<string>().Should().Be("submitted");
        amended["quantity"]!.GetValue<string>().Should().Be("2");
        amended["round"]!.GetValue<int>().Should().Be(2);
    }
}
