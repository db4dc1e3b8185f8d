using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// Two treasurers: Ada records income and proposes a distribution (its lines previewed as she types), Cy approves
/// it (four eyes), issues the payouts, downloads the CSV, reverses a payout and reissues it. Ada holds 20 points
/// and Bob 10, so 100.00 EUR splits 66.67 / 33.33 (66.666… rounded up, 33.333… down: largest remainder). Every
/// figure the screens show is compared with the API's.
/// </summary>
[Collection(WebCollection.Name)]
public class treasurers_paying_out(WebFixture web)
{
    [Fact]
    public async Task two_treasurers_record_income_distribute_it_pay_it_reverse_and_reissue_a_payout()
    {
        var network = await web.Api.Found("Treasury Makers");
        var n = network.NetworkId;
        await web.Api.AdoptHourlyRate(network, "10");
        await web.Api.WithoutCoolingOff(network);
        var bob = await web.Api.Admit(network, "Bob", "contributor", "reviewer");
        var cyInvite = await web.Api.Admit(network, "Cy", "treasurer");
        await web.Api.Earn(network, network.Token, bob.Token, "2");
        await web.Api.Earn(network, bob.Token, network.Token, "1");

        await using var ada = await web.Open();
        await ada.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        var page = ada.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Treasury" }).ClickAsync();
        await Expect(page.GetByText("No income recorded yet.")).ToBeVisibleAsync();
        await page.Button("Record income").ClickAsync();
        await page.ShouldShowProblemAt("Amount (EUR)", "amount");
        await page.RecordIncome("100.00", "licence-fee", "€100.00"); // by keyboard: Enter submits the form
        await Expect(page.GetByTestId("ledger-income")).ToHaveTextAsync("€100.00");
        await ada.ShouldBeAccessible();

        await page.GetByRole(AriaRole.Link, new() { Name = "Distributions" }).ClickAsync();
        await Expect(page.GetByText("No distribution proposed yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Amount (EUR)").FillAsync("100.001");
        await page.ShouldShowProblemAt("Amount (EUR)", "decimals");
        await page.GetByLabel("Amount (EUR)").FillAsync("100.00");
        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Preview of the lines" });
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Ada" })).ToContainTextAsync("€66.67");
        var expected = await web.Api.Send(HttpMethod.Post, $"/networks/{n}/distributions/preview", network.Token,
            new { amount = new { amount = "100.00", currency = "EUR" }, policy = "pro-rata" });
        foreach (var line in expected["lines"]!.AsArray())
        {
            var row = preview.GetByRole(AriaRole.Row, new() { Name = line!["name"]!.GetValue<string>() });
            await Expect(row).ToContainTextAsync("€" + line.Money("amount"));
        }
        expected["lines"]!.AsArray().Select(l => (l!["name"]!.GetValue<string>(), l.Money("amount"),
            l["rounding"]!.GetValue<string>()[..8])).Should().BeEquivalentTo(
            [("Ada", "66.67", "0.003333"), ("Bob", "33.33", "-0.00333")]);
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Ada" })).ToContainTextAsync("+0.003333");
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Bob" })).ToContainTextAsync("-0.003333");
        await Expect(preview).ToContainTextAsync("needs a second treasurer's approval");
        await ada.ShouldBeAccessible();
        await ada.Screenshot("distributions");
        (await web.Api.Get($"/networks/{n}/distributions", network.Token))["totalCount"]!.GetValue<long>()
            .Should().Be(0, "a preview records nothing");

        var distributionId = await page.Propose();
        await page.Button("Approve").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("another treasurer",
            new() { IgnoreCase = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Treasury" }).ClickAsync();
        await page.Button("Reverse €100.00 received " + await ReceivedToday(page)).ClickAsync();
        await page.Button("Reverse the income").ClickAsync();
        await page.ShouldShowProblemAt("Why it is reversed", "reason");
        await page.GetByLabel("Why it is reversed").FillAsync("Recorded in error");
        await page.Button("Reverse the income").ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Distributions holding this income" })
            .GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex(distributionId + "$"));

        await using var cy = await web.Open(phone: true);
        await cy.AcceptWithNewAccount(cyInvite.InvitationUrl, Screens.UniqueLogin("cy"));
        await cy.Page.ApproveAndIssue("€100.00 pro-rata");
        await cy.ShouldBeAccessible();

        var rows = await cy.Page.DownloadPayouts();
        var paid = await web.Api.Get($"/networks/{n}/distributions/{distributionId}", network.Token);
        var lineTable = cy.Page.GetByRole(AriaRole.Table, new() { Name = "Lines (they sum to €100.00)" });
        foreach (var line in paid["lines"]!.AsArray())
        {
            var row = lineTable.GetByRole(AriaRole.Row, new() { Name = line!["name"]!.GetValue<string>() });
            await Expect(row).ToContainTextAsync($"{line["points"]}€{line.Money("amount")}");
        }
        rows[0].Should().Be(
            "memberId,name,amount,currency,reference,chainSequence,chainHead,iban,bic,accountReference,payoutDetails");
        rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(5))).Should().Equal(
            paid["payouts"]!.AsArray().Select(p =>
                $"{p!["memberId"]},{p["name"]},{p.Money("amount")},EUR,{p["reference"]}"));
        rows.Skip(1).Select(r => r.Split(',')[2]).Should().Equal("66.67", "33.33");

        var bobPayout = paid["payouts"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Bob")!;
        var reference = bobPayout["reference"]!.GetValue<string>();
        await cy.Page.Button($"Reverse {reference}").ClickAsync();
        await cy.Page.GetByLabel($"Why {reference} is reversed").FillAsync("Returned by the bank");
        await cy.Page.Button("Reverse the payout").ClickAsync();
        await Expect(cy.Page.GetByText("reversed (Returned by the bank)", new() { Exact = false }))
            .ToBeVisibleAsync();
        await cy.Page.Button($"Reissue {reference}").ClickAsync();
        await Expect(cy.Page.GetByText($"{reference}-R1: Bob €33.33")).ToBeVisibleAsync();
        await cy.ShouldBeAccessible();
        await cy.Screenshot("distribution");

        var after = await web.Api.Get($"/networks/{n}/distributions/{distributionId}", network.Token);
        after["payouts"]!.AsArray().Select(p => (p!["reference"]!.GetValue<string>(), p["reversed"]!.GetValue<bool>()))
            .Should().Contain([(reference, true), (reference + "-R1", false)]);

        var ledger = await web.Api.Get($"/networks/{n}/ledger", network.Token);
        await cy.Page.GetByRole(AriaRole.Link, new() { Name = "Treasury" }).ClickAsync();
        foreach (var (id, field) in new[] { ("ledger-income", "netIncome"), ("ledger-reserved", "reserved"),
                     ("ledger-distributed", "distributed"), ("ledger-undistributed", "undistributed") })
            await Expect(cy.Page.GetByTestId(id)).ToHaveTextAsync("€" + ledger.Money(field));
        (ledger.Money("netIncome"), ledger.Money("distributed"), ledger.Money("undistributed"))
            .Should().Be(("100.00", "100.00", "0.00"));
        await Expect(cy.Page.GetByRole(AriaRole.Img, new() { Name = "Income and distributed: network: income " +
            "€100.00, distributed €100.00" })).ToBeVisibleAsync();
        var paidTable = cy.Page.GetByRole(AriaRole.Table, new() { Name = "Paid to date" });
        foreach (var member in ledger["members"]!.AsArray())
            await Expect(paidTable.GetByRole(AriaRole.Row, new() { Name = member!["name"]!.GetValue<string>() }))
                .ToContainTextAsync("€" + member.Money("paid"));
        await cy.ShouldBeAccessible();
        await cy.Screenshot("treasury");
    }

    private static async Task<string> ReceivedToday(IPage page) =>
        await page.EvaluateAsync<string>(
            "new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date())");
}
