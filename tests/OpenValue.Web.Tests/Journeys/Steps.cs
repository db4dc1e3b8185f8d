using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>
/// Steps people take in the browser that more than one journey takes: founding, admitting with a copied link,
/// claiming, reviewing, amending, recording income, approving and paying a distribution, downloading its CSV.
/// Each waits for the screen to show that it happened, so the step after starts from a settled screen.
/// </summary>
public static class Steps
{
    public const string ReviewReason = "Reason (needed to reject or request changes)";

    public static ILocator Link(this IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Fills the founding form (the network and the founder's new account) without sending it.</summary>
    public static async Task FillFounding(this IPage page, string network, string founder, string login)
    {
        await page.GetByLabel("Network name").FillAsync(network);
        await page.GetByLabel("Your name in the network").FillAsync(founder);
        await page.GetByLabel("Login (email or user name)").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(Screens.Password);
    }

    /// <summary>Founds a network on /app/found with a new account, and lands on its dashboard; its id.</summary>
    public static async Task<Guid> Found(this WebPage web, string network, string founder, string login)
    {
        await web.GoTo("/app/found");
        await web.Page.FillFounding(network, founder, login);
        await web.Page.Button("Found the network").ClickAsync();
        // Two requests, each hashing a password or a secret: slower than a screen's usual step on a busy machine.
        await Expect(web.Page.Heading(network)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return Guid.Parse(new Uri(web.Page.Url).AbsolutePath.Split('/')[3]);
    }

    /// <summary>
    /// On the Members screen, admits a member with exactly <paramref name="roles"/> and copies the invitation link
    /// the screen shows; the link as the clipboard holds it.
    /// </summary>
    public static async Task<string> AdmitAndCopyLink(this IPage page, string name, params string[] roles)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        foreach (var role in new[] { "contributor", "reviewer", "treasurer", "steward" })
            await page.GetByLabel(role, new() { Exact = true }).SetCheckedAsync(roles.Contains(role));
        await page.Button("Admit").ClickAsync();
        await Expect(page.GetByLabel($"Invitation link for {name} (works once, for 7 days)")).ToBeVisibleAsync();
        await page.Button("Copy link").ClickAsync();
        await Expect(page.GetByText("Copied.", new() { Exact = false })).ToBeVisibleAsync();
        return await page.EvaluateAsync<string>("navigator.clipboard.readText()");
    }

    /// <summary>On My claims, submits hours of work and waits for the screen to confirm it.</summary>
    public static async Task Claim(this IPage page, string hours, string what)
    {
        await page.GetByLabel("Quantity (hour)").FillAsync(hours);
        await page.GetByLabel("What you did").FillAsync(what);
        await page.Button("Submit claim").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Claim submitted" })).ToBeVisibleAsync();
    }

    /// <summary>The description of the claim the review queue shows now.</summary>
    public static Task<string> ClaimUnderReview(this IPage page) =>
        page.GetByRole(AriaRole.Article).Locator("p").First.InnerTextAsync();

    /// <summary>
    /// Decides the claim the review queue shows: "Approve", or "Reject" / "Request changes", first refused without
    /// a reason (shown at the field), then with <paramref name="reason"/>; waits for the next claim.
    /// </summary>
    public static async Task Review(this IPage page, string verdict, string? reason = null)
    {
        var heading = page.Locator("#claim-heading");
        var before = await heading.InnerTextAsync();
        await page.Button(verdict).ClickAsync();
        if (verdict != "Approve")
        {
            await page.ShouldShowProblemAt(ReviewReason, "reason");
            await page.GetByLabel(ReviewReason).FillAsync(reason ?? $"{verdict}: see the workshop notes");
            await page.Button(verdict).ClickAsync();
        }
        await Expect(heading.Filter(new() { HasText = before })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// On My claims, opens the amendment of a claim a reviewer asked to change and fills it; the form.
    /// </summary>
    public static async Task<ILocator> FillAmendment(this IPage page, string what, string newWhat, string hours)
    {
        await page.Button($"Amend “{what}”").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = $"Amend the claim: {what}" });
        await form.GetByLabel("What you did").FillAsync(newWhat);
        await form.GetByLabel("Quantity (hour)").FillAsync(hours);
        return form;
    }

    public static Task SendAmendment(this ILocator form) =>
        form.GetByRole(AriaRole.Button, new() { Name = "Send for review again" }).ClickAsync();

    /// <summary>
    /// On the Treasury screen, records income by keyboard (Enter submits) and waits for it to be said.
    /// </summary>
    public static async Task RecordIncome(this IPage page, string amount, string source, string said)
    {
        await page.GetByLabel("Amount (EUR)").FillAsync(amount);
        await page.GetByLabel("Source").SelectOptionAsync(source);
        await page.GetByLabel("Amount (EUR)").PressAsync("Enter");
        await Expect(page.GetByText($"Recorded {said} of income.")).ToBeVisibleAsync();
    }

    /// <summary>Proposes the distribution the form holds; its id, from the distribution's screen it opens.</summary>
    public static async Task<string> Propose(this IPage page)
    {
        await page.Button("Propose").ClickAsync();
        await Expect(page.GetByTestId("distribution-status")).ToHaveTextAsync("proposed");
        return page.Url.Split('/').Last();
    }

    /// <summary>
    /// A second treasurer opens the distribution from the list, approves it by keyboard and issues its payouts.
    /// </summary>
    public static async Task ApproveAndIssue(this IPage page, string listed)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Distributions" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = listed, Exact = false }).ClickAsync();
        await page.Button("Approve").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("distribution-status")).ToHaveTextAsync("approved");
        await page.Button("Issue payouts").ClickAsync();
        await Expect(page.GetByTestId("distribution-status")).ToHaveTextAsync("paid");
    }

    /// <summary>The rows of the paid distribution's CSV as the browser downloads it, the header first.</summary>
    public static async Task<string[]> DownloadPayouts(this IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the payouts (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        return csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
