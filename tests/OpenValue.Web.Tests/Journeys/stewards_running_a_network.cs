using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// A steward grants and revokes roles, moves a member to another stakeholder class from today, opens a project,
/// sets the review and treasury policies, and runs the what-if of a new value equation before adopting it. Ada
/// (founder) holds 20 points, Bob and Cy 10 each: 50 / 25 / 25 % today; with class weights founder 0.4, labour
/// 0.3, investor 0.3 and Bob moved to investor, 40 / 30 / 30 %. Every figure is compared with the API's.
/// </summary>
[Collection(WebCollection.Name)]
public class stewards_running_a_network(WebFixture web)
{
    [Fact]
    public async Task a_steward_changes_roles_a_class_a_project_the_policies_and_the_value_equation()
    {
        var network = await web.Api.Found("Steward Makers");
        var n = network.NetworkId;
        await web.Api.AdoptHourlyRate(network, "10");
        var bob = await web.Api.Admit(network, "Bob", "contributor", "reviewer");
        var cy = await web.Api.Admit(network, "Cy", "contributor");
        await web.Api.Earn(network, network.Token, bob.Token, "2");
        await web.Api.Earn(network, bob.Token, network.Token, "1");
        await web.Api.Earn(network, cy.Token, bob.Token, "1");

        await using var ada = await web.Open(phone: true);
        await ada.AcceptWithNewAccount(network.InvitationUrl, Screens.UniqueLogin("ada"));
        var page = ada.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Stewardship" }).ClickAsync();
        await Expect(page.GetByText("No project yet.")).ToBeVisibleAsync();
        await ada.ShouldBeAccessible();

        await page.Button("Manage Bob").FocusAsync(); // by keyboard: Enter opens, Space ticks a box
        await page.Keyboard.PressAsync("Enter");
        var roles = page.GetByRole(AriaRole.Form, new() { Name = "Roles of Bob" });
        await roles.GetByLabel("treasurer").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(roles.GetByLabel("treasurer")).ToBeCheckedAsync();
        await roles.GetByLabel("reviewer").UncheckAsync();
        await roles.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Expect(roles.GetByRole(AriaRole.Status)).ToHaveTextAsync("Roles saved.");
        var klass = page.GetByRole(AriaRole.Form, new() { Name = "Stakeholder class of Bob" });
        await klass.GetByLabel("Stakeholder class").SelectOptionAsync("investor");
        await klass.GetByLabel("From").FillAsync("");
        await klass.GetByRole(AriaRole.Button, new() { Name = "Change class" }).ClickAsync();
        await page.ShouldShowProblemAt("From", "effectiveOn");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await klass.GetByLabel("From").FillAsync(today);
        await klass.GetByRole(AriaRole.Button, new() { Name = "Change class" }).ClickAsync();
        await Expect(klass.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Bob is investor from {today}.");
        var bobNow = await web.Api.Get($"/networks/{n}/members/{bob.MemberId}", network.Token);
        bobNow["roles"]!.AsArray().Select(r => r!.GetValue<string>())
            .Should().BeEquivalentTo("contributor", "treasurer");
        bobNow["stakeholderClass"]!.GetValue<string>().Should().Be("investor");
        await Expect(page.GetByText("contributor, treasurer · investor")).ToBeVisibleAsync();

        await page.Button("Open the project").ClickAsync();
        await page.ShouldShowProblemAt("Project name", "name");
        await page.GetByLabel("Project name").FillAsync("Frame v2");
        await page.Button("Open the project").ClickAsync();
        var projects = page.GetByRole(AriaRole.List, new() { Name = "Projects" });
        await Expect(projects.GetByText("Frame v2")).ToBeVisibleAsync();
        (await web.Api.Get($"/networks/{n}/projects", network.Token))["projects"]!.AsArray()
            .Select(p => p!["name"]!.GetValue<string>()).Should().Equal("Frame v2");
        await ada.ShouldBeAccessible();
        await ada.Screenshot("steward");

        await page.GetByRole(AriaRole.Link, new() { Name = "Policies" }).ClickAsync();
        await Expect(page.GetByTestId("approvals-required")).ToContainTextAsync("after 1 approval(s)");
        await page.GetByLabel("Approvals required").FillAsync("0");
        await page.Button("Set the review policy").ClickAsync();
        await page.ShouldShowProblemAt("Approvals required", "from 1 to");
        await page.GetByLabel("Approvals required").FillAsync("2");
        await page.Button("Set the review policy").ClickAsync();
        await Expect(page.GetByTestId("approvals-required")).ToContainTextAsync("after 2 approval(s)");
        await page.GetByLabel("Four eyes").SelectOptionAsync("always");
        await page.GetByLabel("Cooling-off (hours)").FillAsync("9999");
        await page.Button("Set the treasury policy").ClickAsync();
        await page.ShouldShowProblemAt("Cooling-off (hours)", "coolingOffHours");
        await page.GetByLabel("Cooling-off (hours)").FillAsync("24");
        await page.Button("Set the treasury policy").ClickAsync();
        await Expect(page.GetByTestId("treasury-policy")).ToContainTextAsync("cooling-off 24 hours");
        (await web.Api.Get($"/networks/{n}/review-policy", network.Token))["approvalsRequired"]!.GetValue<int>()
            .Should().Be(2);
        var treasury = await web.Api.Get($"/networks/{n}/treasury-policy", network.Token);
        (treasury["fourEyes"]!.GetValue<string>(), treasury["coolingOffHours"]!.GetValue<int>(),
            treasury["secondApprovalRequired"]!.GetValue<bool>()).Should().Be(("always", 24, true));
        await Expect(page.GetByTestId("treasury-policy")).ToContainTextAsync("Second approval: required now");
        await ada.ShouldBeAccessible();
        await ada.Screenshot("policies");

        await page.GetByRole(AriaRole.Link, new() { Name = "Value equation" }).ClickAsync();
        await Expect(page.GetByTestId("equation-version")).ToContainTextAsync("Version 1");
        await page.GetByLabel("Rate (work)").FillAsync("-1");
        await page.Button("What if").ClickAsync();
        await page.ShouldShowProblemAt("Rate (work)", "must not be negative");
        await page.GetByLabel("Rate (work)").FillAsync("10");
        foreach (var (c, w) in new[] { ("founder", "0.4"), ("labour", "0.3"), ("investor", "0.3") })
            await page.GetByLabel($"Weight of {c}").FillAsync(w);
        await page.Button("What if").ClickAsync();
        var whatIf = page.GetByRole(AriaRole.Table, new() { Name = "Shares today and under the proposed equation" });
        var expected = await web.Api.Send(HttpMethod.Post, $"/networks/{n}/value-equations/simulate", network.Token,
            new { rules = new { work = new { unit = "hour", rate = "10", multiplier = "1" } },
                classWeights = new { founder = "0.4", labour = "0.3", investor = "0.3" } });
        var lines = expected["members"]!.AsArray().Select(m => (m!["name"]!.GetValue<string>(),
            m["currentPercent"]!.GetValue<string>(), m["proposedPercent"]!.GetValue<string>())).ToList();
        lines.Should().BeEquivalentTo([("Ada", "50.00", "40.00"), ("Bob", "25.00", "30.00"), ("Cy", "25.00", "30.00")]);
        await Expect(page.GetByTestId("what-if-totals")).ToContainTextAsync(
            $"{expected["proposedTotalPoints"]} points in all under the proposal, against " +
            $"{expected["currentTotalPoints"]} today (version 1)");
        foreach (var (name, today_, proposed) in lines)
        {
            var row = whatIf.GetByRole(AriaRole.Row, new() { Name = name });
            await Expect(row).ToContainTextAsync($"{today_} %");
            await Expect(row).ToContainTextAsync($"{proposed} %");
        }
        await ada.ShouldBeAccessible();
        await ada.Screenshot("equation");

        await page.Button("Adopt this equation").ClickAsync();
        await Expect(page.GetByText("Version 2 is adopted and in force.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("equation-version")).ToContainTextAsync("Version 2");
        var current = await web.Api.Get($"/networks/{n}/value-equations/current", network.Token);
        current["version"]!.GetValue<int>().Should().Be(2);
        current["classWeights"]!["investor"]!.GetValue<string>().Should().Be("0.3");
        await Expect(page.GetByTestId("equation-weights")).ToContainTextAsync("founder 0.4, labour 0.3, investor 0.3");
        var shares = await web.Api.Get($"/networks/{n}/shares", network.Token);
        shares["members"]!.AsArray().Select(m => (m!["name"]!.GetValue<string>(), m["percent"]!.GetValue<string>()))
            .Should().BeEquivalentTo([("Ada", "40.00"), ("Bob", "30.00"), ("Cy", "30.00")]);
    }
}
