using Microsoft.Playwright;
using OpenValue.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenValue.Web.Tests.Journeys;

[Collection(WebCollection.Name)]
public class founding_and_signing_in(WebFixture web)
{
    [Fact]
    public async Task a_steward_founds_a_network_signs_out_and_signs_in_again_by_keyboard()
    {
        await using var steward = await web.Open();
        var page = steward.Page;
        await steward.GoTo("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/sign-in$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "found a network" }).ClickAsync();

        await page.Button("Found the network").ClickAsync();
        await page.ShouldShowProblemAt("Network name", "name");
        await steward.ShouldBeAccessible();

        var login = Screens.UniqueLogin("ada");
        await page.FillFounding("Wikihouse Makers", "Ada", login);
        await steward.Screenshot("found");
        await page.Button("Found the network").ClickAsync();

        await Expect(page.Heading("Wikihouse Makers")).ToBeVisibleAsync();
        await Expect(page.GetByText("No accepted claims yet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("total-points")).ToHaveTextAsync("0");
        await steward.ShouldBeAccessible();

        await page.Button("Sign out").ClickAsync();
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        await page.GetByLabel("Login").FocusAsync();
        await page.Keyboard.TypeAsync(login);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Screens.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Heading("Wikihouse Makers")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_wrong_password_is_said_above_the_form_and_nobody_is_signed_in()
    {
        await using var visitor = await web.Open();
        var page = visitor.Page;
        await visitor.GoTo("/app/sign-in");
        await page.GetByLabel("Login").FillAsync(Screens.UniqueLogin("nobody"));
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.Button("Sign in").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The login or the password is wrong.");
        await visitor.ShouldBeAccessible();
        await visitor.Screenshot("sign-in");
    }

    [Fact]
    public async Task the_root_and_a_deep_link_serve_the_app_with_a_policy_that_allows_no_inline_script()
    {
        using var root = await web.Http.GetAsync("/");
        root.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/app", "/ redirects to the app");
        using var deep = await web.Http.GetAsync("/app/n/00000000-0000-0000-0000-000000000000/claims");
        deep.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var policy = deep.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        (await deep.Content.ReadAsStringAsync()).Should().Contain("<div id=\"root\">");
        using var missing = await web.Http.GetAsync("/app/assets/gone.js");
        missing.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "a missing asset is not the page");
    }
}
