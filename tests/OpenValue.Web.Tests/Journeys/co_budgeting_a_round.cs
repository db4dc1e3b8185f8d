using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// Ada (treasurer) opens a round of 100.00 EUR from recorded income with equal budgets: 50.00 each for Ada and Bob.
/// Bob, on a 375 px screen, proposes a bucket (20.00 to 60.00), is refused 55.00 beyond his budget at the field,
/// funds 35.00 and takes 5.00 back; the figures shown are the API's. Ada closes the round: the bucket is funded,
/// 30.00 paid to Bob and 70.00 returned, and the CSV's rows are the round's payouts.
/// </summary>
[Collection(WebCollection.Name)]
public class co_budgeting_a_round(WebFixture web)
{
    [Fact]
    public async Task a_treasurer_opens_a_round_a_member_funds_a_bucket_and_the_closing_pays_it()
    {
        var network = await web.Api.Found("Budgeting Makers");
        var n = network.NetworkId;
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        await web.Api.Send(HttpMethod.Post, $"/networks/{n}/income", network.Token,
            new { amount = new { amount = "100.00", currency = "EUR" }, source = "grant",
                receivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd") }, 201);

        await using var ada = await web.Open();
        await ada.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        var page = ada.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Rounds" }).ClickAsync();
        await Expect(page.GetByText("No round opened yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Q4 surplus");
        await page.GetByLabel("Round amount (EUR)").FillAsync("500.00");
        await page.Button("Open the round").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("undistributed");
        await ada.ShouldBeAccessible();
        await page.GetByLabel("Round amount (EUR)").FillAsync("100.00");
        await page.GetByLabel("Round amount (EUR)").PressAsync("Enter"); // by keyboard: Enter submits the form
        await Expect(page.GetByTestId("round-status")).ToHaveTextAsync("open");
        await Expect(page.GetByTestId("my-budget")).ToHaveTextAsync("€50.00");
        await Expect(page.GetByText("No bucket proposed yet.")).ToBeVisibleAsync();
        var roundUrl = new Uri(page.Url).PathAndQuery;
        var roundId = roundUrl.Split('/').Last();

        await using var bob = await web.Open(phone: true);
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        var phone = bob.Page;
        await phone.GetByRole(AriaRole.Link, new() { Name = "Rounds" }).ClickAsync();
        await Expect(phone.GetByLabel("Title")).Not.ToBeVisibleAsync(); // only treasurers open rounds
        await phone.GetByRole(AriaRole.Link, new() { Name = "Q4 surplus: €100.00" }).ClickAsync();
        await Expect(phone.GetByTestId("my-remaining")).ToHaveTextAsync("€50.00");
        await phone.GetByLabel("Bucket title").FillAsync("Router jig");
        await phone.GetByLabel("Description (optional)").FillAsync("A jig for the CNC router");
        await phone.GetByLabel("Minimum goal (EUR)").FillAsync("20.00");
        await phone.GetByLabel("Maximum goal (EUR)").FillAsync("60.00");
        await phone.Button("Propose the bucket").ClickAsync();
        await Expect(phone.Heading("1. Router jig")).ToBeVisibleAsync();

        var amount = "Amount for Router jig (EUR)";
        await phone.GetByLabel(amount).FillAsync("55.00");
        await phone.Button("Fund Router jig").ClickAsync();
        await phone.ShouldShowProblemAt(amount, "You have 50.00 EUR of your budget left");
        await bob.ShouldBeAccessible();
        await phone.GetByLabel(amount).FillAsync("35.00");
        await phone.GetByLabel(amount).PressAsync("Enter");
        await Expect(phone.GetByText("Router jig now holds €35.00.")).ToBeVisibleAsync();
        await phone.GetByLabel(amount).FillAsync("-5.00");
        await phone.Button("Fund Router jig").ClickAsync();
        await Expect(phone.GetByText("Router jig now holds €30.00.")).ToBeVisibleAsync();

        var round = await web.Api.Get($"/networks/{n}/rounds/{roundId}", bobInvite.Token);
        var mine = round["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "Bob")!;
        (mine.Money("budget"), mine.Money("allocated"), mine.Money("remaining"))
            .Should().Be(("50.00", "30.00", "20.00"));
        await Expect(phone.GetByTestId("my-budget")).ToHaveTextAsync("€" + mine.Money("budget"));
        await Expect(phone.GetByTestId("my-allocated")).ToHaveTextAsync("€" + mine.Money("allocated"));
        await Expect(phone.GetByTestId("my-remaining")).ToHaveTextAsync("€" + mine.Money("remaining"));
        var bucket = round["buckets"]!.AsArray().Single()!;
        await Expect(phone.GetByTestId("bucket-total")).ToHaveTextAsync("€" + bucket.Money("total"));
        await Expect(phone.GetByTestId("bucket-status")).ToHaveTextAsync(bucket["status"]!.GetValue<string>());
        await Expect(phone.GetByRole(AriaRole.List, new() { Name = "Funders of Router jig" }))
            .ToHaveTextAsync("Bob: €30.00");
        var budgets = phone.GetByRole(AriaRole.Table, new() { Name = "Budgets (they sum to €100.00)" });
        foreach (var member in round["members"]!.AsArray())
        {
            var row = budgets.GetByRole(AriaRole.Row, new() { Name = member!["name"]!.GetValue<string>() });
            await Expect(row).ToContainTextAsync(
                $"€{member.Money("budget")}€{member.Money("allocated")}€{member.Money("remaining")}");
        }
        await Expect(phone.Button("Close the round")).Not.ToBeVisibleAsync(); // only treasurers close
        await bob.ShouldBeAccessible();
        await bob.Screenshot("round");

        await ada.GoTo(roundUrl);
        await Expect(page.GetByTestId("bucket-total")).ToHaveTextAsync("€30.00");
        await page.Button("Close the round").ClickAsync();
        await Expect(page.GetByTestId("round-status")).ToHaveTextAsync("closed");
        await Expect(page.GetByTestId("bucket-status")).ToHaveTextAsync("funded");
        var closed = await web.Api.Get($"/networks/{n}/rounds/{roundId}", network.Token);
        (closed.Money("paid"), closed.Money("returned")).Should().Be(("30.00", "70.00"));
        await Expect(page.GetByTestId("round-paid")).ToHaveTextAsync("€" + closed.Money("paid"));
        await Expect(page.GetByTestId("round-returned")).ToHaveTextAsync("€" + closed.Money("returned"));
        await Expect(page.GetByLabel("Amount for Router jig (EUR)")).Not.ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the payouts (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().StartWith("memberId,name,amount,currency,reference,bucketId,bucket");
        rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(7))).Should().Equal(
            closed["payouts"]!.AsArray().Select(p =>
                $"{p!["memberId"]},Bob,30.00,EUR,{p["reference"]},{p["bucketId"]},Router jig"));
        var payout = closed["payouts"]!.AsArray().Single()!;
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Payouts" }))
            .ToHaveTextAsync($"{payout["reference"]}: Bob €30.00");
        await ada.ShouldBeAccessible();
        await ada.Screenshot("round-closed");

        await page.GetByRole(AriaRole.Link, new() { Name = "All rounds" }).ClickAsync();
        var listed = page.GetByRole(AriaRole.List, new() { Name = "Rounds" }).GetByRole(AriaRole.Listitem);
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("closed");
        await Expect(listed).ToContainTextAsync("1 bucket");
        await ada.ShouldBeAccessible();
    }

    /// <summary>
    /// Buckets need approval: Bob's bucket waits (nothing to fund yet), Ada approves it as steward by keyboard, Bob
    /// funds it and cancels it; what was in it counts as his remaining budget again, as the API says.
    /// </summary>
    [Fact]
    public async Task a_steward_approves_a_bucket_and_its_owner_cancels_it()
    {
        var network = await web.Api.Found("Approving Makers");
        var n = network.NetworkId;
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        await web.Api.Send(HttpMethod.Post, $"/networks/{n}/income", network.Token,
            new { amount = new { amount = "40.00", currency = "EUR" }, source = "donation",
                receivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd") }, 201);
        var opened = await web.Api.Send(HttpMethod.Post, $"/networks/{n}/rounds", network.Token,
            new { title = "Spring tools", amount = new { amount = "40.00", currency = "EUR" }, budget = "equal",
                closesAt = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                bucketsNeedApproval = true }, 201);
        var roundPath = $"/app/n/{n}/rounds/{opened["roundId"]}";

        await using var bob = await web.Open(phone: true);
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.GoTo(roundPath);
        await bob.Page.GetByLabel("Bucket title").FillAsync("Lamp");
        await bob.Page.GetByLabel("Minimum goal (EUR)").FillAsync("5.00");
        await bob.Page.GetByLabel("Maximum goal (EUR)").FillAsync("10.00");
        await bob.Page.Button("Propose the bucket").ClickAsync();
        await Expect(bob.Page.GetByText("Proposed Lamp: it waits for a steward's approval.")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByTestId("bucket-status")).ToHaveTextAsync("proposed");
        await Expect(bob.Page.GetByLabel("Amount for Lamp (EUR)")).Not.ToBeVisibleAsync();
        await Expect(bob.Page.Button("Approve Lamp")).Not.ToBeVisibleAsync(); // only stewards approve

        await using var ada = await web.Open();
        await ada.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        await ada.GoTo(roundPath);
        await ada.Page.Button("Approve Lamp").FocusAsync();
        await ada.Page.Keyboard.PressAsync("Enter");
        await Expect(ada.Page.GetByTestId("bucket-status")).ToHaveTextAsync("open");
        await ada.ShouldBeAccessible();

        await bob.Page.ReloadAsync();
        await bob.Page.GetByLabel("Amount for Lamp (EUR)").FillAsync("8.00");
        await bob.Page.GetByLabel("Amount for Lamp (EUR)").PressAsync("Enter");
        await Expect(bob.Page.GetByTestId("my-remaining")).ToHaveTextAsync("€12.00");
        await bob.Page.Button("Cancel Lamp").ClickAsync();
        await Expect(bob.Page.GetByTestId("bucket-status")).ToHaveTextAsync("cancelled");
        var round = await web.Api.Get($"/networks/{n}/rounds/{opened["roundId"]}", bobInvite.Token);
        var mine = round["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "Bob")!;
        mine.Money("remaining").Should().Be("20.00", "what is in a cancelled bucket counts as remaining again");
        await Expect(bob.Page.GetByTestId("my-remaining")).ToHaveTextAsync("€" + mine.Money("remaining"));
        await Expect(bob.Page.GetByTestId("bucket-total")).ToHaveTextAsync("€8.00"); // the funding stays on record
        await Expect(bob.Page.Button("Cancel Lamp")).Not.ToBeVisibleAsync();
        await bob.ShouldBeAccessible();
    }
}
