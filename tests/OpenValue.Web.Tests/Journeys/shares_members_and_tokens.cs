using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// A contributor sees their share explained and over time, shares as of an earlier date, another member's page,
/// and makes, uses and revokes a personal API token; a reviewer sees each waiting claim's progress. At 10 points
/// an hour (multiplier 1): Bob's 2 hours are 20 points, Ada's 6 hours 60, so Bob holds 20 / 80 = 25 %.
/// </summary>
[Collection(WebCollection.Name)]
public class shares_members_and_tokens(WebFixture web)
{
    private async Task<Guid> Accepted(Network n, string authorToken, string reviewerToken, string hours, string what)
    {
        var claim = await web.Api.Send(HttpMethod.Post, $"/networks/{n.NetworkId}/contributions", authorToken,
            new { kind = "work", quantity = hours, unit = "hour", occurredOn = "2026-11-20", description = what }, 201);
        var id = claim["contributionId"]!.GetValue<Guid>();
        await Review(n, id, reviewerToken);
        return id;
    }

    private async Task Review(Network n, Guid id, string reviewerToken)
    {
        var read = await web.Api.Get($"/networks/{n.NetworkId}/contributions/{id}", reviewerToken);
        await web.Api.Send(HttpMethod.Post, $"/networks/{n.NetworkId}/contributions/{id}/reviews", reviewerToken,
            new { verdict = "approve", expectedVersion = read["version"]!.GetValue<long>() });
    }

