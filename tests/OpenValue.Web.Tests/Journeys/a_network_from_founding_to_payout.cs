using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// One network's whole story through the screens only, no token anywhere: Ada founds it in the browser, adopts
/// 10 points an hour and admits Bob (contributor, on a 375 px phone), Cy (reviewer) and Dee (treasurer), copying
/// each one's link; each joins with it. Bob claims three pieces of work, Ada one; Cy approves Bob's router jig
/// (2 h, 20 points) and Ada's wall panels (1 h, 10), rejects Bob's drawings with a reason and asks for changes on his
/// tidying, which Bob amends to 2 h and Cy then approves (20). Dee records 100.00 EUR and proposes it pro-rata;
/// Ada, the second treasurer, approves and issues the payouts: Bob holds 40 of 50 points, so 80.00, and Ada 20.00.
/// The CSV has those two rows, and Bob finds his 80.00 in My payouts. Every figure is compared with the API's,
/// read with the signed-in browser's own session.
/// </summary>
[Collection(WebCollection.Name)]
public class a_network_from_founding_to_payout(WebFixture web)
{
    private static readonly Dictionary<string, (string Verdict, string? Reason)> Decisions = new()
    {
        ["Router jig"] = ("Approve", null),
        ["Wall panels"] = ("Approve", null),
        ["Frame drawings"] = ("Reject", "Drawn for another network"),
        ["Tidy workshop"] = ("Request changes", "Say which workshop"),
        ["Tidy the north workshop"] = ("Approve", null),
    };

    [Fact]
    public async Task a_steward_founds_members_claim_and_review_treasurers_pay_and_the_contributor_sees_it()
    {
        await using var ada = await web.Open();
        var n = await ada.Found("Journey Makers", "Ada", Screens.UniqueLogin("ada"));
        await AdoptTenPointsAnHour(ada.Page);
        await ada.Page.Link("Members").ClickAsync();
        var links = new Dictionary<string, string>
        {
            ["Bob"] = await ada.Page.AdmitAndCopyLink("Bob", "contributor"),
            ["Cy"] = await ada.Page.AdmitAndCopyLink("Cy", "reviewer"),
            ["Dee"] = await ada.Page.AdmitAndCopyLink("Dee", "treasurer"),
        };
        links.Values.Should().OnlyContain(l => l.StartsWith(web.Server.Address + "app/invitation#"))
            .And.OnlyHaveUniqueItems();
        var members = (await ada.Get($"/networks/{n}/members"))["members"]!.AsArray()
            .ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["memberId"]!.GetValue<Guid>());
        members.Keys.Should().Equal("Ada", "Bob", "Cy", "Dee");

        await using var bob = await web.Open(phone: true);
        var bobLogin = Screens.UniqueLogin("bob");
        await bob.AcceptWithNewAccount(links["Bob"], bobLogin);
        await SignOutAndIn(bob.Page, bobLogin, "Journey Makers");
        await bob.Page.Link("My claims").ClickAsync();
        foreach (var (hours, what) in new[] { ("2", "Router jig"), ("3", "Frame drawings"), ("1.5", "Tidy workshop") })
            await bob.Page.Claim(hours, what);
        await ada.Page.Link("My claims").ClickAsync();
        await ada.Page.Claim("1", "Wall panels");

        await using var cy = await web.Open();
        await cy.AcceptWithNewAccount(links["Cy"], Screens.UniqueLogin("cy"));
        await cy.Page.Link("Review").ClickAsync();
        await Expect(cy.Page.GetByText("4 waiting for you")).ToBeVisibleAsync();
        await ReviewAll(cy.Page, 4);
        await Expect(cy.Page.GetByText("No claims are waiting for your review.")).ToBeVisibleAsync();

        await bob.Page.ReloadAsync();
        await ShouldShowClaimsAsTheApiHasThem(bob, n, members["Bob"], ("Router jig", "accepted"),
            ("Frame drawings", "rejected"), ("Tidy workshop", "changes-requested"));
        var form = await bob.Page.FillAmendment("Tidy workshop", "Tidy the north workshop", "2");
        await form.SendAmendment();
        await Expect(bob.Page.GetByText("Waiting for review")).ToHaveCountAsync(1);
        await cy.Page.ReloadAsync();
        await ReviewAll(cy.Page, 1);
        await bob.Page.ReloadAsync();
        await ShouldShowClaimsAsTheApiHasThem(bob, n, members["Bob"], ("Router jig", "accepted"),
            ("Frame drawings", "rejected"), ("Tidy the north workshop", "accepted"));
        await bob.ShouldBeAccessible();

        await bob.Page.Link("Dashboard").ClickAsync();
        var shares = await bob.Get($"/networks/{n}/shares");
        (shares["totalPoints"]!.GetValue<string>(), Percent(shares, "Bob"), Percent(shares, "Ada"))
            .Should().Be(("50", "80.00", "20.00"));
        await Expect(bob.Page.GetByTestId("total-points")).ToHaveTextAsync("50");
        await Expect(bob.Page.GetByTestId("my-points")).ToHaveTextAsync("40");
        await Expect(bob.Page.GetByTestId("my-share")).ToHaveTextAsync("80.00 %");

        await bob.Page.Link("My payouts").ClickAsync();
        await Expect(bob.Page.GetByText("Nothing has been paid to you yet.", new() { Exact = false }))
            .ToBeVisibleAsync();

