using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// A member reads a proposal's counts and why, blocks without a reason (refused at the field), blocks with one,
/// then changes to agree with the keyboard; the counts are the API's: 2 eligible, Ada agreed, then Bob.
/// </summary>
[Collection(WebCollection.Name)]
public class deciding_by_proposal(WebFixture web)
{
    [Fact]
    public async Task a_member_reads_a_proposal_and_states_a_position()
    {
        var network = await web.Api.Found("Deciding Makers");
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        var closesAt = DateTimeOffset.UtcNow.AddDays(4).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var created = await web.Api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/proposals", network.Token,
            new { title = "We meet on Mondays", kind = "decision", change = new { text = "The call moves to Monday." },
                closesAt }, expect: 201);
        var proposalId = created["proposalId"]!.GetValue<string>();
        await web.Api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/proposals/{proposalId}/positions",
            network.Token, new { position = "agree" });

        await using var bob = await web.Open();
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "Proposals" }).ClickAsync();
        await bob.Page.Button("We meet on Mondays").ClickAsync();
        await Expect(bob.Page.Heading("We meet on Mondays")).ToBeVisibleAsync();
        // 2 eligible, 1 agree, 1 not stated, no block: a standard decision would pass.
        var counts = bob.Page.GetByLabel("Counts");
        await Expect(counts).ToContainTextAsync("Eligible2");
        await Expect(counts).ToContainTextAsync("Not stated1");
        await Expect(bob.Page.GetByText("Would pass now: Standard: passes with no block (0 blocks)."))
            .ToBeVisibleAsync();

        await bob.Page.GetByLabel("Position", new() { Exact = true }).SelectOptionAsync("block");
        await bob.Page.Button("State position").ClickAsync();
        await bob.Page.ShouldShowProblemAt("Reason", "needs a reason");
        await bob.ShouldBeAccessible();
        await bob.Page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Mondays I am at the workshop");
        await bob.Page.Button("State position").ClickAsync();
        // Bob was the last voter: the proposal closed at once, failed by his block.
        await Expect(bob.Page.GetByText("It failed: Standard: fails with any block (1 block).")).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();

        var proposal = await web.Api.Get($"/networks/{network.NetworkId}/proposals/{proposalId}", network.Token);
        proposal["status"]!.GetValue<string>().Should().Be("failed");
        proposal["counts"]!["block"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task the_position_form_works_from_the_keyboard()
    {
        var network = await web.Api.Found("Keyboard Makers");
        var bobInvite = await web.Api.Admit(network, "Bob", "contributor");
        var closesAt = DateTimeOffset.UtcNow.AddDays(4).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await web.Api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/proposals", network.Token,
            new { title = "Tuesdays", kind = "decision", change = new { text = "Tuesdays." }, closesAt }, expect: 201);

        await using var bob = await web.Open();
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "Proposals" }).ClickAsync();
        await bob.Page.Button("Tuesdays").FocusAsync();
        await bob.Page.Keyboard.PressAsync("Enter");
        await bob.Page.GetByLabel("Position", new() { Exact = true }).FocusAsync();
        await bob.Page.Keyboard.PressAsync("ArrowDown"); // agree -> abstain
        await bob.Page.Keyboard.PressAsync("Tab");
        await bob.Page.Keyboard.PressAsync("Tab");
        await bob.Page.Keyboard.PressAsync("Enter");
        await Expect(bob.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your position is recorded." }))
            .ToBeVisibleAsync();
        var counts = bob.Page.GetByLabel("Counts");
        await Expect(counts).ToContainTextAsync("Abstain1");
    }
}