    [Fact]
    public async Task a_contributor_sees_their_share_explained_over_time_as_of_a_date_and_another_members_page()
    {
        var n = await web.Api.Found("Share Makers");
        await web.Api.AdoptHourlyRate(n, "10");
        var bobInvite = await web.Api.Admit(n, "Bob", "contributor");
        var cy = await web.Api.Admit(n, "Cy", "reviewer");
        await Accepted(n, bobInvite.Token, n.Token, "2", "Router jig");
        await Accepted(n, n.Token, cy.Token, "6", "Wall panels");

        await using var bob = await web.Open();
        await bob.AcceptWithNewAccount(bobInvite.InvitationUrl, Screens.UniqueLogin("bob"));
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "My share" }).ClickAsync();
        var explained = await web.Api.Get($"/networks/{n.NetworkId}/members/{bobInvite.MemberId}/share",
            bobInvite.Token);
        explained["points"]!.GetValue<string>().Should().Be("20");
        explained["percent"]!.GetValue<string>().Should().Be("25.00");
        await Expect(bob.Page.GetByTestId("share-points")).ToHaveTextAsync("20");
        await Expect(bob.Page.GetByTestId("share-total")).ToHaveTextAsync("80");
        await Expect(bob.Page.GetByTestId("share-percent")).ToHaveTextAsync("25.00 %");
        await Expect(bob.Page.GetByRole(AriaRole.Rowheader, new() { Name = "2 hour of work" })).ToBeVisibleAsync();

        var history = await web.Api.Get(
            $"/networks/{n.NetworkId}/shares/history?memberId={bobInvite.MemberId}&step=week", bobInvite.Token);
        var points = history["points"]!.AsArray();
        points.Should().HaveCount(26, "25 weekly steps before now, and now");
        points[^1]!["percent"]!.GetValue<string>().Should().Be("25.00");
        points[0]!["percent"]!.GetValue<string>().Should().Be("0.00");
        await Expect(bob.Page.GetByRole(AriaRole.Img, new() { NameRegex = new("to .* \\(25\\.00 %\\)$") }))
            .ToBeVisibleAsync();
        var rows = bob.Page.GetByRole(AriaRole.Table, new() { Name = "Your points and share by week" })
            .Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(26);
        await Expect(rows.First.Locator("td").Last).ToHaveTextAsync("25.00 %");
        await bob.ShouldBeAccessible();
        await bob.Screenshot("my-share");

        // As of yesterday (its last second) nothing had been accepted: the API and the dashboard say 0.
        var yesterday = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd");
        var earlier = await web.Api.Get($"/networks/{n.NetworkId}/shares?asOf={yesterday}T23:59:59Z", bobInvite.Token);
        earlier["totalPoints"]!.GetValue<string>().Should().Be("0");
        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(bob.Page.GetByTestId("total-points")).ToHaveTextAsync("80");
        await bob.Page.GetByLabel("Shares as of (end of day, UTC)").FillAsync(yesterday);
        await Expect(bob.Page.GetByTestId("total-points")).ToHaveTextAsync("0");
        await Expect(bob.Page.GetByText("No accepted claims yet, so nobody holds points.")).ToBeVisibleAsync();
        await bob.Page.GetByLabel("Shares as of (end of day, UTC)").FillAsync("");
        await Expect(bob.Page.GetByTestId("total-points")).ToHaveTextAsync("80");
        await Expect(bob.Page.GetByText("Reviewed Bob’s claim “Router jig”: approve.")).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();

        await bob.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Ada" }).ClickAsync();
        await Expect(bob.Page.Heading("Ada")).ToBeVisibleAsync();
        var ada = await web.Api.Get($"/networks/{n.NetworkId}/members/{n.MemberId}/share", bobInvite.Token);
        ada["percent"]!.GetValue<string>().Should().Be("75.00");
        await Expect(bob.Page.GetByTestId("share-percent")).ToHaveTextAsync("75.00 %");
        await Expect(bob.Page.GetByTestId("share-points")).ToHaveTextAsync("60");
        var roles = string.Join(", ", ada["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        roles.Should().Be("contributor, reviewer, treasurer, steward", "the founder holds every role");
        await Expect(bob.Page.GetByTestId("member-roles"))
            .ToHaveTextAsync($"{roles} · {ada["stakeholderClass"]!.GetValue<string>()} class");
        await Expect(bob.Page.GetByRole(AriaRole.List, new() { Name = "Recent claims of Ada" })
            .GetByText("Wall panels")).ToBeVisibleAsync();
        await bob.ShouldBeAccessible();
        await bob.Screenshot("member");
    }

    [Fact]
    public async Task a_member_creates_a_token_uses_it_from_outside_the_browser_and_revokes_it()
    {
        var n = await web.Api.Found("Token Makers");
        await using var ada = await web.Open(phone: true);
        await ada.AcceptWithNewAccount(n.InvitationUrl, Screens.UniqueLogin("ada"));
        await ada.Page.GetByRole(AriaRole.Link, new() { Name = "Tokens" }).ClickAsync();
        await Expect(ada.Page.GetByText("You have no personal tokens.")).ToBeVisibleAsync();
        await ada.Page.Button("Create token").ClickAsync();
        await ada.Page.ShouldShowProblemAt("Name", "1 to 80 characters");
        await ada.Page.GetByLabel("Name").FillAsync("ci script");
        await ada.Page.Button("Create token").ClickAsync();
        var shown = ada.Page.GetByLabel("Token “ci script” (shown only now)");
        await Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ov_"));
        var secret = await shown.InputValueAsync();
        await ada.ShouldBeAccessible();
        await ada.Screenshot("tokens");

        // Used as a script would: a plain HTTP request with the bearer token, no cookie.
        using var script = new HttpClient { BaseAddress = web.Http.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await script.GetAsync($"/networks/{n.NetworkId}/members")).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await web.Api.Get($"/networks/{n.NetworkId}/members/{n.MemberId}/tokens", secret);
        listed["tokens"]![0]!["name"]!.GetValue<string>().Should().Be("ci script");

        await ada.Page.Button("Revoke “ci script”").ClickAsync();
        await Expect(ada.Page.GetByText("You have no personal tokens.")).ToBeVisibleAsync();
        (await script.GetAsync($"/networks/{n.NetworkId}/members")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ada.Page.EvaluateAsync<int>("() => window.localStorage.length")).Should().Be(0);
    }

    [Fact]
    public async Task a_reviewer_sees_each_claims_progress_and_the_authors_recent_claims()
    {
        var n = await web.Api.Found("Queue Makers");
        await web.Api.AdoptHourlyRate(n, "10");
        await web.Api.Send(HttpMethod.Post, $"/networks/{n.NetworkId}/review-policy", n.Token,
            new { approvalsRequired = 2 });
        var bob = await web.Api.Admit(n, "Bob", "contributor");
        var cy = await web.Api.Admit(n, "Cy", "reviewer");
        var first = await Claim(n, bob.Token, "Router jig");
        await Claim(n, bob.Token, "Frame drawings");
        await Review(n, first, cy.Token);

        await using var ada = await web.Open();
        await ada.AcceptWithNewAccount(n.InvitationUrl, Screens.UniqueLogin("ada"));
        await ada.Page.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(ada.Page.GetByText("2 waiting for you")).ToBeVisibleAsync();
        var queue = await web.Api.Get($"/networks/{n.NetworkId}/review-queue", n.Token);
        queue["approvalsRequired"]!.GetValue<int>().Should().Be(2);
        // Cy approved the first claim: 1 of 2; nobody the second: 0 of 2.
        await Expect(ada.Page.GetByTestId("queue-progress")).ToHaveTextAsync(["1 of 2 approvals", "0 of 2 approvals"]);
        await Expect(ada.Page.GetByRole(AriaRole.List, new() { Name = "Recent claims of Bob" })
            .GetByText("Frame drawings")).ToBeVisibleAsync();
        await ada.ShouldBeAccessible();
        await ada.Page.Button("Approve").ClickAsync();
        await Expect(ada.Page.GetByText("1 waiting for you")).ToBeVisibleAsync();
        (await web.Api.Get($"/networks/{n.NetworkId}/contributions/{first}", n.Token))["status"]!
            .GetValue<string>().Should().Be("accepted");
        await Expect(ada.Page.GetByTestId("queue-progress")).ToHaveTextAsync(["0 of 2 approvals"]);
    }

    private async Task<Guid> Claim(Network n, string token, string what) =>
        (await web.Api.Send(HttpMethod.Post, $"/networks/{n.NetworkId}/contributions", token,
            new { kind = "work", quantity = "1", unit = "hour", occurredOn = "2026-11-20", description = what }, 201))
        ["contributionId"]!.GetValue<Guid>();
}