        await using var dee = await web.Open();
        await dee.AcceptWithNewAccount(links["Dee"], Screens.UniqueLogin("dee"));
        await dee.Page.Link("Treasury").ClickAsync();
        await dee.Page.RecordIncome("100.00", "licence-fee", "€100.00");
        await dee.Page.Link("Distributions").ClickAsync();
        await dee.Page.GetByLabel("Amount (EUR)").FillAsync("100.00");
        var preview = dee.Page.GetByRole(AriaRole.Table, new() { Name = "Preview of the lines" });
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Bob" })).ToContainTextAsync("€80.00");
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Ada" })).ToContainTextAsync("€20.00");
        var distributionId = await dee.Page.Propose();

        await ada.Page.ApproveAndIssue("€100.00 pro-rata");
        var paid = await ada.Get($"/networks/{n}/distributions/{distributionId}");
        paid["payouts"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p.Money("amount")))
            .Should().BeEquivalentTo([("Ada", "20.00"), ("Bob", "80.00")]);
        var lines = ada.Page.GetByRole(AriaRole.Table, new() { Name = "Lines (they sum to €100.00)" });
        foreach (var line in paid["lines"]!.AsArray())
            await Expect(lines.GetByRole(AriaRole.Row, new() { Name = line!["name"]!.GetValue<string>() }))
                .ToContainTextAsync($"{line["points"]}€{line.Money("amount")}");
        var rows = await ada.Page.DownloadPayouts();
        rows[0].Should().StartWith("memberId,name,amount,currency,reference,");
        rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(5))).Should().Equal(
            paid["payouts"]!.AsArray().Select(p =>
                $"{p!["memberId"]},{p["name"]},{p.Money("amount")},EUR,{p["reference"]}"));
        await ada.ShouldBeAccessible();

        await bob.Page.ReloadAsync();
        await ShouldShowPayoutsAsTheApiHasThem(bob, n, members["Bob"]);
        (await bob.Get($"/networks/{n}/members/{members["Bob"]}/payouts"))["paid"]!["amount"]!.GetValue<string>()
            .Should().Be("80.00");
        await bob.ShouldBeAccessible();
        (await bob.Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(375,
            "nothing scrolls sideways on a phone");
        await bob.Screenshot("my-payouts");
    }

    private static async Task AdoptTenPointsAnHour(IPage page)
    {
        await page.Link("Value equation").ClickAsync();
        await page.GetByLabel("Rate (work)").FillAsync("10");
        await page.Button("What if").ClickAsync();
        await page.Button("Adopt this equation").ClickAsync();
        await Expect(page.GetByTestId("equation-version")).ToContainTextAsync("Version 1");
    }

    private static async Task SignOutAndIn(IPage page, string login, string network)
    {
        await page.Button("Sign out").ClickAsync();
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(Screens.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.Heading(network)).ToBeVisibleAsync();
    }

    /// <summary>Decides the claims the queue shows, as <see cref="Decisions"/> says for each description.</summary>
    private static async Task ReviewAll(IPage page, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (verdict, reason) = Decisions[await page.ClaimUnderReview()];
            await page.Review(verdict, reason);
        }
    }

    private static string Percent(JsonNode shares, string name) =>
        shares["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == name)!["percent"]!
            .GetValue<string>();

    /// <summary>Each of the member's claims on My claims with the status and points the API gives it.</summary>
    private static async Task ShouldShowClaimsAsTheApiHasThem(WebPage member, Guid n, Guid memberId,
        params (string Description, string Status)[] expected)
    {
        var claims = (await member.Get($"/networks/{n}/contributions?memberId={memberId}"))["items"]!.AsArray();
        var shown = new Dictionary<string, string>
        {
            ["accepted"] = "Accepted", ["rejected"] = "Rejected", ["changes-requested"] = "Changes requested",
            ["submitted"] = "Waiting for review",
        };
        foreach (var claim in claims)
        {
            var description = member.Page.GetByText(claim!["description"]!.GetValue<string>(), new() { Exact = true });
            var card = member.Page.GetByRole(AriaRole.Listitem).Filter(new() { Has = description });
            await Expect(card).ToContainTextAsync(shown[claim["status"]!.GetValue<string>()]);
            if (claim["points"]?.GetValue<string>() is { } points && points != "0")
                await Expect(card).ToContainTextAsync($"{points} points");
        }
        claims.Select(c => (c!["description"]!.GetValue<string>(), c["status"]!.GetValue<string>()))
            .Should().BeEquivalentTo(expected);
        var rejected = claims.Single(c => c!["status"]!.GetValue<string>() == "rejected")!;
        rejected["reviews"]![0]!["reason"]!.GetValue<string>().Should().Be("Drawn for another network");
        await Expect(member.Page.GetByText("Reviewer (reject): Drawn for another network")).ToBeVisibleAsync();
    }

    /// <summary>
    /// My payouts: what stands in all, and each payout's reference, amount and source, as the API has them.
    /// </summary>
    private static async Task ShouldShowPayoutsAsTheApiHasThem(WebPage member, Guid n, Guid memberId)
    {
        var payouts = await member.Get($"/networks/{n}/members/{memberId}/payouts");
        await Expect(member.Page.GetByTestId("payouts-paid")).ToHaveTextAsync("€" + payouts.Money("paid"));
        await Expect(member.Page.GetByTestId("payouts-count")).ToHaveTextAsync(payouts["totalCount"]!.ToString());
        var table = member.Page.GetByRole(AriaRole.Table, new() { Name = "Payouts to you, newest first" });
        foreach (var p in payouts["items"]!.AsArray())
        {
            var row = table.GetByRole(AriaRole.Row, new() { Name = p!["reference"]!.GetValue<string>() });
            await Expect(row).ToContainTextAsync($"€{p.Money("amount")}paid");
            await Expect(row).ToContainTextAsync($"{p["policy"]} distribution");
        }
        payouts["items"]!.AsArray().Select(p => (p!.Money("amount"), p!["status"]!.GetValue<string>()))
            .Should().Equal(("80.00", "issued"));
    }
}
